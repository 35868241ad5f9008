package org.peersupport.portal.assessment.boundary;

import java.time.Instant;

/** A sampling plan: its numbers, the verifier who receives its samples, and its version for the next save. */
public record PlanView(long id, Long assessorId, int firstN, int ratePercent, String verifierName, Instant updatedAt,
        long version) {
}
