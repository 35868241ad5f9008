package org.peersupport.portal.reporting.entity;

import java.time.Instant;
import java.time.LocalDate;

/** A completed course place, as the API reports it for incremental sync. */
public record Completion(long enrolmentId, String username, String displayName, String department,
        String organisation, String courseCode, String courseTitle, String cohortName, LocalDate cohortStart,
        Instant enrolledAt, Instant completedAt, String certificateCode) {
}
