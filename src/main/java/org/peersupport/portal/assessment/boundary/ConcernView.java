package org.peersupport.portal.assessment.boundary;

import java.time.Instant;

/** A safeguarding concern as a designated safeguarding lead reads it; open while {@code closedAt} is null. */
public record ConcernView(long id, long enrolmentId, String candidateName, String candidateUsername, String cohortName,
        String courseCode, Long submissionId, String raisedBy, Instant raisedAt, String concern, String closedBy,
        Instant closedAt, String outcome, long version) {
}
