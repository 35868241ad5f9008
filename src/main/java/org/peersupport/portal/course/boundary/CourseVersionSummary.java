package org.peersupport.portal.course.boundary;

import java.time.Instant;
import org.peersupport.portal.course.entity.CourseStatus;

/** One version of a course in the coordinators' list. */
public record CourseVersionSummary(long courseId, String code, int versionNumber, String versionLabel, String title,
        CourseStatus status, Instant createdAt, Instant publishedAt, Instant archivedAt, int sessionCount, long version) {
}
