package org.peersupport.portal.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the append-only audit trail. It has no setters: it is written once, in the transaction of the
 * action it records, and the database refuses updates and deletes. It names people only by key (V18): the actor by
 * {@code actorId}, the person whose data was touched by {@code subjectPersonId}; the actor's name is kept as text only
 * when no person is known (the system, a failed sign-in with an unknown username). So erasing a person removes what
 * maps their key to a name and leaves every entry as it was.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.LATEST_BY_PERSON,
        query = "select a from AuditEntry a where a.actorId = :actorId order by a.occurredAt desc, a.id desc")
public class AuditEntry {

    public static final String LATEST_BY_PERSON = "AuditEntry.latestByPerson";

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** Who acted, as text, only when no person is known: the system, or an unknown username at a failed sign-in. */
    @Column(updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", updatable = false)
    private String subjectType;

    @Column(name = "subject_id", updatable = false)
    private String subjectId;

    @Column(updatable = false, length = 2000)
    private String detail;

    @Column(name = "remote_address", updatable = false)
    private String remoteAddress;

    /** The person who acted, by key; null for the system or an unknown username. */
    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    /** The person whose data the action touched, by key, when there is one. */
    @Column(name = "subject_person_id", updatable = false)
    private Long subjectPersonId;

    protected AuditEntry() {
    }

    /**
     * An entry by {@code actorId} when the portal knows the actor, else by the {@code actor} text (which is then the
     * only thing naming them; a known person's name is never stored here).
     */
    public AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
            String detail, String remoteAddress, Long actorId, Long subjectPersonId) {
        this.occurredAt = occurredAt;
        this.actor = actorId == null ? actor : null;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.detail = detail;
        this.remoteAddress = remoteAddress;
        this.actorId = actorId;
        this.subjectPersonId = subjectPersonId;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** The actor's text when no person is known; null whenever {@link #getActorId()} is set. */
    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getDetail() {
        return detail;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public Long getActorId() {
        return actorId;
    }

    public Long getSubjectPersonId() {
        return subjectPersonId;
    }
}
