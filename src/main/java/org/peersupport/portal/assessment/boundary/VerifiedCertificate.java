package org.peersupport.portal.assessment.boundary;

import java.time.LocalDate;

/** What the public verification page confirms for a genuine code, and nothing else. */
public record VerifiedCertificate(String holderName, String courseTitle, LocalDate completedOn) {
}
