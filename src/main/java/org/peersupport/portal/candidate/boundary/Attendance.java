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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.AttendanceMarked;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.candidate.entity.AttendanceMark;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * The register of each cohort session, kept by coordinators: present, absent, apologies or late, one candidate
 * or the whole register at once; and each candidate's attendance rate against the cohort's threshold.
 */
@Stateless
@DenyAll
public class Attendance {

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

    /** A better attendance rate may complete an enrolment: the assessment feature's rules observe this. */
    @Inject
    Event<AttendanceMarked> marked;

    /** Which session a register is for, and whether it can be taken yet (from the session's day on). */
    @RolesAllowed(Role.Names.COORDINATOR)
    public RegisterSession registerSession(long cohortSessionId) {
        CohortSession s = cohortSession(cohortSessionId);
        Cohort cohort = s.getCohort();
        return new RegisterSession(s.getId(), cohort.getId(), cohort.getName(), cohort.getCourse().getTitle(),
                s.getNumber(), s.getCourseSession().getTitle(), s.getStartsAt(),
                !s.getStartsAt().toLocalDate().isAfter(access.now().toLocalDate()));
    }

    /** The session's register: every current candidate of the cohort and their mark, if any. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<RegisterLine> register(long cohortSessionId) {
        CohortSession s = cohortSession(cohortSessionId);
        Map<Long, AttendanceKind> marks = em.createQuery("select m.enrolment.id, m.mark from AttendanceMark m "
                + "where m.session.id = :sessionId", Object[].class).setParameter("sessionId", cohortSessionId)
                .getResultList().stream().collect(Collectors.toMap(row -> (Long) row[0], row -> (AttendanceKind) row[1]));
        return em.createNamedQuery(Enrolment.OF_COHORT, Enrolment.class).setParameter("cohortId", s.getCohort().getId())
                .getResultList().stream().filter(e -> e.getStatus().isCurrent() || marks.containsKey(e.getId()))
                .map(e -> new RegisterLine(e.getId(), e.getPerson().getDisplayName(), marks.get(e.getId()))).toList();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void mark(long cohortSessionId, long enrolmentId, AttendanceKind mark) {
        markAll(cohortSessionId, Map.of(enrolmentId, mark));
    }

    /** Marks many candidates of one session at once; all or nothing. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void markAll(long cohortSessionId, Map<Long, AttendanceKind> marks) {
        CohortSession s = cohortSession(cohortSessionId);
        if (s.getStartsAt().toLocalDate().isAfter(access.now().toLocalDate())) {
            throw new BusinessException("attendance.future", "Session " + s.getNumber() + " has not happened yet: "
                    + "its register opens on " + s.getStartsAt().toLocalDate() + ".",
                    s.getNumber(), s.getStartsAt().toLocalDate());
        }
        if (marks.values().stream().anyMatch(m -> m == null)) {
            throw new BusinessException("attendance.mark.required", "Choose present, absent, apologies or late for everyone.");
        }
        Map<Long, Enrolment> enrolments = em.createNamedQuery(Enrolment.OF_COHORT, Enrolment.class)
                .setParameter("cohortId", s.getCohort().getId()).getResultList().stream()
                .collect(Collectors.toMap(Enrolment::getId, Function.identity()));
        Map<Long, AttendanceMark> existing = new HashMap<>();
        em.createNamedQuery(AttendanceMark.OF_SESSION, AttendanceMark.class).setParameter("sessionId", cohortSessionId)
                .getResultList().forEach(m -> existing.put(m.getEnrolment().getId(), m));
        String by = session.getCallerPrincipal().getName();
        Instant now = Instant.now(clock);
        int changed = 0;
        for (Map.Entry<Long, AttendanceKind> entry : marks.entrySet()) {
            Enrolment enrolment = enrolments.get(entry.getKey());
            if (enrolment == null) {
                throw new BusinessException("attendance.notOnCohort", "Enrolment " + entry.getKey() + " is not on "
                        + s.getCohort().getName() + ".", entry.getKey(), s.getCohort().getName());
            }
            AttendanceMark mark = existing.get(enrolment.getId());
            if (mark == null) {
                em.persist(new AttendanceMark(s, enrolment, entry.getValue(), by, now));
                changed++;
            } else if (mark.change(entry.getValue(), by, now)) {
                changed++;
            }
        }
        audit.fire(AuditEvent.of("ATTENDANCE_MARKED", "CohortSession", cohortSessionId, s.getCohort().getName()
                + " session " + s.getNumber() + ": " + changed + " of " + marks.size() + " marks changed "
                + marks.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList()));
        marked.fire(new AttendanceMarked(marks.keySet()));
    }

    /** Every candidate's attendance rate on a cohort, against the cohort's threshold. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<AttendanceRate> rates(long cohortId) {
        Cohort cohort = em.find(Cohort.class, cohortId);
        if (cohort == null) {
            throw new BusinessException("cohort.notFound", "There is no such cohort.");
        }
        List<Enrolment> enrolments = em.createNamedQuery(Enrolment.OF_COHORT, Enrolment.class)
                .setParameter("cohortId", cohortId).getResultList();
        Map<Long, int[]> counts = counts(em, enrolments.stream().map(Enrolment::getId).toList());
        return enrolments.stream().map(e -> rate(e.getId(), e.getPerson().getDisplayName(), counts.get(e.getId()),
                cohort.getAttendanceThreshold())).toList();
    }

    /** Marked and attended counts per enrolment, in one query (also read by the assessment feature's completion rules). */
    public static Map<Long, int[]> counts(EntityManager em, List<Long> enrolmentIds) {
        Map<Long, int[]> counts = new HashMap<>();
        if (enrolmentIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createNamedQuery(AttendanceMark.COUNTS, Object[].class)
                .setParameter("enrolmentIds", enrolmentIds).getResultList()) {
            int[] c = counts.computeIfAbsent((Long) row[0], id -> new int[2]);
            int n = ((Number) row[2]).intValue();
            c[0] += n;
            if (((AttendanceKind) row[1]).attended()) {
                c[1] += n;
            }
        }
        return counts;
    }

    /** A candidate's attendance rate from their counts: present and late attend; nothing marked yet is 100 %. */
    public static AttendanceRate rate(long enrolmentId, String name, int[] counts, int threshold) {
        int marked = counts == null ? 0 : counts[0];
        int attended = counts == null ? 0 : counts[1];
        int percent = marked == 0 ? 100 : attended * 100 / marked;
        return new AttendanceRate(enrolmentId, name, marked, attended, percent, percent >= threshold);
    }

    private CohortSession cohortSession(long id) {
        return em.createNamedQuery(CohortSession.WITH_COHORT, CohortSession.class).setParameter("id", id)
                .getResultStream().findFirst().orElseThrow(() -> new BusinessException("attendance.session.notFound",
                        "There is no such cohort session."));
    }
}
