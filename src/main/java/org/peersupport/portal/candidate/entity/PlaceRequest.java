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
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;

/** A member of staff asks for a place on a cohort; a coordinator approves it or declines it with a reason. */
@Entity
@Table(name = "place_request")
@NamedQuery(name = PlaceRequest.WITH_COHORT, query = "select r from PlaceRequest r join fetch r.person "
        + "join fetch r.cohort where r.id = :id")
@NamedQuery(name = PlaceRequest.OF_COHORT, query = "select r from PlaceRequest r join fetch r.person "
        + "where r.cohort.id = :cohortId and r.status = :status order by r.requestedAt")
@NamedQuery(name = PlaceRequest.PENDING_OF_PERSON, query = "select count(r) from PlaceRequest r "
        + "where r.person.id = :personId and r.cohort.id = :cohortId and r.status = :status")
@NamedQuery(name = PlaceRequest.WAITING, query = "select r from PlaceRequest r join fetch r.person "
        + "join fetch r.cohort c join fetch c.course where r.status = :status order by r.requestedAt, r.id")
public class PlaceRequest {

    public static final String WITH_COHORT = "PlaceRequest.withCohort";
    public static final String OF_COHORT = "PlaceRequest.ofCohort";
    public static final String PENDING_OF_PERSON = "PlaceRequest.pendingOfPerson";
    /** Every request waiting for a decision, on any cohort, oldest first. */
    public static final String WAITING = "PlaceRequest.waiting";

    @Id
    @SequenceGenerator(name = "place_request_seq", sequenceName = "place_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "place_request_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person person;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cohort_id", nullable = false, updatable = false)
    private Cohort cohort;

    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlaceRequestStatus status;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Version
    private long version;

    protected PlaceRequest() {
    }

    public PlaceRequest(Person person, Cohort cohort, String message, Instant now) {
        this.person = person;
        this.cohort = cohort;
        this.message = message == null || message.isBlank() ? null : message.strip();
        this.status = PlaceRequestStatus.PENDING;
        this.requestedAt = now;
    }

    public void approve(String by, Instant now) {
        decide(PlaceRequestStatus.APPROVED, null, by, now);
    }

    public void decline(String reason, String by, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("placeRequest.reason", "Say why the request is declined: the person will read it.");
        }
        decide(PlaceRequestStatus.DECLINED, reason.strip(), by, now);
    }

    private void decide(PlaceRequestStatus outcome, String reason, String by, Instant now) {
        if (status != PlaceRequestStatus.PENDING) {
            throw new BusinessException("placeRequest.decided", "This request was "
                    + status.name().toLowerCase() + " already.", status.name().toLowerCase());
        }
        status = outcome;
        decisionReason = reason;
        decidedBy = by;
        decidedAt = now;
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

    public String getMessage() {
        return message;
    }

    public PlaceRequestStatus getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
