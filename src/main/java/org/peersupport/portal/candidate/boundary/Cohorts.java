package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortDetails;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.LikePattern;

/** Coordinators create cohorts of a published course version, date their sessions and open lessons early. */
@Stateless
@DenyAll
public class Cohorts {

    /** The most cohorts one page of a list holds. */
    public static final int MAX_PAGE = 100;

    /** The condition on a cohort that has not ended, for the list queries. */
    private static final String NOT_ENDED = "c.endDate >= :today";

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

    /** A new cohort of a published version, with one date and time (UK local time) per course session. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long create(long courseId, CohortDetails details, List<LocalDateTime> schedule) {
        Course course = em.find(Course.class, courseId);
        if (course == null || !course.isPublished()) {
            throw new BusinessException("cohort.course.notPublished",
                    "A cohort can only be made for a published course version.");
        }
        Cohort cohort = new Cohort(course, details, now());
        cohort.schedule(schedule);
        em.persist(cohort);
        em.flush();
        audit.fire(AuditEvent.of("COHORT_CREATED", "Cohort", cohort.getId(), cohort.getName() + " of "
                + course.getCode() + " version " + course.getVersionNumber() + ", " + cohort.getCapacity()
                + " places, attendance threshold " + cohort.getAttendanceThreshold() + "%"));
        return cohort.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void update(long cohortId, CohortDetails details, long version) {
        Cohort cohort = cohortWithSessions(cohortId);
        if (cohort.getVersion() != version) {
            throw new BusinessException("cohort.stale", "Someone else changed this cohort since you opened it: "
                    + "reload to see their change.");
        }
        long taken = placesTaken(cohortId);
        if (details.capacity() < taken) {
            throw new BusinessException("cohort.capacity.belowTaken", cohort.getName() + " already has " + taken
                    + " candidates, so it needs at least " + taken + " places.", cohort.getName(), taken);
        }
        cohort.describe(details);
        audit.fire(AuditEvent.of("COHORT_UPDATED", "Cohort", cohortId, cohort.getName() + ", " + cohort.getCapacity()
                + " places, attendance threshold " + cohort.getAttendanceThreshold() + "%"));
    }

    /**
     * Dates the cohort's sessions again. {@code version} is the cohort's version as the coordinator saw it: a
     * schedule changed by someone else since is refused, and a new schedule moves the cohort's version on, so two
     * coordinators cannot overwrite each other's dates.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void reschedule(long cohortId, List<LocalDateTime> schedule, long version) {
        Cohort cohort = cohortWithSessions(cohortId);
        if (cohort.getVersion() != version) {
            throw new BusinessException("cohort.stale", "Someone else changed this cohort since you opened it: "
                    + "reload to see their change.");
        }
        cohort.schedule(schedule);
        em.lock(cohort, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        audit.fire(AuditEvent.of("COHORT_RESCHEDULED", "Cohort", cohortId, cohort.getName() + ": " + schedule));
    }

    /** Opens a session's lesson to the cohort before its date. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void openEarly(long cohortId, int sessionNumber) {
        Cohort cohort = cohortWithSessions(cohortId);
        CohortSession s = cohort.sessionNumber(sessionNumber);
        if (s == null) {
            throw new BusinessException("cohort.session.notFound", cohort.getName() + " has no session " + sessionNumber + ".",
                    cohort.getName(), sessionNumber);
        }
        if (s.openEarly(now())) {
            audit.fire(AuditEvent.of("COHORT_SESSION_OPENED_EARLY", "CohortSession", s.getId(), cohort.getName()
                    + " session " + sessionNumber));
        }
    }

    /**
     * One page of the cohorts, newest start first, paged in the database: those whose name, course code or course
     * title contains the search text (any case; blank for all), and only those that have not ended unless
     * {@code includeEnded}.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public ResultPage<CohortSummary> cohortPage(String search, boolean includeEnded, int page, int pageSize) {
        List<String> where = new ArrayList<>();
        if (!includeEnded) {
            where.add(NOT_ENDED);
        }
        return page(where, search, "order by c.startDate desc, c.name, c.id", page, pageSize);
    }

    /**
     * One page of the cohorts that have not ended, narrowed by a search as {@link #cohortPage}: what staff may ask for
     * a place on. Those still to start come first, soonest first; then those already running, the latest to start
     * first, so a cohort that began long ago does not push the next ones off the first page. A cohort runs on the
     * course version it was made from, so it stays open when a newer version is published and its own is archived.
     */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public ResultPage<CohortSummary> openCohortPage(String search, int page, int pageSize) {
        return page(List.of(NOT_ENDED, "co.status <> org.peersupport.portal.course.entity.CourseStatus.DRAFT"), search,
                "order by case when c.startDate >= :today then 0 else 1 end, "
                        + "case when c.startDate >= :today then c.startDate else :today end, c.startDate desc, c.name, c.id",
                page, pageSize);
    }

    /**
     * Two statements whatever the page: the count, and the page's cohorts with their places taken. The search text
     * is found in the cohort's name, course code or course title, in any case.
     */
    private ResultPage<CohortSummary> page(List<String> fixed, String search, String order, int page, int pageSize) {
        String pattern = LikePattern.containing(search);
        List<String> conditions = new ArrayList<>(fixed);
        if (pattern != null) {
            conditions.add("(lower(c.name) like :pattern escape '!' or lower(co.code) like :pattern escape '!' "
                    + "or lower(co.title) like :pattern escape '!')");
        }
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE));
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<Long> count = em.createQuery("select count(c) from Cohort c join c.course co" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("select c, (select count(e) from Enrolment e where e.cohort = c "
                + "and e.status in :statuses) from Cohort c join fetch c.course co" + where + " " + order, Object[].class)
                .setParameter("statuses", Enrolment.CURRENT);
        LocalDate today = access.now().toLocalDate();
        if (where.contains(":today")) {
            count.setParameter("today", today);
        }
        if ((where + order).contains(":today")) {
            rows.setParameter("today", today);
        }
        if (pattern != null) {
            count.setParameter("pattern", pattern);
            rows.setParameter("pattern", pattern);
        }
        long total = count.getSingleResult();
        int number = ResultPage.within(page, total, size);
        return new ResultPage<>(summaries(rows.setFirstResult((number - 1) * size).setMaxResults(size).getResultList()),
                number, size, total);
    }

    /**
     * Every published course version with its attendance threshold and its sessions' titles in order: what a new
     * cohort can be made of.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<CohortCourse> courseVersions() {
        Map<Long, Object[]> versions = new LinkedHashMap<>();
        Map<Long, List<String>> titles = new HashMap<>();
        for (Object[] row : em.createQuery("select c.id, c.code, c.title, c.versionNumber, c.attendanceThreshold, s.title "
                + "from CourseSession s join s.course c where c.status = :status "
                + "order by c.title, c.code, c.versionNumber, s.number",
                Object[].class).setParameter("status", CourseStatus.PUBLISHED).getResultList()) {
            versions.putIfAbsent((Long) row[0], row);
            titles.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[5]);
        }
        return versions.values().stream().map(row -> new CohortCourse((Long) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), titles.get((Long) row[0]))).toList();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public CohortView cohort(long cohortId) {
        Cohort c = cohortWithSessions(cohortId);
        LocalDateTime now = access.now();
        List<CohortSessionView> sessions = c.getSessions().stream().map(s -> new CohortSessionView(s.getId(),
                s.getNumber(), s.getCourseSession().getTitle(), s.getStartsAt(), s.isOpenedEarly(), s.isOpen(now))).toList();
        return new CohortView(c.getId(), c.getCourse().getId(), c.getCourse().getCode(), c.getCourse().getTitle(),
                c.getName(), c.getStartDate(), c.getEndDate(), c.getVenue(), c.getOnlineLink(), c.getFacilitators(),
                c.getCapacity(), c.getAttendanceThreshold(), c.getVersion(), sessions);
    }

    private List<CohortSummary> summaries(List<Object[]> rows) {
        return rows.stream().map(row -> {
            Cohort c = (Cohort) row[0];
            return new CohortSummary(c.getId(), c.getCourse().getCode(), c.getCourse().getTitle(),
                    c.getCourse().getVersionNumber(), c.getName(), c.getStartDate(), c.getEndDate(), c.getCapacity(),
                    ((Number) row[1]).longValue());
        }).toList();
    }

    private long placesTaken(long cohortId) {
        return em.createNamedQuery(Enrolment.COUNT_CURRENT, Long.class).setParameter("cohortId", cohortId)
                .setParameter("statuses", Enrolment.CURRENT).getSingleResult();
    }

    private Cohort cohortWithSessions(long cohortId) {
        em.createNamedQuery(Cohort.COURSE_SESSIONS, CourseSession.class).setParameter("id", cohortId).getResultList();
        return em.createNamedQuery(Cohort.WITH_SESSIONS, Cohort.class).setParameter("id", cohortId).getResultStream()
                .findFirst().orElseThrow(() -> new BusinessException("cohort.notFound", "There is no such cohort."));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
