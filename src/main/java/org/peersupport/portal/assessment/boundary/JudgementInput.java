package org.peersupport.portal.assessment.boundary;

/** What the assessor chose for one evidence requirement: met (true), not yet met (false) or nothing yet (null). */
public record JudgementInput(long requirementId, Boolean met, String feedback) {
}
