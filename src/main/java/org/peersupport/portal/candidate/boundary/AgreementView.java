package org.peersupport.portal.candidate.boundary;

import java.time.Instant;

/** The course's confidentiality and participation agreement, and when (if yet) the candidate accepted it. */
public record AgreementView(long enrolmentId, String courseTitle, String agreementHtml, Instant acceptedAt) {
}
