package org.peersupport.portal.candidate.boundary;

/**
 * An enrolment's current supervisor (null when none) and the supervisor the portal suggests for it: the least
 * loaded with room, no declared conflict and not the candidate or the current supervisor (null when nobody fits,
 * or the enrolment has ended).
 */
public record CohortAllocation(long enrolmentId, String supervisorUsername, String supervisorName,
        SupervisorLoad suggestion) {
}
