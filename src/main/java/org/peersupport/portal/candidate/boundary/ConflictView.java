package org.peersupport.portal.candidate.boundary;

import java.time.Instant;

/**
 * A conflict of interest a supervisor has declared: with whom, when, their note, and whether they supervise that
 * person now (a coordinator must then reallocate).
 */
public record ConflictView(long id, String username, String displayName, String department, Instant declaredAt,
        String note, boolean supervisedNow) {
}
