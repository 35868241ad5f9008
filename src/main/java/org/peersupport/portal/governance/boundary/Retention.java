package org.peersupport.portal.governance.boundary;

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
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.governance.control.RetentionSchedule;
import org.peersupport.portal.governance.control.RetentionWork;
import org.peersupport.portal.governance.entity.RetentionHold;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/**
 * What the governance role sees and does about retention: the schedule in force, what falls due in the next 30 days
 * (and what a hold stops), legal holds placed and released (each audited), and what the daily job has purged.
 */
@Stateless
@DenyAll
public class Retention {

    /** How far ahead the governance role sees what will be purged. */
    public static final int PREVIEW_DAYS = 30;

    public record ScheduleLine(String key, String feature, Period period, boolean configured)
            implements Serializable {
    }

    /** A person's due records (a null person: records about no one, such as the system's audit entries). */
    public record DueLine(Long personId, String personName, Long enrolmentId, String cohortName, LocalDate dueOn,
            long records, boolean held) implements Serializable {
    }

    public record DueClass(String key, Period period, long records, long heldRecords, List<DueLine> lines,
            long moreLines) implements Serializable {
    }

    public record HoldLine(long id, long version, Long personId, Long enrolmentId, String personName,
            String cohortName, String reason, String placedBy, Instant placedAt) implements Serializable {
    }

    public record PurgeLine(LocalDate runDate, String key, String rule, int records, Instant purgedAt)
            implements Serializable {

        /** The period the purge applied, as recorded. */
        public Period ruleAsPeriod() {
            return Period.parse(rule);
        }
    }

    private static final String PERSON_NAMES = "select id, display_name from person where id = any(?)";
    private static final String ENROLMENT_PEOPLE = "select id, person_id::text from enrolment where id = any(?)";
    private static final String ENROLMENT_COHORTS = """
            select e.id, c.name from enrolment e join cohort c on c.id = e.cohort_id where e.id = any(?)""";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Callers callers;

    @Inject
    RetentionSchedule schedule;

    @Inject
    RetentionWork work;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<ScheduleLine> schedule() {
        return schedule.entries().stream()
                .map(e -> new ScheduleLine(e.key(), e.feature(), e.period(), e.configured())).toList();
    }

    /** What falls due in the next {@link #PREVIEW_DAYS} days (and is due already), per class, with names. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<DueClass> preview() {
        List<RetentionWork.Preview> previews = work.preview(today(), PREVIEW_DAYS);
        List<RetentionSchedule.Entry> entries = schedule.entries();
        List<Long> people = previews.stream().flatMap(p -> p.lines().stream()).map(RetentionWork.PreviewLine::personId)
                .filter(id -> id != null).distinct().toList();
        List<Long> enrolments = previews.stream().flatMap(p -> p.lines().stream())
                .map(RetentionWork.PreviewLine::enrolmentId).filter(id -> id != null).distinct().toList();
        Map<Long, String> names = work.names(PERSON_NAMES, people);
        Map<Long, String> cohorts = work.names(ENROLMENT_COHORTS, enrolments);
        List<DueClass> due = new ArrayList<>();
        for (int i = 0; i < previews.size(); i++) {
            RetentionWork.Preview p = previews.get(i);
            due.add(new DueClass(p.key(), entries.get(i).period(), p.records(), p.heldRecords(), p.lines().stream()
                    .map(l -> new DueLine(l.personId(), l.personId() == null ? null : names.get(l.personId()),
                            l.enrolmentId(),
                            l.enrolmentId() == null ? null : cohorts.get(l.enrolmentId()), l.dueOn(), l.records(),
                            l.held()))
                    .toList(), p.moreLines()));
        }
        return due;
    }

    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<HoldLine> holds() {
        List<RetentionHold> holds = em.createNamedQuery(RetentionHold.ACTIVE, RetentionHold.class).getResultList();
        List<Long> enrolments = holds.stream().map(RetentionHold::getEnrolmentId).filter(id -> id != null).toList();
        Map<Long, String> enrolmentPeople = work.names(ENROLMENT_PEOPLE, enrolments);
        Map<Long, String> cohorts = work.names(ENROLMENT_COHORTS, enrolments);
        Map<Long, String> names = work.names(PERSON_NAMES, Stream.concat(
                holds.stream().map(RetentionHold::getPersonId).filter(id -> id != null),
                enrolmentPeople.values().stream().map(Long::valueOf)).distinct().toList());
        return holds.stream().map(h -> {
            Long person = h.getPersonId() != null ? h.getPersonId() : Long.valueOf(enrolmentPeople.get(h.getEnrolmentId()));
            return new HoldLine(h.getId(), h.getVersion(), h.getPersonId(), h.getEnrolmentId(), names.get(person),
                    h.getEnrolmentId() == null ? null : cohorts.get(h.getEnrolmentId()), h.getReason(),
                    h.getPlacedBy().getDisplayName(), h.getPlacedAt());
        }).toList();
    }

    /**
     * Places a legal hold on a person ({@code enrolmentId} null) or on one of their enrolments; returns its id.
     * The reason is kept with the hold, not in the audit trail.
     */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public long placeHold(long personId, Long enrolmentId, String reason) {
        Person me = callers.require(session.getCallerPrincipal());
        Person person = em.find(Person.class, personId);
        if (person == null) {
            throw new BusinessException("governance.person.notFound", "There is no such person.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessException("governance.hold.reason.required",
                    "Say why the records are held (a claim, an investigation, a request from the police).");
        }
        if (why.length() > RetentionHold.MAX_REASON) {
            throw new BusinessException("governance.hold.reason.tooLong", "Keep the reason to at most "
                    + RetentionHold.MAX_REASON + " characters.", RetentionHold.MAX_REASON);
        }
        if (enrolmentId != null && !Long.valueOf(personId).equals(work.names(ENROLMENT_PEOPLE, List.of(enrolmentId))
                .entrySet().stream().findFirst().map(e -> Long.valueOf(e.getValue())).orElse(null))) {
            throw new BusinessException("governance.hold.enrolment.notFound",
                    "There is no such course place of this person.");
        }
        RetentionHold hold = enrolmentId == null ? RetentionHold.onPerson(personId, why, me, Instant.now(clock))
                : RetentionHold.onEnrolment(enrolmentId, why, me, Instant.now(clock));
        em.persist(hold);
        em.flush();
        audit.fire(AuditEvent.by(me.getUsername(), "RETENTION_HOLD_PLACED", "RetentionHold", hold.getId(),
                enrolmentId == null ? "on everything about the person" : "on enrolment " + enrolmentId)
                .about(personId));
        return hold.getId();
    }

    /** Releases a hold, as seen at {@code version}: from now on the schedule applies to what it kept. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public void releaseHold(long holdId, long version) {
        Person me = callers.require(session.getCallerPrincipal());
        RetentionHold hold = em.find(RetentionHold.class, holdId);
        if (hold == null || hold.getReleasedAt() != null) {
            throw new BusinessException("governance.hold.released", "This hold has been released already.");
        }
        if (hold.getVersion() != version) {
            throw new BusinessException("governance.hold.stale",
                    "Someone else changed this hold since you opened the page. Look at it again.");
        }
        em.lock(hold, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        hold.release(me, Instant.now(clock));
        Long person = hold.getPersonId() != null ? hold.getPersonId()
                : work.names(ENROLMENT_PEOPLE, List.of(hold.getEnrolmentId())).values().stream().findFirst()
                        .map(Long::valueOf).orElse(null);
        audit.fire(AuditEvent.by(me.getUsername(), "RETENTION_HOLD_RELEASED", "RetentionHold", holdId, "released")
                .about(person));
    }

    /** The latest purges, newest first. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<PurgeLine> purges(int max) {
        List<Object[]> rows = em.createNativeQuery("select run_date, record_class, rule, records, purged_at "
                + "from retention_purge order by run_date desc, id desc").setMaxResults(max).getResultList();
        return rows.stream().map(r -> new PurgeLine(((java.sql.Date) r[0]).toLocalDate(), (String) r[1],
                (String) r[2], ((Number) r[3]).intValue(), toInstant(r[4]))).toList();
    }

    /** The enrolments of a person, for placing a hold on one of them: id and cohort name. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public Map<Long, String> enrolmentsOf(long personId) {
        List<Object[]> rows = em.createNativeQuery("select e.id, c.name from enrolment e join cohort c "
                + "on c.id = e.cohort_id where e.person_id = ?1 order by e.enrolled_at, e.id")
                .setParameter(1, personId).getResultList();
        Map<Long, String> enrolments = new java.util.LinkedHashMap<>();
        rows.forEach(r -> enrolments.put(((Number) r[0]).longValue(), (String) r[1]));
        return enrolments;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(UkTime.ZONE));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Instant i ? i : null;
    }
}
