package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.AgreementAcceptance;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * The course's confidentiality and participation agreement: a candidate reads their own and accepts it at their
 * first session, which makes an enrolled candidate active.
 */
@Stateless
@DenyAll
public class Agreements {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    LessonAccess access;

    /** The candidate's own course agreement and whether they accepted it. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public AgreementView agreement(long enrolmentId) {
        Enrolment enrolment = ownEnrolment(enrolmentId);
        Instant acceptedAt = acceptance(enrolmentId).map(AgreementAcceptance::getAcceptedAt).orElse(null);
        return new AgreementView(enrolmentId, enrolment.getCohort().getCourse().getTitle(),
                enrolment.getCohort().getCourse().getAgreementHtml(), acceptedAt);
    }

    /**
     * The candidate accepts the course's confidentiality and participation agreement, from their first session on.
     * The text they accepted is recorded by its SHA-256; an enrolled candidate becomes active.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public void acceptAgreement(long enrolmentId) {
        Enrolment enrolment = ownEnrolment(enrolmentId);
        if (!enrolment.getStatus().isCurrent()) {
            throw new BusinessException("agreement.notCurrent", "This enrolment is " + enrolment.getStatus().label()
                    + ", so there is nothing to accept.", enrolment.getStatus().label());
        }
        if (acceptance(enrolmentId).isPresent()) {
            throw new BusinessException("agreement.accepted", "You have accepted the agreement already.");
        }
        CohortSession first = em.createNamedQuery(Cohort.WITH_SESSIONS, Cohort.class)
                .setParameter("id", enrolment.getCohort().getId()).getSingleResult().sessionNumber(1);
        if (first == null || !first.isOpen(access.now())) {
            throw new BusinessException("agreement.tooEarly", "You accept the agreement at your first session, on "
                    + (first == null ? "its date" : first.getStartsAt().toLocalDate()) + ".",
                    first == null ? "its date" : first.getStartsAt().toLocalDate());
        }
        String html = enrolment.getCohort().getCourse().getAgreementHtml();
        if (html == null || html.isBlank()) {
            throw new BusinessException("agreement.missing", "This course has no agreement to accept.");
        }
        AgreementAcceptance acceptance = new AgreementAcceptance(enrolment, enrolment.getCohort().getCourse(),
                sha256(html), now());
        em.persist(acceptance);
        em.flush();
        audit.fire(AuditEvent.of("AGREEMENT_ACCEPTED", "Enrolment", enrolmentId, "agreement " + acceptance.getAgreementSha256()));
        if (enrolment.getStatus() == EnrolmentStatus.ENROLLED) {
            em.persist(enrolment.moveTo(EnrolmentStatus.ACTIVE, "accepted the agreement", actor(), now(),
                    access.now().toLocalDate()));
            audit.fire(AuditEvent.of("ENROLMENT_ACTIVE", "Enrolment", enrolmentId, "enrolled to active: accepted the agreement"));
        }
    }

    private Enrolment ownEnrolment(long enrolmentId) {
        Enrolment enrolment = em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(Caller::notYours);
        new Caller(session, em).requireOwn(enrolment);
        return enrolment;
    }

    private Optional<AgreementAcceptance> acceptance(long enrolmentId) {
        return em.createNamedQuery(AgreementAcceptance.OF_ENROLMENT, AgreementAcceptance.class)
                .setParameter("enrolmentId", enrolmentId).getResultStream().findFirst();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String actor() {
        return new Caller(session, em).username();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
