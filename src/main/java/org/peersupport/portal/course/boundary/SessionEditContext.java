package org.peersupport.portal.course.boundary;

import org.peersupport.portal.course.entity.CourseStatus;

/** One session for editing, with the course version it belongs to. */
public record SessionEditContext(long courseId, String courseCode, String courseTitle, int versionNumber,
        CourseStatus status, SessionEditView session) {

    public boolean draft() {
        return status == CourseStatus.DRAFT;
    }
}
