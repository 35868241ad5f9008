package org.peersupport.portal.candidate.boundary;

import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * One candidate on a supervisor's caseload and how they are doing against the cohort's schedule.
 */
public record CaseloadLine(long enrolmentId, String username, String displayName, String cohortName, String courseCode,
        EnrolmentStatus status, Progress progress, int lessonsDone, int lessonsDue, int attendancePercent) {

    /** Paused candidates are neither on track nor behind; the clock is stopped. */
    public enum Progress {
        ON_TRACK, BEHIND, PAUSED
    }
}
