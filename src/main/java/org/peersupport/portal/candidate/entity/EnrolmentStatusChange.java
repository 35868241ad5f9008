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
import java.time.Instant;

/** One move in an enrolment's life: from, to, why, who and when. Append-only: never changed once written. */
@Entity
@Table(name = "enrolment_status_change")
@NamedQuery(name = EnrolmentStatusChange.OF_ENROLMENT, query = "select c from EnrolmentStatusChange c "
        + "where c.enrolment.id = :enrolmentId order by c.changedAt, c.id")
public class EnrolmentStatusChange {

    public static final String OF_ENROLMENT = "EnrolmentStatusChange.ofEnrolment";

    @Id
    @SequenceGenerator(name = "enrolment_status_change_seq", sequenceName = "enrolment_status_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrolment_status_change_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private EnrolmentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private EnrolmentStatus toStatus;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected EnrolmentStatusChange() {
    }

    EnrolmentStatusChange(Enrolment enrolment, EnrolmentStatus from, EnrolmentStatus to, String reason, String actor,
            Instant at) {
        this.enrolment = enrolment;
        this.fromStatus = from;
        this.toStatus = to;
        this.reason = reason;
        this.actor = actor;
        this.changedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    public EnrolmentStatus getFromStatus() {
        return fromStatus;
    }

    public EnrolmentStatus getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }

    public String getActor() {
        return actor;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
