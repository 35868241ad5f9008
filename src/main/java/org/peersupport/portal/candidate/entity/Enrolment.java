package org.peersupport.portal.candidate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.persistence.config.QueryHints;
import org.peersupport.portal.identity.entity.Person;

/**
 * A person's place on a cohort and where it stands. It moves only through {@link #moveTo}, which follows
 * {@link EnrolmentStatus}: pausing stops the clock, and resuming moves the expected end date on by the days paused.
 * Each move returns the history row the boundary stores.
 */
@Entity
@Table(name = "enrolment")
@NamedQuery(name = Enrolment.WITH_COHORT, query = "select e from Enrolment e where e.id = :id", hints = {
        @QueryHint(name = QueryHints.FETCH, value = "e.person"),
        @QueryHint(name = QueryHints.FETCH, value = "e.cohort.course")})
@NamedQuery(name = Enrolment.COUNT_CURRENT, query = "select count(e) from Enrolment e where e.cohort.id = :cohortId "
        + "and e.status in :statuses")
@NamedQuery(name = Enrolment.OF_PERSON_ON_COHORT, query = "select e from Enrolment e where e.person.id = :personId "
        + "and e.cohort.id = :cohortId")
@NamedQuery(name = Enrolment.OF_COHORT, query = "select e from Enrolment e join fetch e.person where e.cohort.id = :cohortId "
        + "order by e.person.displayName")
@NamedQuery(name = Enrolment.OF_PERSON, query = "select e from Enrolment e where e.person.id = :personId "
        + "order by e.cohort.startDate desc", hints = @QueryHint(name = QueryHints.FETCH, value = "e.cohort.course"))
@NamedQuery(name = Enrolment.CURRENT_ON_COURSE, query = "select count(e) from Enrolment e where e.person.id = :personId "
        + "and e.cohort.course.code = :code and e.status in :statuses")
public class Enrolment {

    public static final String WITH_COHORT = "Enrolment.withCohort";
    public static final String COUNT_CURRENT = "Enrolment.countCurrent";
    public static final String OF_PERSON_ON_COHORT = "Enrolment.ofPersonOnCohort";
    public static final String OF_COHORT = "Enrolment.ofCohort";
    public static final String OF_PERSON = "Enrolment.ofPerson";
    public static final String CURRENT_ON_COURSE = "Enrolment.currentOnCourse";

    /** The statuses that hold a place: enrolled, active and paused. */
    public static final List<EnrolmentStatus> CURRENT = List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.ACTIVE,
            EnrolmentStatus.PAUSED);

    @Id
    @SequenceGenerator(name = "enrolment_seq", sequenceName = "enrolment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrolment_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person person;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cohort_id", nullable = false, updatable = false)
    private Cohort cohort;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrolmentStatus status;

    @Column(name = "enrolled_at", nullable = false, updatable = false)
    private Instant enrolledAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "expected_end_date", nullable = false)
    private LocalDate expectedEndDate;

    @Column(name = "paused_on")
    private LocalDate pausedOn;

    @Column(name = "paused_days_total", nullable = false)
    private int pausedDaysTotal;

    @Column(name = "withdrawn_reason")
    private String withdrawnReason;

    @ManyToOne
    @JoinColumn(name = "deferred_to_cohort_id")
    private Cohort deferredTo;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Enrolment() {
    }

    public Enrolment(Person person, Cohort cohort, Instant now) {
        this.person = person;
        this.cohort = cohort;
        this.status = EnrolmentStatus.ENROLLED;
        this.enrolledAt = now;
        this.statusChangedAt = now;
        this.expectedEndDate = cohort.getEndDate();
    }

    /** The first history row: how the enrolment began. */
    public EnrolmentStatusChange enrolled(String actor, String reason) {
        return new EnrolmentStatusChange(this, null, EnrolmentStatus.ENROLLED, reason, actor, enrolledAt);
    }

    /**
     * Moves to {@code target} if the lifecycle allows it, with a reason where one is needed. {@code today} is the
     * portal's local date: pausing records it, resuming moves the expected end date on by the days since.
     */
    public EnrolmentStatusChange moveTo(EnrolmentStatus target, String reason, String actor, Instant now, LocalDate today) {
        status.requireMoveTo(target, reason);
        EnrolmentStatus from = status;
        if (target == EnrolmentStatus.PAUSED) {
            pausedOn = today;
        } else if (from == EnrolmentStatus.PAUSED) {
            int days = (int) Math.max(0, ChronoUnit.DAYS.between(pausedOn, today));
            pausedDaysTotal += days;
            expectedEndDate = expectedEndDate.plusDays(days);
            pausedOn = null;
        }
        if (target == EnrolmentStatus.WITHDRAWN) {
            withdrawnReason = reason.strip();
        }
        if (target == EnrolmentStatus.COMPLETED) {
            completedAt = now;
        }
        status = target;
        statusChangedAt = now;
        return new EnrolmentStatusChange(this, from, target, reason == null || reason.isBlank() ? null : reason.strip(),
                actor, now);
    }

    /** Defers to a later cohort of the same course. */
    public EnrolmentStatusChange deferTo(Cohort later, String reason, String actor, Instant now, LocalDate today) {
        EnrolmentStatusChange change = moveTo(EnrolmentStatus.DEFERRED, reason, actor, now, today);
        deferredTo = later;
        return change;
    }

    /**
     * A due date on the cohort's calendar as it applies to this candidate: moved on by every day paused so far,
     * including the current pause.
     */
    public LocalDate due(LocalDate scheduled, LocalDate today) {
        long current = pausedOn == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(pausedOn, today));
        return scheduled.plusDays(pausedDaysTotal + current);
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public EnrolmentStatus getStatus() {
        return status;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public LocalDate getExpectedEndDate() {
        return expectedEndDate;
    }

    public LocalDate getPausedOn() {
        return pausedOn;
    }

    public int getPausedDaysTotal() {
        return pausedDaysTotal;
    }

    public String getWithdrawnReason() {
        return withdrawnReason;
    }

    public Cohort getDeferredTo() {
        return deferredTo;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public long getVersion() {
        return version;
    }
}
