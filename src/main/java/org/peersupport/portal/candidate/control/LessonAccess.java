package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.control.ReadingAccess;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Whether a candidate may read a course: they need a current enrolment (enrolled, active or paused) on a cohort of
 * that course, and a lesson opens when its cohort session's date has arrived or the coordinator opened it early
 * (drip). Sessions are matched by slug, so access follows a candidate who switches to a newer version. The course
 * feature asks through {@link ReadingAccess}, which this implements.
 */
@ApplicationScoped
public class LessonAccess implements ReadingAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(UkTime.ZONE));
    }

    @Override
    public void requireEnrolled(long personId, String courseCode) {
        long current = em.createNamedQuery(Enrolment.CURRENT_ON_COURSE, Long.class).setParameter("personId", personId)
                .setParameter("code", courseCode).setParameter("statuses", Enrolment.CURRENT).getSingleResult();
        if (current == 0) {
            throw new BusinessException("course.notEnrolled", "You are not enrolled on a cohort of this course. "
                    + "Ask your training coordinator for a place.");
        }
    }

    /** Enrolled, and the session open in the candidate's cohort: one query when it is (the usual case). */
    @Override
    public void requireOpen(long personId, String courseCode, String slug) {
        long open = em.createNamedQuery(CohortSession.OPEN_TO, Long.class).setParameter("personId", personId)
                .setParameter("statuses", Enrolment.CURRENT).setParameter("code", courseCode).setParameter("slug", slug)
                .setParameter("now", now()).getSingleResult();
        if (open == 0) {
            requireEnrolled(personId, courseCode);
            throw new BusinessException("course.session.notOpen", "This lesson opens on the date of its session "
                    + "in your cohort's schedule.");
        }
    }
}
