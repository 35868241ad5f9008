package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    /** The position of the first of {@link Enrolment#CURRENT}'s statuses among {@link #READING_SQL}'s parameters. */
    private static final int READING_FIRST_STATUS = 6;

    private static final String READING = "LessonAccess.reading";

    private static final String READING_SQL = "select p.course_id, s.slug, "
            + "(not ?4 or exists (select 1 from enrolment e join cohort co on co.id = e.cohort_id "
            + "join course c on c.id = co.course_id join cohort_session cs on cs.cohort_id = co.id "
            + "where e.person_id = ?1 and c.code = ?2 and e.status in ("
            + IntStream.range(0, Enrolment.CURRENT.size()).mapToObj(i -> "?" + (READING_FIRST_STATUS + i))
                    .collect(Collectors.joining(", "))
            + ") and cs.slug = s.slug and (cs.starts_at <= ?5 or cs.opened_early))) as open, "
            + "exists (select 1 from lesson_progress lp where lp.person_id = ?1 and lp.course_code = ?2 "
            + "and lp.session_slug = s.slug) as completed, "
            + "(select count(*) from notice n where n.recipient_id = ?1 and n.read_at is null) as unread "
            + "from course_participation p left join course_session s on s.course_id = p.course_id and s.number = ?3 "
            + "where p.person_id = ?1 and p.course_code = ?2";

    /** Whether {@link #READING} is registered with this node's persistence unit. */
    private volatile boolean readingNamed;

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

    /**
     * The reader's pinned version, its session, whether it is open to them and whether they completed it, in one
     * statement: the course feature's participation, sessions and progress with this feature's enrolments and
     * cohort schedules, and the notice feature's unread count for the page header (a lesson page runs this statement
     * and nothing else once its lesson is cached).
     */
    @Override
    public Optional<LessonReading> reading(long personId, String courseCode, int number, boolean candidateOnly) {
        Query query = readingQuery().setParameter(1, personId).setParameter(2, courseCode).setParameter(3, number)
                .setParameter(4, candidateOnly).setParameter(5, now());
        for (int i = 0; i < Enrolment.CURRENT.size(); i++) {
            query.setParameter(READING_FIRST_STATUS + i, Enrolment.CURRENT.get(i).name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> new LessonReading(((Number) row[0]).longValue(), (String) row[1],
                Boolean.TRUE.equals(row[2]), Boolean.TRUE.equals(row[3]), ((Number) row[4]).longValue()));
    }

    /**
     * {@link #READING_SQL} as a named query, registered with the persistence unit on first use: EclipseLink then parses
     * and prepares it once per node rather than on every lesson request (issue 18: 4 % of a lesson's time).
     */
    private Query readingQuery() {
        if (!readingNamed) {
            em.getEntityManagerFactory().addNamedQuery(READING, em.createNativeQuery(READING_SQL));
            readingNamed = true;
        }
        return em.createNamedQuery(READING);
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
