package org.peersupport.portal.assessment.boundary;

/** A requirement's judgement within a decision. */
public record JudgementView(long requirementId, String code, String text, boolean met, String feedback) {
}
