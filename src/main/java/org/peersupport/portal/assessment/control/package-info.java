/**
 * Issuing a certificate when an enrolment completes, verification codes (generation, normalising, hashing),
 * writing the certificate PDF and limiting how fast one address may check codes.
 */
package org.peersupport.portal.assessment.control;
