package org.peersupport.portal.assessment.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.peersupport.portal.assessment.control.VerificationLimiter;
import org.peersupport.portal.platform.control.ClientAddress;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Backs the public {@code /verify.xhtml?code=...}: shows the name, course and completion date for a genuine code,
 * one plain "no certificate with this code" for anything else, and asks an address that checks too many codes to
 * wait.
 */
@Named
@RequestScoped
public class VerifyPage {

    /** What the page says about the code it was given. */
    public enum Outcome { NONE, GENUINE, UNKNOWN, TOO_MANY }

    private static final DateTimeFormatter DATE = UkTime.DATE;

    @Inject
    Certificates certificates;

    @Inject
    VerificationLimiter limiter;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    @Inject
    ClientAddress clientAddress;

    private String code;
    private Outcome outcome = Outcome.NONE;
    private VerifiedCertificate certificate;

    /** The view action: checks the code, if one was given. */
    public void check() {
        if (code == null || code.isBlank()) {
            outcome = Outcome.NONE;
            return;
        }
        if (!limiter.allow(clientAddress.of((HttpServletRequest) external.getRequest()), clock.millis())) {
            outcome = Outcome.TOO_MANY;
            return;
        }
        certificate = certificates.verify(code).orElse(null);
        outcome = certificate == null ? Outcome.UNKNOWN : Outcome.GENUINE;
    }

    public String getCompletedOn() {
        return certificate == null ? null : DATE.format(certificate.completedOn());
    }

    public VerifiedCertificate getCertificate() {
        return certificate;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip();
    }
}
