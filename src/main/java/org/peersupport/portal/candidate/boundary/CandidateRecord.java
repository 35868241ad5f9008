package org.peersupport.portal.candidate.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * One enrolment's record: who, which cohort, where it stands, its history, attendance, lessons completed and the
 * supervisor. {@code notes} is empty unless the reader is a coordinator or the allocated supervisor.
 */
public record CandidateRecord(long enrolmentId, String username, String displayName, String department, String email,
        long cohortId, String cohortName, String courseCode, String courseTitle, EnrolmentStatus status,
        Instant enrolledAt, LocalDate expectedEndDate, int pausedDaysTotal, String withdrawnReason,
        Instant agreementAcceptedAt, String supervisorName, List<StatusChangeView> history,
        List<AttendanceLine> attendance, AttendanceRate attendanceRate, List<String> lessonsCompleted,
        List<NoteView> notes, long version) {
}
