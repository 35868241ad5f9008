package org.peersupport.portal.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.peersupport.portal.assessment.entity.Certificate;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.EnrolmentCompleted;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.notice.control.Notifier;
import org.peersupport.portal.notice.entity.NoticeKind;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Issues the certificate of a completed enrolment, once, inside the transaction that completed it: it observes
 * {@link EnrolmentCompleted}, which the candidate feature's {@code EnrolmentCompletion} fires. The name, course title and completion date (UK
 * date) are kept as printed; the candidate is told their certificate is ready.
 */
@ApplicationScoped
public class Certifier {

    private static final int ATTEMPTS = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCompleted(@Observes EnrolmentCompleted completed) {
        issue(completed.enrolmentId());
    }

    /** Issues the enrolment's certificate unless it has one; returns the certificate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Certificate issue(long enrolmentId) {
        Certificate existing = em.createNamedQuery(Certificate.OF_ENROLMENT, Certificate.class)
                .setParameter("enrolmentId", enrolmentId).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        Enrolment enrolment = em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getSingleResult();
        if (enrolment.getStatus() != EnrolmentStatus.COMPLETED || enrolment.getCompletedAt() == null) {
            throw new IllegalStateException("enrolment " + enrolmentId + " is not completed");
        }
        String code = newCode();
        LocalDate completedOn = enrolment.getCompletedAt().atZone(UkTime.ZONE).toLocalDate();
        Certificate certificate = new Certificate(enrolment, enrolment.getPerson().getDisplayName(),
                enrolment.getCohort().getCourse().getTitle(), completedOn, code, VerificationCodes.sha256(code),
                Instant.now(clock));
        em.persist(certificate);
        audit.fire(AuditEvent.of("CERTIFICATE_ISSUED", "Certificate", certificate.getId(), "enrolment " + enrolmentId
                + ", " + certificate.getCourseTitle()));
        notifier.notify(enrolment.getPerson(), NoticeKind.CERTIFICATE_ISSUED, notifier.text("notice.certificate.title",
                certificate.getCourseTitle()), notifier.text("notice.certificate.text", certificate.getCourseTitle(),
                java.sql.Date.valueOf(completedOn)), "/candidate/index.xhtml");
        return certificate;
    }

    private String newCode() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String code = VerificationCodes.generate();
            if (em.createNamedQuery(Certificate.BY_CODE_HASH, Certificate.class)
                    .setParameter("hash", VerificationCodes.sha256(code)).getResultList().isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("no free verification code after " + ATTEMPTS + " attempts");
    }
}
