package org.peersupport.portal.candidate.boundary;

import java.util.List;

/**
 * A published course version a cohort can be made of, with the attendance it needs to complete (in percent, what a
 * new cohort's threshold starts from) and its sessions' titles in order (one date each).
 */
public record CohortCourse(long courseId, String code, String title, int versionNumber, int attendanceThreshold,
        List<String> sessionTitles) {

    public CohortCourse {
        sessionTitles = List.copyOf(sessionTitles);
    }
}
