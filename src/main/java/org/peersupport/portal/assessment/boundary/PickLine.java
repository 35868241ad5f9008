package org.peersupport.portal.assessment.boundary;

/** A candidate a verifier picked: every sign-off of their work on this enrolment is sampled to that verifier. */
public record PickLine(long enrolmentId, String candidateName, String cohortName, String courseCode, String verifierName) {
}
