package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;
import java.util.List;
import org.peersupport.portal.portfolio.entity.EvidenceKind;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * What coordinators and HR see of a portfolio: statuses and dates, never content. It has no field for a title, a
 * text, a file or a testimony, so none can leak through it.
 */
public record PortfolioStatus(long enrolmentId, String candidateName, String courseCode, String cohortName,
        List<ItemStatus> items, List<TaskStatus> tasks) {

    /** An item's kind and dates. */
    public record ItemStatus(long id, EvidenceKind kind, Instant createdAt, Instant updatedAt) {
    }

    /** A task (course content) and the status and dates of each submission of it. */
    public record TaskStatus(long taskId, String code, String title, List<SubmissionState> submissions) {
    }

    /** A submission's attempt, status, dates and item count. */
    public record SubmissionState(long id, int attempt, SubmissionStatus status, Instant submittedAt,
            Instant statusChangedAt, int itemCount) {
    }
}
