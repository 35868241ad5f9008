package org.peersupport.portal.candidate.boundary;

/**
 * A candidate's attendance so far: sessions marked, attended (present or late), the rate in whole percent
 * (100 when nothing is marked yet) and whether it meets the cohort's threshold.
 */
public record AttendanceRate(long enrolmentId, String displayName, int marked, int attended, int percent,
        boolean meetsThreshold) {
}
