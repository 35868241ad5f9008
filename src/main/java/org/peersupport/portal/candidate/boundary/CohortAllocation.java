package org.peersupport.portal.candidate.boundary;

/**
 * An enrolment's current supervisor (null when none), whether that supervisor has since declared a conflict of
 * interest with the candidate (the coordinator should reallocate), and the supervisor the portal suggests for it:
 * the least loaded with room, no declared conflict and not the candidate or the current supervisor (null when
 * nobody fits, or the enrolment has ended).
 */
public record CohortAllocation(long enrolmentId, String supervisorUsername, String supervisorName,
        boolean supervisorConflicted, SupervisorLoad suggestion) {
}
