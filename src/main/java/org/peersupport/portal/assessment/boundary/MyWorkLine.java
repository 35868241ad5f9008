package org.peersupport.portal.assessment.boundary;

import java.time.Instant;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/** One of the candidate's submissions and where its assessment stands. */
public record MyWorkLine(long submissionId, String courseCode, String taskCode, String taskTitle, int attempt,
        SubmissionStatus status, Instant submittedAt, Instant statusChangedAt) {
}
