package org.peersupport.portal.candidate.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * One enrolment on a candidate's record: where it stands and its history, the dated sessions with attendance and
 * lessons done, the supervisor, and (for coordinators and the allocated supervisor only) confidential notes.
 * {@code allocations} and {@code deferralCohorts} are filled for coordinators only; {@code pausedOn} is set
 * while paused. {@code version} is what a status change must quote.
 */
public record EnrolmentRecord(long enrolmentId, long cohortId, String cohortName, String courseCode, String courseTitle,
        EnrolmentStatus status, Instant enrolledAt, Instant statusChangedAt, LocalDate expectedEndDate,
        int pausedDaysTotal, LocalDate pausedOn, String withdrawnReason, String deferredTo, Instant completedAt,
        Instant agreementAcceptedAt, List<StatusChangeView> history, List<SessionRecord> sessions,
        AttendanceRate attendanceRate, int attendanceThreshold, int lessonsCompleted, String supervisorName,
        List<AllocationView> allocations, boolean notesVisible, List<NoteView> notes,
        List<CohortSummary> deferralCohorts, long version) {

    /** Still on the course: enrolled, active or paused. */
    public boolean current() {
        return status.isCurrent();
    }

    /** Whether the lifecycle lets this enrolment become {@code status} (by name, for the page). */
    public boolean canBecome(String target) {
        return status.canMoveTo(EnrolmentStatus.valueOf(target));
    }
}
