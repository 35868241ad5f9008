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
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.peersupport.portal.candidate.control.AgreementText;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.entity.AgreementAcceptance;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.candidate.entity.AttendanceMark;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.ConfidentialNote;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.candidate.entity.EnrolmentStatusChange;
import org.peersupport.portal.candidate.entity.SupervisorAllocation;
import org.peersupport.portal.course.entity.LessonProgress;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.LikePattern;

/**
 * Candidate records. A candidate reads only their own, a supervisor only their allocated candidates', a
 * coordinator every record; confidential notes only reach coordinators and the allocated supervisor. HR has its
 * own restricted view: names, departments, statuses and dates, nothing else. The record page, the candidate's home
 * and HR's list each read with a fixed number of queries, however many enrolments, sessions or rows there are.
 */
@Stateless
@DenyAll
public class CandidateRecords {

    static final int MAX_NOTE = 10_000;

    /** The heading the candidate's home page gives the agreement: its own headings follow it. */
    static final int AGREEMENT_HEADING_LEVEL = 4;

    /** The most rows HR reads at once. */
    public static final int MAX_HR_PAGE = 100;

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

    /** The caller's own enrolments, newest cohort first. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public List<EnrolmentSummary> myEnrolments() {
        return em.createNamedQuery(Enrolment.OF_PERSON, Enrolment.class)
                .setParameter("personId", new Caller(session, em).person().getId()).getResultList().stream()
                .map(e -> Enrolments.summary(e, e.getCohort())).toList();
    }

    /** One enrolment's record, for its candidate, its allocated supervisor or a coordinator. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.COORDINATOR})
    public CandidateRecord record(long enrolmentId) {
        Caller caller = new Caller(session, em);
        Enrolment e = enrolment(enrolmentId);
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
        Enrolment requested = enrolment(enrolmentId);
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

        Map<Long, List<CohortSession>> sessions = sessionsOf(visible.stream().map(e -> e.getCohort().getId()).distinct().toList());
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
        Set<String> done = completedLessons(person.getId());
        Map<Long, List<SupervisorAllocation>> allocations = new HashMap<>();
        for (SupervisorAllocation a : em.createQuery("select a from SupervisorAllocation a join fetch a.supervisor "
                + "where a.enrolment.id in :ids order by a.allocatedAt, a.id", SupervisorAllocation.class)
                .setParameter("ids", ids).getResultList()) {
            allocations.computeIfAbsent(a.getEnrolment().getId(), id -> new ArrayList<>()).add(a);
            usernames.add(a.getAllocatedBy());
        }
        Map<Long, Instant> accepted = acceptances(ids);
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

    /**
     * The caller's own enrolments for their home page, those still running first: course, cohort, where it meets,
     * the dated schedule with each lesson open or not yet, and the course's agreement with whether it is due.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public List<MyCourse> myCourses() {
        Person me = new Caller(session, em).person();
        List<Enrolment> mine = new ArrayList<>(em.createNamedQuery(Enrolment.OF_PERSON, Enrolment.class)
                .setParameter("personId", me.getId()).getResultList());
        if (mine.isEmpty()) {
            return List.of();
        }
        mine.sort(Comparator.comparing((Enrolment e) -> !e.getStatus().isCurrent()));
        List<Long> ids = mine.stream().map(Enrolment::getId).toList();
        Map<Long, List<CohortSession>> sessions = sessionsOf(mine.stream().filter(e -> e.getStatus().isCurrent())
                .map(e -> e.getCohort().getId()).distinct().toList());
        Map<Long, Instant> accepted = acceptances(ids);
        Set<String> done = completedLessons(me.getId());
        LocalDateTime now = access.now();
        List<MyCourse> courses = new ArrayList<>();
        for (Enrolment e : mine) {
            Cohort cohort = e.getCohort();
            String code = cohort.getCourse().getCode();
            List<CohortSession> dated = sessions.getOrDefault(cohort.getId(), List.of());
            List<ScheduleLine> schedule = dated.stream().map(s -> new ScheduleLine(s.getNumber(),
                    s.getCourseSession().getTitle(), s.getStartsAt(), s.isOpen(now), done.contains(code + "/" + s.getSlug())))
                    .toList();
            CohortSession first = dated.stream().filter(s -> s.getNumber() == 1).findFirst().orElse(null);
            String safe = AgreementText.under(cohort.getCourse().getAgreementHtml(), AGREEMENT_HEADING_LEVEL);
            boolean due = e.getStatus().isCurrent() && safe != null && first != null && first.isOpen(now)
                    && !accepted.containsKey(e.getId());
            courses.add(new MyCourse(e.getId(), code, cohort.getCourse().getTitle(), cohort.getName(), e.getStatus(),
                    cohort.getVenue(), cohort.getOnlineLink(), cohort.getFacilitators(), e.getExpectedEndDate(),
                    e.getCompletedAt(), schedule, safe, first == null ? null : first.getStartsAt(), accepted.get(e.getId()),
                    due));
        }
        return List.copyOf(courses);
    }

    /** Adds a confidential note: coordinators, and the candidate's allocated supervisor. */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.COORDINATOR})
    public long addNote(long enrolmentId, String text) {
        Caller caller = new Caller(session, em);
        Enrolment e = enrolment(enrolmentId);
        if (!caller.mayWriteNotes(e)) {
            throw Caller.notYours();
        }
        if (text == null || text.isBlank()) {
            throw new BusinessException("note.required", "Write the note first.");
        }
        if (text.length() > MAX_NOTE) {
            throw new BusinessException("note.long", "Keep a note under 10,000 characters.");
        }
        ConfidentialNote note = new ConfidentialNote(e, caller.username(), text.strip(), Instant.now(clock));
        em.persist(note);
        em.flush();
        audit.fire(AuditEvent.of("CONFIDENTIAL_NOTE_ADDED", "Enrolment", enrolmentId, "note " + note.getId()));
        return note.getId();
    }

    /** HR's view of every enrolment: names, departments, statuses and dates only. */
    @RolesAllowed(Role.Names.HR)
    public List<HrRecord> hrRecords() {
        return em.createQuery("select e from Enrolment e join fetch e.person join fetch e.cohort c join fetch c.course "
                + "order by e.person.displayName, c.startDate", Enrolment.class).getResultList().stream()
                .map(CandidateRecords::hr).toList();
    }

    /**
     * One page of HR's view of every enrolment (names, departments, courses, cohorts, statuses and dates), by name,
     * paged in the database. {@code page} counts from 1 and is kept within the pages there are; {@code pageSize}
     * is at most {@value #MAX_HR_PAGE}.
     */
    @RolesAllowed(Role.Names.HR)
    public ResultPage<HrRecord> hrRecordPage(int page, int pageSize) {
        return hrRecordPage(null, page, pageSize);
    }

    /**
     * As {@link #hrRecordPage(int, int)}, narrowed to the people whose name contains {@code name} (any case; blank
     * means everyone). Wildcards typed in the name are matched literally.
     */
    @RolesAllowed(Role.Names.HR)
    public ResultPage<HrRecord> hrRecordPage(String name, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, MAX_HR_PAGE));
        String pattern = LikePattern.containing(name);
        String where = pattern == null ? "" : " where lower(p.displayName) like :name escape '!'";
        TypedQuery<Long> count = em.createQuery("select count(e) from Enrolment e join e.person p" + where, Long.class);
        TypedQuery<Object[]> rowsQuery = em.createQuery("select e.id, p.displayName, p.department, co.code, c.name, "
                + "e.status, e.enrolledAt, e.statusChangedAt, e.expectedEndDate, e.completedAt from Enrolment e "
                + "join e.person p join e.cohort c join c.course co" + where + " order by p.displayName, c.startDate, e.id",
                Object[].class);
        if (pattern != null) {
            count.setParameter("name", pattern);
            rowsQuery.setParameter("name", pattern);
        }
        long total = count.getSingleResult();
        int number = ResultPage.within(page, total, size);
        List<HrRecord> rows = rowsQuery.setFirstResult((number - 1) * size).setMaxResults(size).getResultList().stream()
                .map(r -> new HrRecord((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (EnrolmentStatus) r[5], (Instant) r[6], (Instant) r[7], (LocalDate) r[8], (Instant) r[9])).toList();
        return new ResultPage<>(rows, number, size, total);
    }

    /** HR's view of one enrolment. */
    @RolesAllowed(Role.Names.HR)
    public HrRecord hrRecord(long enrolmentId) {
        return hr(enrolment(enrolmentId));
    }

    private static HrRecord hr(Enrolment e) {
        return new HrRecord(e.getId(), e.getPerson().getDisplayName(), e.getPerson().getDepartment(),
                e.getCohort().getCourse().getCode(), e.getCohort().getName(), e.getStatus(), e.getEnrolledAt(),
                e.getStatusChangedAt(), e.getExpectedEndDate(), e.getCompletedAt());
    }

    /** Each cohort's dated sessions in order, with the course sessions they teach, in one query. */
    private Map<Long, List<CohortSession>> sessionsOf(List<Long> cohortIds) {
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

    private Map<Long, Instant> acceptances(List<Long> enrolmentIds) {
        Map<Long, Instant> accepted = new HashMap<>();
        for (Object[] row : em.createQuery("select a.enrolment.id, a from AgreementAcceptance a where a.enrolment.id in :ids",
                Object[].class).setParameter("ids", enrolmentIds).getResultList()) {
            accepted.put((Long) row[0], ((AgreementAcceptance) row[1]).getAcceptedAt());
        }
        return accepted;
    }

    /** The person's completed lessons, as "course code/session slug". */
    private Set<String> completedLessons(long personId) {
        return em.createQuery("select p.courseCode, p.sessionSlug from LessonProgress p where p.personId = :personId",
                Object[].class).setParameter("personId", personId).getResultList().stream()
                .map(r -> r[0] + "/" + r[1]).collect(Collectors.toSet());
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

    private Enrolment enrolment(long enrolmentId) {
        return em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(Caller::notYours);
    }
}
