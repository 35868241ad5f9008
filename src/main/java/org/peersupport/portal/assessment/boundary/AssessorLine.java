package org.peersupport.portal.assessment.boundary;

/**
 * An assessor as the verifier's plan settings show them: how many sign-offs the plan has counted and how many of
 * those were sampled, and their own plan if they have one (otherwise the default plan applies).
 */
public record AssessorLine(long assessorId, String username, String name, long signOffs, long sampled, PlanView plan) {
}
