/**
 * The certificates boundary (who may download which certificate, and the public verification), the PDF download
 * servlet and the page beans for the candidate's certificates and the verification page.
 */
package org.peersupport.portal.assessment.boundary;
