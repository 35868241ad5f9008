package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/** A submission as lists show it: which attempt, its status and dates, how many items. No content. */
public record SubmissionLine(long id, int attempt, SubmissionStatus status, Instant submittedAt, Instant statusChangedAt,
        int itemCount) {
}
