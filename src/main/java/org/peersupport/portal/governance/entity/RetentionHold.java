package org.peersupport.portal.governance.entity;

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
import java.util.Objects;
import org.peersupport.portal.identity.entity.Person;

/**
 * A legal hold: while it stands, the retention job purges nothing about the person it names (or nothing of the one
 * enrolment it names), whatever the schedule says. It is placed with a reason and released once; both are audited.
 */
@Entity
@Table(name = "retention_hold")
@NamedQuery(name = RetentionHold.ACTIVE, query = "select h from RetentionHold h join fetch h.placedBy "
        + "where h.releasedAt is null order by h.placedAt, h.id")
public class RetentionHold {

    public static final String ACTIVE = "RetentionHold.active";
    public static final int MAX_REASON = 2000;

    @Id
    @SequenceGenerator(name = "retention_hold_seq", sequenceName = "retention_hold_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_hold_seq")
    private Long id;

    /** The person held (everything about them), or null when one enrolment is held. */
    @Column(name = "person_id", updatable = false)
    private Long personId;

    /** The enrolment held (the records of one course place), or null when a person is held. */
    @Column(name = "enrolment_id", updatable = false)
    private Long enrolmentId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @ManyToOne(optional = false)
    @JoinColumn(name = "placed_by_id", nullable = false, updatable = false)
    private Person placedBy;

    @Column(name = "placed_at", nullable = false, updatable = false)
    private Instant placedAt;

    @ManyToOne
    @JoinColumn(name = "released_by_id")
    private Person releasedBy;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Version
    private long version;

    protected RetentionHold() {
    }

    private RetentionHold(Long personId, Long enrolmentId, String reason, Person placedBy, Instant now) {
        this.personId = personId;
        this.enrolmentId = enrolmentId;
        this.reason = Objects.requireNonNull(reason);
        this.placedBy = Objects.requireNonNull(placedBy);
        this.placedAt = Objects.requireNonNull(now);
    }

    public static RetentionHold onPerson(long personId, String reason, Person placedBy, Instant now) {
        return new RetentionHold(personId, null, reason, placedBy, now);
    }

    public static RetentionHold onEnrolment(long enrolmentId, String reason, Person placedBy, Instant now) {
        return new RetentionHold(null, enrolmentId, reason, placedBy, now);
    }

    /** Ends the hold; false if it had ended already. */
    public boolean release(Person by, Instant now) {
        if (releasedAt != null) {
            return false;
        }
        releasedBy = Objects.requireNonNull(by);
        releasedAt = Objects.requireNonNull(now);
        return true;
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public Long getEnrolmentId() {
        return enrolmentId;
    }

    public String getReason() {
        return reason;
    }

    public Person getPlacedBy() {
        return placedBy;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    public long getVersion() {
        return version;
    }
}
