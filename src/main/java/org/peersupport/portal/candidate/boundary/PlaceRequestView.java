package org.peersupport.portal.candidate.boundary;

import java.time.Instant;
import org.peersupport.portal.candidate.entity.PlaceRequestStatus;

/** A request for a place on a cohort. */
public record PlaceRequestView(long id, long cohortId, String username, String displayName, String department,
        String message, Instant requestedAt, PlaceRequestStatus status) {
}
