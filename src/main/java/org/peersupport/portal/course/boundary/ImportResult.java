package org.peersupport.portal.course.boundary;

/** What an import created: a new draft version of the course. */
public record ImportResult(long courseId, String code, int versionNumber, String title, int sessionCount,
        int exerciseFileCount) {
}
