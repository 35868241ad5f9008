package org.peersupport.portal.assessment.boundary;

import java.time.LocalDate;

/** What a certificate PDF prints: the holder's name, the course, the completion date and the verification code. */
public record CertificateDocument(long certificateId, String holderName, String courseTitle, LocalDate completedOn,
        String code) {
}
