package org.peersupport.portal.candidate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import org.peersupport.portal.course.entity.CourseSession;

/**
 * One session of a cohort: when it meets (local time, Europe/London), which course session it teaches, and
 * whether the coordinator opened its lesson early. Its lesson opens to the cohort's candidates from its date.
 * The session's slug is kept so that access follows a candidate who switches to a newer course version.
 */
@Entity
@Table(name = "cohort_session")
@NamedQuery(name = CohortSession.WITH_COHORT, query = "select s from CohortSession s join fetch s.cohort where s.id = :id")
@NamedQuery(name = CohortSession.OPEN_TO, query = "select count(s) from CohortSession s, Enrolment e "
        + "where e.cohort = s.cohort and e.person.id = :personId and e.status in :statuses "
        + "and s.cohort.course.code = :code and s.slug = :slug and (s.startsAt <= :now or s.openedEarly = true)")
public class CohortSession {

    public static final String WITH_COHORT = "CohortSession.withCohort";
    public static final String OPEN_TO = "CohortSession.openTo";

    @Id
    @SequenceGenerator(name = "cohort_session_seq", sequenceName = "cohort_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cohort_session_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cohort_id", nullable = false, updatable = false)
    private Cohort cohort;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_session_id", nullable = false, updatable = false)
    private CourseSession courseSession;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String slug;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "opened_early", nullable = false)
    private boolean openedEarly;

    @Column(name = "opened_early_at")
    private Instant openedEarlyAt;

    @Version
    private long version;

    protected CohortSession() {
    }

    CohortSession(Cohort cohort, CourseSession courseSession, LocalDateTime startsAt) {
        this.cohort = cohort;
        this.courseSession = courseSession;
        this.number = courseSession.getNumber();
        this.slug = courseSession.getSlug();
        this.startsAt = startsAt;
    }

    void reschedule(LocalDateTime at) {
        this.startsAt = at;
    }

    /** Opens the lesson before its date; returns false when it was open already. */
    public boolean openEarly(Instant now) {
        if (openedEarly) {
            return false;
        }
        openedEarly = true;
        openedEarlyAt = now;
        return true;
    }

    public boolean isOpen(LocalDateTime now) {
        return openedEarly || !startsAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public CourseSession getCourseSession() {
        return courseSession;
    }

    public int getNumber() {
        return number;
    }

    public String getSlug() {
        return slug;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public boolean isOpenedEarly() {
        return openedEarly;
    }
}
