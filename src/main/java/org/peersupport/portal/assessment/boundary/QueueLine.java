package org.peersupport.portal.assessment.boundary;

import java.time.Instant;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * A submission waiting for the supervisor: submitted and not yet decided, or returned to them by a verifier. No
 * content. {@code waitingDays} counts whole days since it was submitted; {@code returnedAt} is when a verifier
 * returned it; {@code refusal} is set when they may not assess it (a conflict of interest declared since).
 */
public record QueueLine(long submissionId, long enrolmentId, String candidateName, String cohortName, String courseCode,
        String taskCode, String taskTitle, int attempt, SubmissionStatus status, Instant submittedAt, long waitingDays,
        Instant returnedAt, String refusal) {

    public boolean isReturned() {
        return status == SubmissionStatus.RETURNED;
    }
}
