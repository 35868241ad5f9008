package org.peersupport.portal.assessment.boundary;

import java.util.List;
import org.peersupport.portal.portfolio.boundary.SubmissionView;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * A sampled sign-off for its verifier: the sign-off with its judgements and declaration, the frozen submission (the
 * read is audited; "assessor only" items are withheld), every decision on it, and what the verifier may do now.
 * {@code version} is the submission's, sent back with a decision.
 */
public record SampleView(SampleLine line, DecisionView signOff, SubmissionView submission, List<DecisionView> history,
        SubmissionStatus status, long version, boolean canDecide, DecisionView correctable) {
}
