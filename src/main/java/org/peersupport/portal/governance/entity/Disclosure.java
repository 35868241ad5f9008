package org.peersupport.portal.governance.entity;

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
import java.util.Objects;
import org.peersupport.portal.identity.entity.Person;

/**
 * The rule the governance role applied, for one request, to one class of record that names other people: include it,
 * redact the other people's parts, or withhold it, with the reason. A decision is never changed: a new one replaces
 * it, and the latest applies.
 */
@Entity
@Table(name = "subject_access_disclosure")
@NamedQuery(name = Disclosure.OF_REQUEST, query = "select d from Disclosure d join fetch d.decidedBy "
        + "where d.request.id = :request order by d.decidedAt, d.id")
public class Disclosure {

    public static final String OF_REQUEST = "Disclosure.ofRequest";
    public static final int MAX_REASON = 2000;

    /** What happens to a class of record in the export. */
    public enum Decision {
        INCLUDE, REDACT, WITHHOLD;

        /** Redacting or withholding says why. */
        public boolean needsReason() {
            return this != INCLUDE;
        }
    }

    @Id
    @SequenceGenerator(name = "subject_access_disclosure_seq", sequenceName = "subject_access_disclosure_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subject_access_disclosure_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "request_id", nullable = false, updatable = false)
    private SubjectAccessRequest request;

    @Column(name = "record_class", nullable = false, updatable = false)
    private String recordClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Decision decision;

    @Column(updatable = false)
    private String reason;

    @ManyToOne(optional = false)
    @JoinColumn(name = "decided_by_id", nullable = false, updatable = false)
    private Person decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected Disclosure() {
    }

    public Disclosure(SubjectAccessRequest request, String recordClass, Decision decision, String reason, Person decidedBy,
            Instant now) {
        this.request = Objects.requireNonNull(request);
        this.recordClass = Objects.requireNonNull(recordClass);
        this.decision = Objects.requireNonNull(decision);
        this.reason = reason;
        this.decidedBy = Objects.requireNonNull(decidedBy);
        this.decidedAt = Objects.requireNonNull(now);
    }

    public Long getId() {
        return id;
    }

    public String getRecordClass() {
        return recordClass;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public Person getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
