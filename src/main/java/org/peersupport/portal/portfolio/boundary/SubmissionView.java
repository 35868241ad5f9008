package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;
import java.util.List;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * A submission with its frozen content, for the candidate, the allocated supervisor or a verifier it is sampled to
 * (their reads are audited). {@code withheld} counts the "assessor only" items a verifier does not see.
 */
public record SubmissionView(long id, long enrolmentId, String candidateName, String courseCode, String cohortName,
        long taskId, String taskCode, String taskTitle, int attempt, SubmissionStatus status, String declaration,
        String submittedBy, Instant submittedAt, List<SubmittedItemView> items, int withheld) {
}
