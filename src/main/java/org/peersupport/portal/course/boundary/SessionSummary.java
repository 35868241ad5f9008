package org.peersupport.portal.course.boundary;

/** A session in a course's overview: where it is, whether it carries a content warning, and whether the caller has done it. */
public record SessionSummary(int number, String slug, String title, boolean contentWarning, boolean completed) {
}
