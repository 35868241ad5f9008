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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A candidate's mark in one cohort session's register; one per session and enrolment, changed in place. */
@Entity
@Table(name = "attendance_mark")
@NamedQuery(name = AttendanceMark.OF_SESSION, query = "select m from AttendanceMark m where m.session.id = :sessionId")
@NamedQuery(name = AttendanceMark.COUNTS, query = "select m.enrolment.id, m.mark, count(m) from AttendanceMark m "
        + "where m.enrolment.id in :enrolmentIds group by m.enrolment.id, m.mark")
public class AttendanceMark {

    public static final String OF_SESSION = "AttendanceMark.ofSession";
    public static final String COUNTS = "AttendanceMark.counts";

    @Id
    @SequenceGenerator(name = "attendance_mark_seq", sequenceName = "attendance_mark_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attendance_mark_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cohort_session_id", nullable = false, updatable = false)
    private CohortSession session;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttendanceKind mark;

    @Column(name = "marked_by", nullable = false)
    private String markedBy;

    @Column(name = "marked_at", nullable = false)
    private Instant markedAt;

    @Version
    private long version;

    protected AttendanceMark() {
    }

    public AttendanceMark(CohortSession session, Enrolment enrolment, AttendanceKind mark, String by, Instant now) {
        this.session = session;
        this.enrolment = enrolment;
        change(mark, by, now);
    }

    /** Returns whether the mark changed. */
    public boolean change(AttendanceKind to, String by, Instant now) {
        boolean changed = mark != to;
        mark = to;
        markedBy = by;
        markedAt = now;
        return changed;
    }

    public Long getId() {
        return id;
    }

    public CohortSession getSession() {
        return session;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    public AttendanceKind getMark() {
        return mark;
    }

    public long getVersion() {
        return version;
    }
}
