package org.peersupport.portal.candidate.boundary;

import java.time.Instant;

/** One allocation in an enrolment's history; the current one has no end. */
public record AllocationView(String supervisorUsername, String supervisorName, Instant allocatedAt, Instant endedAt,
        String allocatedBy, String reason) {
}
