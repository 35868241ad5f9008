package org.peersupport.portal.candidate.boundary;

import java.time.LocalDateTime;

/**
 * The cohort session a register is for: its cohort, number, title and date, and whether its register can be taken
 * yet (from the session's day on).
 */
public record RegisterSession(long sessionId, long cohortId, String cohortName, String courseTitle, int number,
        String title, LocalDateTime startsAt, boolean takeable) {
}
