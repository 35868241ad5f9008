package org.peersupport.portal.candidate.boundary;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.candidate.entity.AgreementAcceptance;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.entity.LessonProgress;

/**
 * The reads the candidate record boundaries share, in their transaction: an enrolment, cohorts' dated sessions,
 * agreement acceptances and a person's completed lessons, each in one query.
 */
final class EnrolmentReads {

    private final EntityManager em;

    EnrolmentReads(EntityManager em) {
        this.em = em;
    }

    /** Each cohort's dated sessions in order, with the course sessions they teach, in one query. */
    Map<Long, List<CohortSession>> sessionsOf(List<Long> cohortIds) {
        Map<Long, List<CohortSession>> sessions = new HashMap<>();
        if (cohortIds.isEmpty()) {
            return sessions;
        }
        for (CohortSession s : em.createQuery("select s from CohortSession s join fetch s.courseSession "
                + "where s.cohort.id in :ids order by s.number", CohortSession.class).setParameter("ids", cohortIds)
                .getResultList()) {
            sessions.computeIfAbsent(s.getCohort().getId(), id -> new ArrayList<>()).add(s);
        }
        return sessions;
    }

    Map<Long, Instant> acceptances(List<Long> enrolmentIds) {
        Map<Long, Instant> accepted = new HashMap<>();
        for (Object[] row : em.createQuery("select a.enrolment.id, a from AgreementAcceptance a where a.enrolment.id in :ids",
                Object[].class).setParameter("ids", enrolmentIds).getResultList()) {
            accepted.put((Long) row[0], ((AgreementAcceptance) row[1]).getAcceptedAt());
        }
        return accepted;
    }

    /** The person's completed lessons, as "course code/session slug". */
    Set<String> completedLessons(long personId) {
        return em.createQuery("select p.courseCode, p.sessionSlug from LessonProgress p where p.personId = :personId",
                Object[].class).setParameter("personId", personId).getResultList().stream()
                .map(r -> r[0] + "/" + r[1]).collect(Collectors.toSet());
    }

    /** An enrolment with its cohort; refused, in the words of "not yours", when there is none. */
    Enrolment enrolment(long enrolmentId) {
        return em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(Caller::notYours);
    }
}
