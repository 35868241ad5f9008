package org.peersupport.portal.portfolio.boundary;

import java.util.List;
import org.peersupport.portal.course.control.AssessmentKind;

/**
 * An assessment task of the enrolment's course version with the candidate's submissions of it, newest attempt
 * first. {@code canSubmit}: nothing is waiting for review (no submission yet, or the latest was referred back).
 */
public record TaskLine(long taskId, String code, String title, AssessmentKind kind, String description,
        List<SubmissionLine> submissions, boolean canSubmit) {
}
