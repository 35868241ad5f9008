package org.peersupport.portal.portfolio.control;

/**
 * Fired synchronously, inside the transaction, when a candidate submitted a piece of work for assessment (a new
 * submission, not a repeated request returning the one made before). The assessment feature observes it to tell the
 * candidate's allocated supervisor; the portfolio feature knows nothing of who assesses.
 *
 * @param submissionId the new submission
 * @param enrolmentId  the candidate's enrolment it belongs to
 */
public record WorkSubmitted(long submissionId, long enrolmentId) {
}
