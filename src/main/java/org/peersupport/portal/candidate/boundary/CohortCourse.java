package org.peersupport.portal.candidate.boundary;

import java.util.List;

/** A published course version a cohort can be made of, with its sessions' titles in order (one date each). */
public record CohortCourse(long courseId, String code, String title, int versionNumber, List<String> sessionTitles) {

    public CohortCourse {
        sessionTitles = List.copyOf(sessionTitles);
    }
}
