package org.peersupport.portal.assessment.boundary;

import java.time.Instant;
import java.util.List;
import org.peersupport.portal.portfolio.boundary.SubmissionView;

/**
 * The review page: the frozen submission (its read audited), the requirements to judge, the decisions so far on
 * this attempt, the earlier attempts, and what the supervisor may do now. {@code version} is the submission's
 * optimistic-lock version, sent back with a decision; {@code canDecide} is true while the work waits for a
 * decision; {@code correctable} is the latest decision they may correct, if any; {@code declaration} is the text a
 * sign-off confirms.
 */
public record ReviewView(SubmissionView submission, long version, Instant statusChangedAt, long waitingDays,
        List<RequirementLine> requirements, List<DecisionView> decisions, List<AttemptLine> earlierAttempts,
        boolean canDecide, DecisionView correctable, String declaration) {
}
