/**
 * Plain logic of assessment: who may assess or verify a submission ({@link
 * org.peersupport.portal.assessment.control.AssessmentAccess}), recording a decision with everything that must happen
 * in its transaction ({@link org.peersupport.portal.assessment.control.Decisions}), sampling sign-offs ({@link
 * org.peersupport.portal.assessment.control.Sampling}), re-checking an assessor's password ({@link
 * org.peersupport.portal.assessment.control.PasswordCheck}), completing enrolments ({@link
 * org.peersupport.portal.assessment.control.CompletionRules}) and the event notifications hang on ({@link
 * org.peersupport.portal.assessment.control.AssessmentEvent}).
 */
package org.peersupport.portal.assessment.control;
