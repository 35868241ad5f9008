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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.EnrolmentCompletion;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A cohort's enrolments and their lifecycle: coordinators list them and move them from status to status, or defer
 * one to a later cohort of the same course (where capacity is enforced under a lock on that cohort).
 */
@Stateless
@DenyAll
public class Enrolments {

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

    @Inject
    EnrolmentCompletion completion;

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<EnrolmentSummary> enrolments(long cohortId) {
        Cohort cohort = places().cohort(cohortId);
        return em.createNamedQuery(Enrolment.OF_COHORT, Enrolment.class).setParameter("cohortId", cohortId)
                .getResultList().stream().map(e -> summary(e, cohort)).toList();
    }

    /**
     * Moves an enrolment to another status (deferral has its own method), with a reason where the lifecycle needs
     * one. {@code version} is the enrolment's version as the coordinator saw it.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void changeStatus(long enrolmentId, EnrolmentStatus to, String reason, long version) {
        if (to == EnrolmentStatus.DEFERRED) {
            throw new BusinessException("enrolment.defer.cohort", "Choose the later cohort to defer to.");
        }
        Enrolment enrolment = enrolment(enrolmentId, version);
        EnrolmentStatus from = enrolment.getStatus();
        String detail = from.label() + " to " + to.label(); // the reason is in the status history, not the trail
        if (to == EnrolmentStatus.COMPLETED) {
            completion.complete(enrolment, reason, actor(), detail); // the one path, with the certificate
            return;
        }
        em.persist(enrolment.moveTo(to, reason, actor(), now(), access.now().toLocalDate()));
        audit.fire(AuditEvent.of("ENROLMENT_" + to.name(), "Enrolment", enrolmentId, detail));
    }

    /** Defers an enrolment to a later cohort of the same course, where the candidate takes a place. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long defer(long enrolmentId, long laterCohortId, String reason, long version) {
        Enrolment enrolment = enrolment(enrolmentId, version);
        Cohort later = places().locked(laterCohortId);
        Cohort current = enrolment.getCohort();
        if (!later.getCourse().getCode().equals(current.getCourse().getCode())
                || !later.getStartDate().isAfter(current.getStartDate())) {
            throw new BusinessException("enrolment.defer.later", "A candidate can only be deferred to a later cohort "
                    + "of the same course.");
        }
        places().requireNotOn(enrolment.getPerson(), later);
        later.requireRoomFor(places().taken(laterCohortId), 1);
        em.persist(enrolment.deferTo(later, reason, actor(), now(), access.now().toLocalDate()));
        Enrolment next = places().enrol(enrolment.getPerson(), later, "deferred from " + current.getName() + ": "
                + reason.strip(), actor(), now());
        audit.fire(AuditEvent.of("ENROLMENT_DEFERRED", "Enrolment", enrolmentId, "to " + later.getName()
                + " (enrolment " + next.getId() + ")"));
        return next.getId();
    }

    private Enrolment enrolment(long enrolmentId, long version) {
        Enrolment enrolment = em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(Caller::notYours);
        if (enrolment.getVersion() != version) {
            throw new BusinessException("enrolment.stale", "Someone else changed this enrolment since you opened it: "
                    + "reload to see their change.");
        }
        return enrolment;
    }

    static EnrolmentSummary summary(Enrolment e, Cohort cohort) {
        return new EnrolmentSummary(e.getId(), cohort.getId(), cohort.getName(), cohort.getCourse().getCode(),
                e.getPerson().getUsername(), e.getPerson().getDisplayName(), e.getPerson().getDepartment(), e.getStatus(),
                e.getEnrolledAt(), e.getExpectedEndDate(), e.getVersion());
    }

    private CohortPlaces places() {
        return new CohortPlaces(em, audit);
    }

    private String actor() {
        return new Caller(session, em).username();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
