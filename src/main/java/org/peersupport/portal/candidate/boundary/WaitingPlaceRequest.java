package org.peersupport.portal.candidate.boundary;

import java.time.Instant;

/** A request for a place waiting for a coordinator's decision, as the coordinator's home page lists it. */
public record WaitingPlaceRequest(long id, long cohortId, String cohortName, String courseCode, String displayName,
        String department, Instant requestedAt) {
}
