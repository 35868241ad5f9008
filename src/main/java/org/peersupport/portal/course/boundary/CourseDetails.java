package org.peersupport.portal.course.boundary;

import org.peersupport.portal.course.control.CompletionMode;

/**
 * A course version's details as a coordinator edits them. {@code agreementHtml} is sanitised before it is
 * stored; leave the award name empty for a course that leads to no award.
 */
public record CourseDetails(String title, String summary, String versionLabel, String awardName, Integer scqfLevel,
        Integer credits, CompletionMode completionMode, String agreementHtml, boolean agreementDraft) {
}
