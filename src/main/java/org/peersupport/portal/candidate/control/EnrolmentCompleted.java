package org.peersupport.portal.candidate.control;

/**
 * Fired synchronously, inside the transaction, when an enrolment becomes completed, by {@link EnrolmentCompletion}
 * alone, whoever decided it (a coordinator, or the assessment feature's completion rules). The assessment feature
 * observes it to issue the certificate.
 */
public record EnrolmentCompleted(long enrolmentId) {
}
