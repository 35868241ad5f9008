package org.peersupport.portal.course.entity;

/** Where a version of a course is in its life: edited as a draft, published to staff, then archived. */
public enum CourseStatus {
    /** Being prepared by a coordinator; only coordinators see it, and only a draft can be edited. */
    DRAFT,
    /** The version staff read and start; at most one per course code. */
    PUBLISHED,
    /** Replaced by a newer published version; still readable by people pinned to it. */
    ARCHIVED
}
