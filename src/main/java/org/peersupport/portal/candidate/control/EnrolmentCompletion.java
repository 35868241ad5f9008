package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.platform.control.UkTime;

/**
 * The one way an enrolment becomes completed, whoever decides it (a coordinator moving it through the lifecycle, or
 * the assessment feature's completion rules): the status change with its history row and completion date, the
 * audit entry, and {@link EnrolmentCompleted}, where the certificate is issued and the candidate told. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class EnrolmentCompletion {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Event<EnrolmentCompleted> completed;

    /**
     * Completes the enrolment (refused as the lifecycle refuses any illegal move).
     *
     * @param reason      why, for the status history (may be null where the lifecycle needs none)
     * @param actor       who completed it, for the history and the audit trail; null records the signed-in caller
     * @param auditDetail the audit entry's detail
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Enrolment enrolment, String reason, String actor, String auditDetail) {
        Instant now = Instant.now(clock);
        em.persist(enrolment.moveTo(EnrolmentStatus.COMPLETED, reason, actor, now, LocalDate.ofInstant(now, UkTime.ZONE)));
        audit.fire(AuditEvent.by(actor, "ENROLMENT_COMPLETED", "Enrolment", enrolment.getId(), auditDetail));
        completed.fire(new EnrolmentCompleted(enrolment.getId()));
    }
}
