package org.peersupport.portal.reporting.entity;

import java.time.Instant;
import java.time.LocalDate;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * One course place on a staff training record: course, cohort and its dates, status, when it was enrolled and
 * completed, days paused, sessions done and the certificate's verification code (null until certificates exist).
 */
public record TrainingLine(long enrolmentId, String courseCode, String courseTitle, String cohortName,
        LocalDate cohortStart, LocalDate cohortEnd, EnrolmentStatus status, boolean overdue, Instant enrolledAt,
        LocalDate expectedEnd, int pausedDays, Instant completedAt, Instant statusChangedAt, int sessionsDone,
        int sessionsTotal, String certificateCode) {
}
