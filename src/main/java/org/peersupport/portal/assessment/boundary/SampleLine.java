package org.peersupport.portal.assessment.boundary;

import java.time.Instant;
import org.peersupport.portal.assessment.entity.SampleReason;

/**
 * A sampled sign-off in a verifier's lists: which decision (the page's {@code decision} parameter), whose work, which
 * assessor, when, why it was sampled, and how long it has waited. No content.
 */
public record SampleLine(long decisionId, long submissionId, String candidateName, String cohortName, String courseCode,
        String taskCode, String taskTitle, int attempt, String assessorName, Instant decidedAt, SampleReason reason,
        long waitingDays) {
}
