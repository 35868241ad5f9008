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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.peersupport.portal.identity.entity.Person;

/**
 * A subject access request in the register: whose data, when it arrived, when the answer is due (one calendar month
 * later, UK GDPR Art. 12(3)), how it came, and when it was answered and by whom.
 */
@Entity
@Table(name = "subject_access_request")
@NamedQuery(name = SubjectAccessRequest.REGISTER, query = "select r from SubjectAccessRequest r join fetch r.person "
        + "order by case when r.completedAt is null then 0 else 1 end, r.dueOn, r.id")
public class SubjectAccessRequest {

    public static final String REGISTER = "SubjectAccessRequest.register";
    public static final int MAX_REFERENCE = 500;

    /** How a request arrived. */
    public enum Channel {
        LETTER, EMAIL, IN_PERSON, OTHER
    }

    @Id
    @SequenceGenerator(name = "subject_access_request_seq", sequenceName = "subject_access_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subject_access_request_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person person;

    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;

    @Column(name = "due_on", nullable = false, updatable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(updatable = false)
    private String reference;

    @ManyToOne(optional = false)
    @JoinColumn(name = "recorded_by_id", nullable = false, updatable = false)
    private Person recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @ManyToOne
    @JoinColumn(name = "completed_by_id")
    private Person completedBy;

    @Version
    private long version;

    protected SubjectAccessRequest() {
    }

    public SubjectAccessRequest(Person person, LocalDate receivedOn, Channel channel, String reference, Person recordedBy,
            Instant now) {
        this.person = Objects.requireNonNull(person);
        this.receivedOn = Objects.requireNonNull(receivedOn);
        this.dueOn = receivedOn.plusMonths(1);
        this.channel = Objects.requireNonNull(channel);
        this.reference = reference;
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.recordedAt = Objects.requireNonNull(now);
    }

    /** Answered: the export was sent. Once only. */
    public void complete(Person by, Instant now) {
        if (completedAt != null) {
            throw new IllegalStateException("request " + id + " is already answered");
        }
        this.completedBy = Objects.requireNonNull(by);
        this.completedAt = Objects.requireNonNull(now);
    }

    /** Open and past its due date. */
    public boolean isOverdue(LocalDate today) {
        return completedAt == null && today.isAfter(dueOn);
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getReference() {
        return reference;
    }

    public Person getRecordedBy() {
        return recordedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Person getCompletedBy() {
        return completedBy;
    }

    public long getVersion() {
        return version;
    }
}
