package org.peersupport.portal.candidate.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.peersupport.portal.candidate.entity.PlaceRequestStatus;

/** One of the caller's own requests for a place, with the coordinator's decision and reason once made. */
public record MyPlaceRequest(long id, long cohortId, String cohortName, String courseCode, String courseTitle,
        LocalDate startDate, String message, Instant requestedAt, PlaceRequestStatus status, String decisionReason,
        Instant decidedAt) {
}
