package org.peersupport.portal.assessment.entity;

import java.util.EnumSet;
import java.util.Set;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * What a decision on a submission does, and from which statuses it may be made. The assessor refers back or signs
 * off work that is waiting for review or was returned to them; the internal verifier confirms or returns a sampled
 * sign-off. A correction undoes the latest decision by moving the submission back to where that decision found it
 * ({@link Decision#correct}).
 */
public enum DecisionKind {

    /** The assessor sends the work back to the candidate with feedback; the candidate may submit a new attempt. */
    REFER_BACK(SubmissionStatus.REFERRED_BACK, true, EnumSet.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED)),
    /** The assessor signs the work off, with a re-entered password and a declaration. */
    SIGN_OFF(SubmissionStatus.SIGNED_OFF, true, EnumSet.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED)),
    /** The internal verifier confirms a sampled sign-off. */
    CONFIRM(SubmissionStatus.VERIFIED, false, EnumSet.of(SubmissionStatus.SIGNED_OFF)),
    /** The internal verifier returns a sampled sign-off to the assessor with comments. */
    RETURN(SubmissionStatus.RETURNED, false, EnumSet.of(SubmissionStatus.SIGNED_OFF)),
    /** Undoes the latest decision; made by whoever may make that kind of decision. */
    CORRECTION(null, false, EnumSet.noneOf(SubmissionStatus.class));

    private final SubmissionStatus target;
    private final boolean byAssessor;
    private final Set<SubmissionStatus> from;

    DecisionKind(SubmissionStatus target, boolean byAssessor, Set<SubmissionStatus> from) {
        this.target = target;
        this.byAssessor = byAssessor;
        this.from = from;
    }

    /** Made by the allocated supervisor (assessor); otherwise by an internal verifier (or a correction). */
    public boolean byAssessor() {
        return byAssessor;
    }

    /** Made by the internal verifier the submission is sampled to. */
    public boolean byVerifier() {
        return this == CONFIRM || this == RETURN;
    }

    /** Needs feedback, comments or a reason in words. */
    public boolean needsWords() {
        return this == REFER_BACK || this == RETURN || this == CORRECTION;
    }

    /** The status this decision moves a submission to from {@code status}; refuses an illegal move in plain English. */
    public SubmissionStatus moveFrom(SubmissionStatus status) {
        if (this == CORRECTION) {
            throw new IllegalStateException("a correction's move depends on the decision it corrects");
        }
        if (!from.contains(status)) {
            throw new BusinessException("assessment.transition.illegal", "Work that is " + label(status)
                    + " cannot be " + verb() + ".", label(status), verb());
        }
        return target;
    }

    /** The past participle of the decision, as the refusal of an illegal move uses it. */
    String verb() {
        return switch (this) {
            case REFER_BACK -> "referred back";
            case SIGN_OFF -> "signed off";
            case CONFIRM -> "confirmed by a verifier";
            case RETURN -> "returned to the assessor";
            case CORRECTION -> "corrected";
        };
    }

    /** A submission status in plain English, for refusals. */
    public static String label(SubmissionStatus status) {
        return switch (status) {
            case SUBMITTED -> "waiting for review";
            case REFERRED_BACK -> "referred back";
            case SIGNED_OFF -> "signed off";
            case VERIFIED -> "verified";
            case RETURNED -> "returned to the assessor";
        };
    }
}
