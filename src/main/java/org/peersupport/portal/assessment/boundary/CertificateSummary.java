package org.peersupport.portal.assessment.boundary;

import java.time.LocalDate;

/** One of the candidate's certificates, for the link to download it. {@code code} is as printed. */
public record CertificateSummary(long id, String courseTitle, LocalDate completedOn, String code) {
}
