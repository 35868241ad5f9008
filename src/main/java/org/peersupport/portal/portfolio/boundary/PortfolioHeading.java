package org.peersupport.portal.portfolio.boundary;

import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * Whose portfolio this is: the enrolment, its candidate, course version and cohort. {@code editable} is true while
 * the enrolment is enrolled or active: only then does the candidate add, change or submit evidence.
 */
public record PortfolioHeading(long enrolmentId, String candidateName, String courseCode, String courseTitle,
        int courseVersion, String cohortName, EnrolmentStatus status, boolean editable) {
}
