package org.peersupport.portal.assessment.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.peersupport.portal.assessment.control.VerificationCodes;
import org.peersupport.portal.assessment.entity.Certificate;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Certificates of completed enrolments: a candidate lists and downloads their own, a coordinator downloads anyone's,
 * and anyone, signed in or not, can check a verification code. A certificate that is not the caller's reads as
 * "no such certificate", so a refusal does not reveal who has completed what.
 */
@Stateless
@DenyAll
public class Certificates {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Callers callers;

    @Inject
    Event<AuditEvent> audit;

    /** The caller's own certificates, newest first. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public List<CertificateSummary> mine() {
        return em.createNamedQuery(Certificate.OF_PERSON, Certificate.class).setParameter("personId", me())
                .getResultList().stream().map(c -> new CertificateSummary(c.getId(), c.getCourseTitle(), c.getCompletedOn(),
                        VerificationCodes.display(c.getCode()))).toList();
    }

    /** What the certificate's PDF prints: for its holder (as a candidate) and for coordinators; audited as a download. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.COORDINATOR})
    public CertificateDocument document(long certificateId) {
        Certificate certificate = em.createNamedQuery(Certificate.WITH_HOLDER, Certificate.class)
                .setParameter("id", certificateId).getResultStream().findFirst().orElseThrow(Certificates::notFound);
        boolean own = session.isCallerInRole(Role.Names.CANDIDATE)
                && certificate.getEnrolment().getPerson().getId().equals(me());
        if (!own && !session.isCallerInRole(Role.Names.COORDINATOR)) {
            throw notFound();
        }
        audit.fire(AuditEvent.by(session.getCallerPrincipal().getName(), "CERTIFICATE_DOWNLOADED", "Certificate", certificate.getId(),
                (own ? "by its holder" : "by a coordinator") + ", enrolment " + certificate.getEnrolment().getId()));
        return new CertificateDocument(certificate.getId(), certificate.getHolderName(), certificate.getCourseTitle(),
                certificate.getCompletedOn(), certificate.getCode());
    }

    /**
     * The name, course and completion date a genuine code stands for; empty for anything else, with no hint of why.
     * Open to everyone, signed in or not: employers and awarding bodies check certificates without an account. The
     * code is looked up by its SHA-256, so timing says nothing about near misses; the page limits how often one
     * address may ask.
     */
    @PermitAll
    public Optional<VerifiedCertificate> verify(String typedCode) {
        return VerificationCodes.normalise(typedCode).flatMap(code -> em.createNamedQuery(Certificate.BY_CODE_HASH,
                Certificate.class).setParameter("hash", VerificationCodes.sha256(code)).getResultStream().findFirst())
                .map(c -> new VerifiedCertificate(c.getHolderName(), c.getCourseTitle(), c.getCompletedOn()));
    }

    /** The caller's person id (see {@link Callers}); -1, which is nobody's, when the portal has no record of them. */
    private long me() {
        return callers.id(session.getCallerPrincipal()).orElse(-1L);
    }

    private static BusinessException notFound() {
        return new BusinessException("certificate.notFound", "There is no such certificate, or it is not yours to see.");
    }
}
