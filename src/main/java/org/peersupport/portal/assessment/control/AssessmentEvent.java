package org.peersupport.portal.assessment.control;

/**
 * Fired (synchronously, inside the transaction that made the change) at every point of the assessment workflow that
 * someone must be told about. Nothing observes it yet: the platform's notifier connects here, in one place, and should
 * observe it with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} so that nobody is told about a change
 * that was rolled back. It carries ids only (people by person id, never by username, which a directory may reuse), never content: a notification says that something
 * happened and links to the page, where the reader's access is checked again.
 *
 * <p>Who is to be told: {@link Kind#SUBMITTED} the assessor; {@link Kind#REFERRED_BACK} and {@link Kind#SIGNED_OFF}
 * the candidate; {@link Kind#SAMPLED} the verifier; {@link Kind#VERIFIED} the assessor (and the candidate, whose task
 * is now complete); {@link Kind#RETURNED} the assessor; {@link Kind#DECISION_CORRECTED} the candidate and whoever the
 * corrected decision reached; {@link Kind#CONCERN_RAISED} every designated safeguarding lead (never with the
 * concern's words). A completed enrolment is the candidate feature's {@code EnrolmentCompleted}.
 *
 * @param kind         what happened
 * @param submissionId the submission it concerns
 * @param enrolmentId  the candidate's enrolment
 * @param decisionId   the decision that made it happen, or null
 * @param candidate    the candidate's person id
 * @param assessor     the enrolment's current allocated supervisor's person id, or null when none
 * @param verifier     the person id of the verifier the submission is sampled to, or null
 * @param actor        the person id of who acted, or null when the portal acted on its own
 */
public record AssessmentEvent(Kind kind, Long submissionId, long enrolmentId, Long decisionId, Long candidate,
        Long assessor, Long verifier, Long actor) {

    /** The moments of the workflow. */
    public enum Kind {
        SUBMITTED,
        REFERRED_BACK,
        SIGNED_OFF,
        SAMPLED,
        VERIFIED,
        RETURNED,
        DECISION_CORRECTED,
        CONCERN_RAISED
    }
}
