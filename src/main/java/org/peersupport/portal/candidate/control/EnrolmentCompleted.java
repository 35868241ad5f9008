package org.peersupport.portal.candidate.control;

/**
 * Fired synchronously, inside the transaction, when an enrolment becomes completed. The assessment feature
 * observes it to issue the certificate; whatever later decides completion (attendance, lessons, tasks) completes
 * the enrolment through the lifecycle and so fires it too.
 */
public record EnrolmentCompleted(long enrolmentId) {
}
