package org.peersupport.portal.portfolio.boundary;

/**
 * What a submit did: {@code created} when this request made the submission; otherwise {@code submissionId} is the
 * submission that was already there (the same token sent twice, or another tab's submission waiting for review).
 */
public record SubmitOutcome(long submissionId, int attempt, boolean created) {
}
