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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.ConflictOfInterest;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.candidate.entity.SupervisorAllocation;
import org.peersupport.portal.candidate.entity.SupervisorProfile;
import org.peersupport.portal.identity.control.Directory;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Who supervises whom. Coordinators set supervisors' caseload caps and allocate (or reallocate, keeping the
 * history) a supervisor to each enrolment; the portal suggests the least-loaded supervisor with room and no
 * declared conflict, and refuses a conflicted or over-cap allocation. Supervisors declare conflicts of interest
 * and see their caseload with who is on track, behind or paused.
 */
@Stateless
@DenyAll
public class Allocations {

    /** A lesson counts as late once its session is this many days past. */
    public static final int LESSON_GRACE_DAYS = 7;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    StaffDirectory staff;

    @Inject
    Directory directory;

    @Inject
    LessonAccess access;

    /** Makes a person in the directory a supervisor with a caseload cap, or changes their cap. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void setCaseloadCap(String supervisorUsername, int cap) {
        Person supervisor = staff.byUsername(supervisorUsername);
        Optional<SupervisorProfile> existing = profile(supervisor.getId());
        if (existing.isPresent()) {
            existing.get().cap(cap);
        } else {
            em.persist(new SupervisorProfile(supervisor, cap));
        }
        audit.fire(AuditEvent.of("SUPERVISOR_CAP_SET", "Person", supervisor.getId(), "person " + supervisor.getId()
                + " may supervise up to " + cap));
    }

    /** Every supervisor with their current caseload and cap, least loaded first. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<SupervisorLoad> supervisors() {
        Map<Long, Long> caseloads = caseloads();
        return em.createNamedQuery(SupervisorProfile.ALL, SupervisorProfile.class).getResultList().stream()
                .map(p -> load(p, caseloads)).sorted(Comparator.comparingLong(SupervisorLoad::caseload)
                        .thenComparing(SupervisorLoad::displayName)).toList();
    }

    /**
     * The supervisor to suggest for an enrolment: the least loaded with room under their cap, who has declared no
     * conflict with the candidate and is not the candidate. Empty when nobody fits.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public Optional<SupervisorLoad> suggest(long enrolmentId) {
        Enrolment enrolment = enrolment(enrolmentId);
        Set<Long> conflicted = new HashSet<>(em.createNamedQuery(ConflictOfInterest.SUPERVISORS_CONFLICTED_WITH, Long.class)
                .setParameter("otherId", enrolment.getPerson().getId()).getResultList());
        Long current = current(enrolmentId).map(a -> a.getSupervisor().getId()).orElse(null);
        return suggestion(em.createNamedQuery(SupervisorProfile.ALL, SupervisorProfile.class).getResultList(), caseloads(),
                conflicted, enrolment.getPerson().getId(), current);
    }

    /**
     * Every enrolment of a cohort with its current supervisor and the supervisor {@link #suggest} would suggest for
     * it (none for an enrolment that has ended), in a handful of queries whatever the cohort's size.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<CohortAllocation> ofCohort(long cohortId) {
        List<Enrolment> enrolments = em.createNamedQuery(Enrolment.OF_COHORT, Enrolment.class)
                .setParameter("cohortId", cohortId).getResultList();
        if (enrolments.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> current = new HashMap<>();
        for (Object[] row : em.createNamedQuery(SupervisorAllocation.CURRENT_OF_COHORT, Object[].class)
                .setParameter("cohortId", cohortId).getResultList()) {
            current.put((Long) row[0], row);
        }
        Map<Long, Set<Long>> conflicted = new HashMap<>();
        for (Object[] row : em.createNamedQuery(ConflictOfInterest.SUPERVISORS_CONFLICTED_WITH_ANY, Object[].class)
                .setParameter("otherIds", enrolments.stream().map(e -> e.getPerson().getId()).distinct().toList())
                .getResultList()) {
            conflicted.computeIfAbsent((Long) row[1], id -> new HashSet<>()).add((Long) row[0]);
        }
        List<SupervisorProfile> profiles = em.createNamedQuery(SupervisorProfile.ALL, SupervisorProfile.class).getResultList();
        Map<Long, Long> caseloads = caseloads();
        return enrolments.stream().map(e -> {
            Object[] supervisor = current.get(e.getId());
            Long supervisorId = supervisor == null ? null : (Long) supervisor[1];
            SupervisorLoad suggestion = !e.getStatus().isCurrent() ? null : suggestion(profiles, caseloads,
                    conflicted.getOrDefault(e.getPerson().getId(), Set.of()), e.getPerson().getId(), supervisorId).orElse(null);
            boolean supervisorConflicted = supervisorId != null
                    && conflicted.getOrDefault(e.getPerson().getId(), Set.of()).contains(supervisorId);
            return new CohortAllocation(e.getId(), supervisor == null ? null : (String) supervisor[2],
                    supervisor == null ? null : (String) supervisor[3], supervisorConflicted, suggestion);
        }).toList();
    }

    /** The least-loaded supervisor with room, not conflicted with the candidate, not them and not the current one. */
    private Optional<SupervisorLoad> suggestion(List<SupervisorProfile> profiles, Map<Long, Long> caseloads,
            Set<Long> conflicted, Long candidateId, Long currentSupervisorId) {
        return profiles.stream()
                .filter(p -> !conflicted.contains(p.getSupervisor().getId()))
                .filter(p -> !p.getSupervisor().getId().equals(candidateId))
                .filter(p -> !p.getSupervisor().getId().equals(currentSupervisorId))
                .filter(p -> caseloads.getOrDefault(p.getSupervisor().getId(), 0L) < p.getCaseloadCap())
                .map(p -> load(p, caseloads))
                .min(Comparator.comparingLong(SupervisorLoad::caseload).thenComparing(SupervisorLoad::displayName));
    }

    /**
     * Allocates a supervisor to an enrolment, ending the current allocation if there is one (the history stays).
     * Refused when the supervisor declared a conflict with the candidate, is the candidate, is not a supervisor,
     * or is at their cap.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void allocate(long enrolmentId, String supervisorUsername, String reason) {
        Enrolment enrolment = enrolment(enrolmentId);
        if (!enrolment.getStatus().isCurrent()) {
            throw new BusinessException("allocation.notCurrent", "This enrolment is " + enrolment.getStatus().label()
                    + ", so it needs no supervisor.", enrolment.getStatus().label());
        }
        Person supervisor = staff.byUsername(supervisorUsername);
        SupervisorProfile profile = em.createNamedQuery(SupervisorProfile.OF_PERSON, SupervisorProfile.class)
                .setParameter("personId", supervisor.getId()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElseThrow(() -> new BusinessException("allocation.notSupervisor",
                        supervisor.getDisplayName() + " is not set up as a supervisor: give them a caseload cap first.",
                                supervisor.getDisplayName()));
        Person candidate = enrolment.getPerson();
        if (supervisor.getId().equals(candidate.getId())) {
            throw new BusinessException("allocation.self", "Nobody can supervise themselves.");
        }
        if (em.createNamedQuery(ConflictOfInterest.BETWEEN, Long.class).setParameter("supervisorId", supervisor.getId())
                .setParameter("otherId", candidate.getId()).getSingleResult() > 0) {
            throw new BusinessException("allocation.conflict", supervisor.getDisplayName()
                    + " has declared a conflict of interest with " + candidate.getDisplayName() + ", so cannot supervise them.",
                    supervisor.getDisplayName(), candidate.getDisplayName());
        }
        Optional<SupervisorAllocation> current = current(enrolmentId);
        if (current.isPresent() && current.get().getSupervisor().getId().equals(supervisor.getId())) {
            throw new BusinessException("allocation.same", supervisor.getDisplayName() + " supervises "
                    + candidate.getDisplayName() + " already.",
                    supervisor.getDisplayName(), candidate.getDisplayName());
        }
        profile.requireRoom(caseloads().getOrDefault(supervisor.getId(), 0L));
        Instant now = Instant.now(clock);
        current.ifPresent(a -> a.end(now));
        em.flush();
        SupervisorAllocation allocation = new SupervisorAllocation(enrolment, supervisor, caller(), reason, now);
        em.persist(allocation);
        em.flush();
        audit.fire(AuditEvent.of(current.isPresent() ? "SUPERVISOR_REALLOCATED" : "SUPERVISOR_ALLOCATED", "Enrolment",
                enrolmentId, "person " + supervisor.getId() + current.map(a -> " instead of person "
                        + a.getSupervisor().getId()).orElse("") + (reason == null || reason.isBlank() ? "" : ", with a reason")));
    }

    /** Every allocation of an enrolment, oldest first; the current one has no end. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<AllocationView> history(long enrolmentId) {
        enrolment(enrolmentId);
        return em.createNamedQuery(SupervisorAllocation.OF_ENROLMENT, SupervisorAllocation.class)
                .setParameter("enrolmentId", enrolmentId).getResultList().stream()
                .map(a -> new AllocationView(a.getSupervisor().getUsername(), a.getSupervisor().getDisplayName(),
                        a.getAllocatedAt(), a.getEndedAt(), a.getAllocatedBy(), a.getReason())).toList();
    }

    /**
     * The calling supervisor declares a conflict of interest with a person in the directory. Existing allocations
     * are not changed here: the coordinator reallocates.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public long declareConflict(String otherUsername, String note) {
        Person me = new Caller(session, em).person();
        Person other = staff.byUsername(otherUsername);
        if (other.getId().equals(me.getId())) {
            throw new BusinessException("conflict.self", "You cannot declare a conflict with yourself.");
        }
        if (em.createNamedQuery(ConflictOfInterest.BETWEEN, Long.class).setParameter("supervisorId", me.getId())
                .setParameter("otherId", other.getId()).getSingleResult() > 0) {
            throw new BusinessException("conflict.duplicate", "You have declared a conflict with "
                    + other.getDisplayName() + " already.", other.getDisplayName());
        }
        ConflictOfInterest conflict = new ConflictOfInterest(me, other, note, Instant.now(clock));
        em.persist(conflict);
        em.flush();
        audit.fire(AuditEvent.of("CONFLICT_DECLARED", "Person", other.getId(), "person " + me.getId() + " with person "
                + other.getId()));
        return conflict.getId();
    }

    /**
     * People in the directory the calling supervisor may declare a conflict with: name, email or username contains
     * the text (an LDAP search with the text escaped); never the supervisor themselves.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<StaffMember> findPeople(String text) {
        String me = session.getCallerPrincipal().getName();
        return directory.search(text, Enrolling.SEARCH_LIMIT).stream()
                .filter(a -> !a.profile().username().equalsIgnoreCase(me)).map(StaffMember::of).toList();
    }

    /**
     * The conflicts of interest the calling supervisor has declared, newest first, each saying whether they
     * supervise that person now (the declaration does not end an allocation: a coordinator reallocates).
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<ConflictView> myConflicts() {
        Person me = new Caller(session, em).person();
        Set<Long> supervised = new HashSet<>(em.createNamedQuery(SupervisorAllocation.PEOPLE_SUPERVISED_BY, Long.class)
                .setParameter("supervisorId", me.getId()).setParameter("statuses", Enrolment.CURRENT).getResultList());
        return em.createNamedQuery(ConflictOfInterest.DECLARED_BY, ConflictOfInterest.class)
                .setParameter("supervisorId", me.getId()).getResultList().stream()
                .map(c -> new ConflictView(c.getId(), c.getOther().getUsername(), c.getOther().getDisplayName(),
                        c.getOther().getDepartment(), c.getDeclaredAt(), c.getNote(),
                        supervised.contains(c.getOther().getId())))
                .toList();
    }

    /**
     * The calling supervisor's current candidates: paused, behind (a lesson whose session is more than
     * {@value #LESSON_GRACE_DAYS} days past is not done, or attendance is under the cohort's threshold) or on track.
     * A handful of queries whatever the caseload.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public List<CaseloadLine> myCaseload() {
        Person me = new Caller(session, em).person();
        List<Enrolment> enrolments = em.createNamedQuery(SupervisorAllocation.CURRENT_OF_SUPERVISOR,
                SupervisorAllocation.class).setParameter("supervisorId", me.getId())
                .setParameter("statuses", Enrolment.CURRENT).getResultList().stream()
                .map(SupervisorAllocation::getEnrolment).toList();
        if (enrolments.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = access.now();
        List<Long> cohortIds = enrolments.stream().map(e -> e.getCohort().getId()).distinct().toList();
        List<Long> personIds = enrolments.stream().map(e -> e.getPerson().getId()).distinct().toList();
        Map<Long, List<Object[]>> sessionsByCohort = new HashMap<>();
        for (Object[] row : em.createQuery("select s.cohort.id, s.slug, s.startsAt from CohortSession s "
                + "where s.cohort.id in :cohortIds", Object[].class).setParameter("cohortIds", cohortIds).getResultList()) {
            sessionsByCohort.computeIfAbsent((Long) row[0], id -> new java.util.ArrayList<>()).add(row);
        }
        Map<Long, Set<String>> done = new HashMap<>();
        for (Object[] row : em.createQuery("select p.personId, p.courseCode, p.sessionSlug from LessonProgress p "
                + "where p.personId in :personIds", Object[].class).setParameter("personIds", personIds).getResultList()) {
            done.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add(row[1] + "/" + row[2]);
        }
        Map<Long, int[]> attendance = Attendance.counts(em, enrolments.stream().map(Enrolment::getId).toList());
        return enrolments.stream().map(e -> {
            String code = e.getCohort().getCourse().getCode();
            Set<String> mine = done.getOrDefault(e.getPerson().getId(), Set.of());
            int due = 0;
            int doneDue = 0;
            for (Object[] s : sessionsByCohort.getOrDefault(e.getCohort().getId(), List.of())) {
                LocalDateTime startsAt = (LocalDateTime) s[2];
                LocalDateTime dueAt = startsAt.plusDays(LESSON_GRACE_DAYS + (long) e.getPausedDaysTotal());
                if (dueAt.isBefore(now)) {
                    due++;
                    if (mine.contains(code + "/" + s[1])) {
                        doneDue++;
                    }
                }
            }
            AttendanceRate rate = Attendance.rate(e.getId(), e.getPerson().getDisplayName(), attendance.get(e.getId()),
                    e.getCohort().getAttendanceThreshold());
            CaseloadLine.Progress progress = e.getStatus() == EnrolmentStatus.PAUSED ? CaseloadLine.Progress.PAUSED
                    : doneDue < due || !rate.meetsThreshold() ? CaseloadLine.Progress.BEHIND : CaseloadLine.Progress.ON_TRACK;
            return new CaseloadLine(e.getId(), e.getPerson().getUsername(), e.getPerson().getDisplayName(),
                    e.getCohort().getName(), code, e.getStatus(), progress, doneDue, due, rate.percent());
        }).toList();
    }

    private SupervisorLoad load(SupervisorProfile p, Map<Long, Long> caseloads) {
        return new SupervisorLoad(p.getSupervisor().getUsername(), p.getSupervisor().getDisplayName(),
                caseloads.getOrDefault(p.getSupervisor().getId(), 0L), p.getCaseloadCap());
    }

    private Map<Long, Long> caseloads() {
        Map<Long, Long> caseloads = new HashMap<>();
        for (Object[] row : em.createNamedQuery(SupervisorAllocation.CASELOADS, Object[].class)
                .setParameter("statuses", Enrolment.CURRENT).getResultList()) {
            caseloads.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return caseloads;
    }

    private Optional<SupervisorProfile> profile(long personId) {
        return em.createNamedQuery(SupervisorProfile.OF_PERSON, SupervisorProfile.class).setParameter("personId", personId)
                .getResultStream().findFirst();
    }

    private Optional<SupervisorAllocation> current(long enrolmentId) {
        return em.createNamedQuery(SupervisorAllocation.CURRENT_OF_ENROLMENT, SupervisorAllocation.class)
                .setParameter("enrolmentId", enrolmentId).getResultStream().findFirst();
    }

    private Enrolment enrolment(long enrolmentId) {
        return em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(Caller::notYours);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
