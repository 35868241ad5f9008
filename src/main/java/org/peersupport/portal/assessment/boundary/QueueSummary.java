package org.peersupport.portal.assessment.boundary;

/** How much work waits for a supervisor: submissions to review, and of those, how many a verifier returned. */
public record QueueSummary(long waiting, long returned) {
}
