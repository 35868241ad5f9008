package org.peersupport.portal.course.boundary;

import org.peersupport.portal.course.control.CompletionMode;

/**
 * A course version's details as a coordinator edits them. {@code agreementHtml} is sanitised before it is
 * stored; leave the award name empty for a course that leads to no award. {@code attendanceThreshold} is the
 * attendance needed to complete, in percent (0 to 100); each new cohort of the version starts from it.
 */
public record CourseDetails(String title, String summary, String versionLabel, String awardName, Integer scqfLevel,
        Integer credits, CompletionMode completionMode, Integer attendanceThreshold, String agreementHtml,
        boolean agreementDraft) {
}
