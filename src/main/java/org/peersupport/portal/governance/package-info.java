/**
 * Information governance: what the portal holds about a person, gathered from each feature's declaration
 * ({@link org.peersupport.portal.platform.control.PersonalData}), exported for a subject access request, and
 * read by the data protection officer. The last feature: it may use every other one, and none uses it.
 */
package org.peersupport.portal.governance;
