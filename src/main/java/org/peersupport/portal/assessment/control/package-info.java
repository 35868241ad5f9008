/**
 * Plain logic of assessment: who may assess or verify a submission ({@link
 * org.peersupport.portal.assessment.control.AssessmentAccess}), recording a decision with everything that must happen
 * in its transaction ({@link org.peersupport.portal.assessment.control.Decisions}), sampling sign-offs ({@link
 * org.peersupport.portal.assessment.control.Sampling}), re-checking an assessor's password ({@link
 * org.peersupport.portal.assessment.control.PasswordCheck}), completing enrolments ({@link
 * org.peersupport.portal.assessment.control.CompletionRules}) and the event notifications hang on ({@link
 * org.peersupport.portal.assessment.control.AssessmentEvent}); and certificates: issuing one when an enrolment
 * completes, verification codes (generation, normalising, hashing), writing the certificate PDF and limiting how fast
 * one address may check codes.
 */
package org.peersupport.portal.assessment.control;
