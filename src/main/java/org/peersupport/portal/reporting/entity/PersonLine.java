package org.peersupport.portal.reporting.entity;

import java.time.Instant;
import java.time.LocalDate;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * One place in a drill-down list: who, where they work, which course and cohort, the status and its dates. Nothing
 * else: HR never sees evidence, notes, attendance detail or reasons.
 */
public record PersonLine(long enrolmentId, long personId, String displayName, String department, String organisation,
        String courseCode, String courseTitle, String cohortName, EnrolmentStatus status, boolean overdue,
        Instant enrolledAt, LocalDate cohortStart, LocalDate expectedEnd, Instant completedAt, Instant statusChangedAt) {
}
