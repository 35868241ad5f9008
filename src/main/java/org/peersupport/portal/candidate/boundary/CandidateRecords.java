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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.AgreementAcceptance;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.candidate.entity.AttendanceMark;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.ConfidentialNote;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatusChange;
import org.peersupport.portal.candidate.entity.SupervisorAllocation;
import org.peersupport.portal.course.entity.LessonProgress;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;

/**
 * Candidate records, as the record page reads them. A candidate reads only their own, a supervisor only their
 * allocated candidates', a coordinator every record; confidential notes only reach coordinators and the allocated
 * supervisor. The record page reads with a fixed number of queries, however many enrolments or sessions there are.
 */
@Stateless
@DenyAll
public class CandidateRecords {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    LessonAccess access;

    /** One enrolment's record, for its candidate, its allocated supervisor or a coordinator. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.COORDINATOR})
    public CandidateRecord record(long enrolmentId) {
        Caller caller = new Caller(session, em);
        Enrolment e = reads().enrolment(enrolmentId);
        caller.requireCanRead(e);
        boolean withNotes = caller.mayReadNotes(e);
        Cohort cohort = em.createNamedQuery(Cohort.WITH_SESSIONS, Cohort.class).setParameter("id", e.getCohort().getId())
                .getSingleResult();
        List<StatusChangeView> history = em.createNamedQuery(EnrolmentStatusChange.OF_ENROLMENT,
                EnrolmentStatusChange.class).setParameter("enrolmentId", enrolmentId).getResultList().stream()
                .map(c -> new StatusChangeView(c.getFromStatus(), c.getToStatus(), c.getReason(), c.getActor(),
                        c.getChangedAt())).toList();
        Map<Long, AttendanceKind> marks = em.createQuery("select m from AttendanceMark m where m.enrolment.id = :id",
                AttendanceMark.class).setParameter("id", enrolmentId).getResultList().stream()
                .collect(Collectors.toMap(m -> m.getSession().getId(), AttendanceMark::getMark));
        List<AttendanceLine> attendance = cohort.getSessions().stream().map(s -> new AttendanceLine(s.getNumber(),
                s.getStartsAt(), marks.get(s.getId()))).toList();
        AttendanceRate rate = Attendance.rate(enrolmentId, e.getPerson().getDisplayName(),
                Attendance.counts(em, List.of(enrolmentId)).get(enrolmentId), cohort.getAttendanceThreshold());
        List<String> lessons = em.createNamedQuery(LessonProgress.COMPLETED_SLUGS, String.class)
                .setParameter("personId", e.getPerson().getId()).setParameter("courseCode", cohort.getCourse().getCode())
                .getResultList();
        String supervisor = em.createNamedQuery(SupervisorAllocation.CURRENT_OF_ENROLMENT, SupervisorAllocation.class)
                .setParameter("enrolmentId", enrolmentId).getResultStream().findFirst()
                .map(a -> a.getSupervisor().getDisplayName()).orElse(null);
        Instant accepted = em.createNamedQuery(AgreementAcceptance.OF_ENROLMENT, AgreementAcceptance.class)
                .setParameter("enrolmentId", enrolmentId).getResultStream().findFirst()
                .map(AgreementAcceptance::getAcceptedAt).orElse(null);
        List<NoteView> notes = !withNotes ? List.of() : em.createNamedQuery(ConfidentialNote.OF_ENROLMENT,
                ConfidentialNote.class).setParameter("enrolmentId", enrolmentId).getResultList().stream()
                .map(n -> new NoteView(n.getId(), n.getAuthor(), n.getWrittenAt(), n.getText())).toList();
        if (!caller.isOwn(e)) {
            audit.fire(AuditEvent.of("CANDIDATE_RECORD_READ", "Enrolment", enrolmentId,
                    withNotes ? "with confidential notes" : "without notes"));
        }
        return new CandidateRecord(e.getId(), e.getPerson().getUsername(), e.getPerson().getDisplayName(),
                e.getPerson().getDepartment(), e.getPerson().getEmail(), cohort.getId(), cohort.getName(),
                cohort.getCourse().getCode(), cohort.getCourse().getTitle(), e.getStatus(), e.getEnrolledAt(),
                e.getExpectedEndDate(), e.getPausedDaysTotal(), e.getWithdrawnReason(), accepted, supervisor, history,
                attendance, rate, lessons, notes, e.getVersion());
    }

    /**
     * The record page: the person whose enrolment this is, with every enrolment of theirs the caller may read
     * (the one asked for first). A candidate reads all of their own, a supervisor those allocated to
     * them (SupervisorAccess: not conflicted, read-only for a while after the enrolment ended), a coordinator all; notes only reach coordinators and the allocated supervisor; allocation history and
     * the cohorts an enrolment could be deferred to only reach coordinators. Refused, in the same words as "no such
     * enrolment", when the caller may not read the enrolment asked for. Reads by anyone but the candidate are
     * audited.
     */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.COORDINATOR})
    public PersonRecord personRecord(long enrolmentId) {
        Caller caller = new Caller(session, em);
        Enrolment requested = reads().enrolment(enrolmentId);
        caller.requireCanRead(requested);
        Person person = requested.getPerson();
        boolean coordinator = caller.coordinator();
        boolean own = caller.isOwn(requested);
        Set<Long> supervised = new HashSet<>();
        List<Enrolment> visible = new ArrayList<>();
        for (Enrolment e : em.createQuery("select e from Enrolment e join fetch e.cohort c join fetch c.course "
                + "left join fetch e.deferredTo where e.person.id = :personId order by c.startDate desc, e.id desc",
                Enrolment.class).setParameter("personId", person.getId()).getResultList()) {
            if (!coordinator && !own && caller.supervises(e)) {
                supervised.add(e.getId()); // allocated, not conflicted, and current or recently ended
            }
            if (coordinator || own || supervised.contains(e.getId())) {
                visible.add(e);
            }
        }
        visible.sort(Comparator.comparing(e -> e.getId() != enrolmentId));
        List<Long> ids = visible.stream().map(Enrolment::getId).toList();
        Set<Long> withNotes = coordinator ? new HashSet<>(ids) : supervised;

        Map<Long, List<CohortSession>> sessions = reads().sessionsOf(visible.stream().map(e -> e.getCohort().getId())
                .distinct().toList());
        Map<Long, List<StatusChangeView>> history = new HashMap<>();
        Set<String> usernames = new HashSet<>();
        for (EnrolmentStatusChange c : em.createQuery("select c from EnrolmentStatusChange c where c.enrolment.id in :ids "
                + "order by c.changedAt, c.id", EnrolmentStatusChange.class).setParameter("ids", ids).getResultList()) {
            history.computeIfAbsent(c.getEnrolment().getId(), id -> new ArrayList<>()).add(new StatusChangeView(
                    c.getFromStatus(), c.getToStatus(), c.getReason(), c.getActor(), c.getChangedAt()));
            usernames.add(c.getActor());
        }
        Map<Long, Map<Long, AttendanceKind>> marks = new HashMap<>();
        for (Object[] row : em.createQuery("select m.enrolment.id, m.session.id, m.mark from AttendanceMark m "
                + "where m.enrolment.id in :ids", Object[].class).setParameter("ids", ids).getResultList()) {
            marks.computeIfAbsent((Long) row[0], id -> new HashMap<>()).put((Long) row[1], (AttendanceKind) row[2]);
        }
        Set<String> done = reads().completedLessons(person.getId());
        Map<Long, List<SupervisorAllocation>> allocations = new HashMap<>();
        for (SupervisorAllocation a : em.createQuery("select a from SupervisorAllocation a join fetch a.supervisor "
                + "where a.enrolment.id in :ids order by a.allocatedAt, a.id", SupervisorAllocation.class)
                .setParameter("ids", ids).getResultList()) {
            allocations.computeIfAbsent(a.getEnrolment().getId(), id -> new ArrayList<>()).add(a);
            usernames.add(a.getAllocatedBy());
        }
        Map<Long, Instant> accepted = reads().acceptances(ids);
        Map<Long, List<NoteView>> notes = new HashMap<>();
        if (!withNotes.isEmpty()) {
            for (Object[] row : em.createQuery("select n.enrolment.id, n from ConfidentialNote n where n.enrolment.id in :ids "
                    + "order by n.writtenAt, n.id", Object[].class).setParameter("ids", List.copyOf(withNotes))
                    .getResultList()) {
                ConfidentialNote n = (ConfidentialNote) row[1];
                notes.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(new NoteView(n.getId(),
                        n.getAuthor(), n.getWrittenAt(), n.getText()));
                usernames.add(n.getAuthor());
            }
        }
        List<CohortSummary> later = coordinator ? openCohortsOf(visible.stream().filter(e -> e.getStatus().isCurrent())
                .map(e -> e.getCohort().getCourse().getCode()).distinct().toList()) : List.of();

        List<EnrolmentRecord> records = new ArrayList<>();
        for (Enrolment e : visible) {
            Cohort cohort = e.getCohort();
            String code = cohort.getCourse().getCode();
            Map<Long, AttendanceKind> mine = marks.getOrDefault(e.getId(), Map.of());
            List<SessionRecord> lines = sessions.getOrDefault(cohort.getId(), List.of()).stream()
                    .map(s -> new SessionRecord(s.getNumber(), s.getCourseSession().getTitle(), s.getStartsAt(),
                            mine.get(s.getId()), done.contains(code + "/" + s.getSlug()))).toList();
            int attended = (int) mine.values().stream().filter(AttendanceKind::attended).count();
            AttendanceRate rate = Attendance.rate(e.getId(), person.getDisplayName(), new int[] {mine.size(), attended},
                    cohort.getAttendanceThreshold());
            List<SupervisorAllocation> allocated = allocations.getOrDefault(e.getId(), List.of());
            String supervisor = allocated.stream().filter(a -> a.getEndedAt() == null).findFirst()
                    .map(a -> a.getSupervisor().getDisplayName()).orElse(null);
            List<AllocationView> allocationHistory = !coordinator ? List.of() : allocated.stream()
                    .map(a -> new AllocationView(a.getSupervisor().getUsername(), a.getSupervisor().getDisplayName(),
                            a.getAllocatedAt(), a.getEndedAt(), a.getAllocatedBy(), a.getReason())).toList();
            List<CohortSummary> deferral = !coordinator || !e.getStatus().isCurrent() ? List.of() : later.stream()
                    .filter(c -> c.courseCode().equals(code) && c.startDate().isAfter(cohort.getStartDate())).toList();
            records.add(new EnrolmentRecord(e.getId(), cohort.getId(), cohort.getName(), code, cohort.getCourse().getTitle(),
                    e.getStatus(), e.getEnrolledAt(), e.getStatusChangedAt(), e.getExpectedEndDate(), e.getPausedDaysTotal(),
                    e.getPausedOn(), e.getWithdrawnReason(), e.getDeferredTo() == null ? null : e.getDeferredTo().getName(),
                    e.getCompletedAt(), accepted.get(e.getId()), history.getOrDefault(e.getId(), List.of()), lines, rate,
                    cohort.getAttendanceThreshold(), (int) lines.stream().filter(SessionRecord::lessonCompleted).count(),
                    supervisor, allocationHistory, withNotes.contains(e.getId()), notes.getOrDefault(e.getId(), List.of()),
                    deferral, e.getVersion()));
            if (!own) {
                audit.fire(AuditEvent.of("CANDIDATE_RECORD_READ", "Enrolment", e.getId(),
                        withNotes.contains(e.getId()) ? "with confidential notes" : "without notes"));
            }
        }
        return new PersonRecord(enrolmentId, person.getUsername(), person.getDisplayName(), person.getEmail(),
                person.getJobTitle(), person.getDepartment(), person.getOrganisation(), person.getLineManager(),
                List.copyOf(records), coordinator, displayNames(usernames));
    }

    /** Cohorts of these courses that have not ended, with their places taken: where an enrolment could be deferred. */
    private List<CohortSummary> openCohortsOf(List<String> courseCodes) {
        if (courseCodes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c, (select count(e) from Enrolment e where e.cohort = c and e.status in :statuses) "
                + "from Cohort c join fetch c.course where c.course.code in :codes and c.endDate >= :today "
                + "order by c.startDate, c.name", Object[].class).setParameter("statuses", Enrolment.CURRENT)
                .setParameter("codes", courseCodes).setParameter("today", access.now().toLocalDate()).getResultList()
                .stream().map(row -> {
                    Cohort c = (Cohort) row[0];
                    return new CohortSummary(c.getId(), c.getCourse().getCode(), c.getCourse().getTitle(),
                            c.getCourse().getVersionNumber(), c.getName(), c.getStartDate(), c.getEndDate(),
                            c.getCapacity(), ((Number) row[1]).longValue());
                }).toList();
    }

    /** Display names by lower-case username, for the people named in histories and notes. */
    private Map<String, String> displayNames(Set<String> usernames) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String username : usernames) {
            if (username != null) {
                wanted.add(username.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createQuery("select lower(p.username), p.displayName from Person p "
                + "where lower(p.username) in :usernames", Object[].class).setParameter("usernames", List.copyOf(wanted))
                .getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    private EnrolmentReads reads() {
        return new EnrolmentReads(em);
    }
}
