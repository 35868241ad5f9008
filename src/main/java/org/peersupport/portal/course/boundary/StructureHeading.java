package org.peersupport.portal.course.boundary;

import java.util.List;
import org.peersupport.portal.course.entity.CourseStatus;

/** Which course version a structure page edits, whether it can be edited, and its sessions (number and title). */
public record StructureHeading(long courseId, String code, int versionNumber, String title, CourseStatus status,
        List<SessionChoice> sessions) {

    public StructureHeading {
        sessions = List.copyOf(sessions);
    }

    public boolean draft() {
        return status == CourseStatus.DRAFT;
    }

    /** A session to choose where a task is set or due. */
    public record SessionChoice(int number, String title) {
    }
}
