package org.peersupport.portal.assessment.boundary;

import java.time.Instant;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/** An earlier attempt at the same task, with its status and the feedback it was referred back with. */
public record AttemptLine(long submissionId, int attempt, SubmissionStatus status, Instant submittedAt, String feedback) {
}
