package org.peersupport.portal.assessment.boundary;

/** A current enrolment a verifier may pick, as a choice in a list. */
public record EnrolmentChoice(long enrolmentId, String candidateName, String cohortName, String courseCode) {
}
