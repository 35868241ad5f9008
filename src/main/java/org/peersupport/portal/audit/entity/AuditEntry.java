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
 * action it records, and the database refuses updates and deletes.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.LATEST_FOR_ACTOR,
        query = "select a from AuditEntry a where a.actor = :actor order by a.occurredAt desc, a.id desc")
public class AuditEntry {

    public static final String LATEST_FOR_ACTOR = "AuditEntry.latestForActor";

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

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

    public AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
            String detail, String remoteAddress, Long actorId, Long subjectPersonId) {
        this.occurredAt = occurredAt;
        this.actor = actor;
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
