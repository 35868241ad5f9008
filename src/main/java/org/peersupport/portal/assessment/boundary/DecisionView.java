package org.peersupport.portal.assessment.boundary;

import java.time.Instant;
import java.util.List;
import org.peersupport.portal.assessment.entity.DecisionKind;
import org.peersupport.portal.assessment.entity.SampleReason;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * A decision as the history shows it: who, when, what it did, the words with it, the declaration a sign-off
 * confirmed, the decision a correction corrects, and the requirement judgements. {@code correctedBy} is the position
 * of the correction that undid it, if any.
 */
public record DecisionView(long id, int position, DecisionKind kind, SubmissionStatus from, SubmissionStatus to,
        String decidedBy, Instant decidedAt, String feedback, String declaration, boolean identityVerified,
        Integer correctsPosition, Integer correctedBy, Integer signoffNumber, SampleReason sampleReason, String sampledTo,
        List<JudgementView> judgements) {
}
