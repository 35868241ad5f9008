package org.peersupport.portal.assessment.boundary;

import java.time.Instant;
import java.util.List;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * What a candidate sees of the assessment of one of their submissions: their assessor's decisions with the feedback
 * and requirement judgements, corrections of them, and whether internal verification confirmed the sign-off. A
 * verifier's comments are addressed to the assessor and are not shown.
 */
public record FeedbackView(long submissionId, long enrolmentId, String courseCode, String taskCode, String taskTitle,
        int attempt, SubmissionStatus status, Instant submittedAt, boolean canResubmit, List<DecisionView> decisions) {
}
