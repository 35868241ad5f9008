package org.peersupport.portal.candidate.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/** An enrolment in a list. */
public record EnrolmentSummary(long id, long cohortId, String cohortName, String courseCode, String username,
        String displayName, String department, EnrolmentStatus status, Instant enrolledAt, LocalDate expectedEndDate,
        long version) {
}
