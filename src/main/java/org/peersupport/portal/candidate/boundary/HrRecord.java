package org.peersupport.portal.candidate.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * What HR sees of an enrolment: name, department, course, cohort, status and dates. Nothing else: no notes,
 * attendance detail, history reasons or learning content.
 */
public record HrRecord(long enrolmentId, String displayName, String department, String courseCode, String cohortName,
        EnrolmentStatus status, Instant enrolledAt, Instant statusChangedAt, LocalDate expectedEndDate,
        Instant completedAt) {
}
