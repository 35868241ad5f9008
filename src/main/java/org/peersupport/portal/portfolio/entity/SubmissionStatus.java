package org.peersupport.portal.portfolio.entity;

/**
 * Where a submission stands. This feature sets {@link #SUBMITTED} only; the assessment feature moves a submission
 * through the review states (the database already allows them): referred back to the candidate, signed off by the
 * assessor, verified by an internal verifier, or returned to the assessor by the verifier.
 */
public enum SubmissionStatus {

    /** Submitted by the candidate: a frozen snapshot waiting for review. */
    SUBMITTED,
    /** Referred back with feedback: the candidate may submit a new attempt. (Set by the assessment feature.) */
    REFERRED_BACK,
    /** Signed off by the assessor. (Set by the assessment feature.) */
    SIGNED_OFF,
    /** Sampled and confirmed by an internal verifier. (Set by the assessment feature.) */
    VERIFIED,
    /** Sampled and returned to the assessor by an internal verifier. (Set by the assessment feature.) */
    RETURNED;

    /** A new attempt at the task is allowed only once the latest one has been referred back. */
    public boolean allowsNewAttempt() {
        return this == REFERRED_BACK;
    }
}
