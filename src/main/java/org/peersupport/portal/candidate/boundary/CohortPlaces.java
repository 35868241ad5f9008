package org.peersupport.portal.candidate.boundary;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * What the boundaries that put people on cohorts share, in their transaction: a cohort (locked, where places are
 * counted), its places taken, who is on it already, and enrolling a person (audited).
 */
final class CohortPlaces {

    private final EntityManager em;
    private final Event<AuditEvent> audit;

    CohortPlaces(EntityManager em, Event<AuditEvent> audit) {
        this.em = em;
        this.audit = audit;
    }

    Enrolment enrol(Person person, Cohort cohort, String reason, String actor, Instant now) {
        Enrolment enrolment = new Enrolment(person, cohort, now);
        em.persist(enrolment);
        em.flush();
        em.persist(enrolment.enrolled(actor, reason));
        audit.fire(AuditEvent.of("ENROLMENT_CREATED", "Enrolment", enrolment.getId(), "person " + person.getId() + " on "
                + cohort.getName())); // the reason, which may be a coordinator's words, is in the status history
        return enrolment;
    }

    void requireNotOn(Person person, Cohort cohort) {
        if (!em.createNamedQuery(Enrolment.OF_PERSON_ON_COHORT, Enrolment.class).setParameter("personId", person.getId())
                .setParameter("cohortId", cohort.getId()).getResultList().isEmpty()) {
            throw new BusinessException("enrolment.duplicate", person.getDisplayName() + " is on " + cohort.getName()
                    + " already.", person.getDisplayName(), cohort.getName());
        }
    }

    Set<String> usernamesOn(long cohortId) {
        return new HashSet<>(em.createQuery("select lower(e.person.username) from Enrolment e where e.cohort.id = :cohortId",
                String.class).setParameter("cohortId", cohortId).getResultList());
    }

    long taken(long cohortId) {
        return em.createNamedQuery(Enrolment.COUNT_CURRENT, Long.class).setParameter("cohortId", cohortId)
                .setParameter("statuses", Enrolment.CURRENT).getSingleResult();
    }

    Cohort cohort(long cohortId) {
        Cohort cohort = em.find(Cohort.class, cohortId);
        if (cohort == null) {
            throw new BusinessException("cohort.notFound", "There is no such cohort.");
        }
        return cohort;
    }

    Cohort locked(long cohortId) {
        Cohort cohort = em.find(Cohort.class, cohortId, LockModeType.PESSIMISTIC_WRITE);
        if (cohort == null) {
            throw new BusinessException("cohort.notFound", "There is no such cohort.");
        }
        return cohort;
    }
}
