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
import java.util.Map;
import java.util.stream.Collectors;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.AgreementAcceptance;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.candidate.entity.AttendanceMark;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.ConfidentialNote;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatusChange;
import org.peersupport.portal.candidate.entity.SupervisorAllocation;
import org.peersupport.portal.course.entity.LessonProgress;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Candidate records. A candidate reads only their own, a supervisor only their allocated candidates', a
 * coordinator every record; confidential notes only reach coordinators and the allocated supervisor. HR has its
 * own restricted view: names, departments, statuses and dates, nothing else.
 */
@Stateless
@DenyAll
public class CandidateRecords {

    static final int MAX_NOTE = 10_000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

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

    /** Adds a confidential note: coordinators, and the candidate's allocated supervisor. */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.COORDINATOR})
    public long addNote(long enrolmentId, String text) {
        Caller caller = new Caller(session, em);
        Enrolment e = enrolment(enrolmentId);
        if (!caller.mayReadNotes(e)) {
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

    private Enrolment enrolment(long enrolmentId) {
        return em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(Caller::notYours);
    }
}
