package org.peersupport.portal.course.boundary;

import org.peersupport.portal.course.entity.CourseStatus;

/** A course version as a coordinator edits it: which version, its state, its details and its lock version. */
public record CourseEditView(long courseId, String code, int versionNumber, CourseStatus status, CourseDetails details,
        long version) {

    public boolean draft() {
        return status == CourseStatus.DRAFT;
    }
}
