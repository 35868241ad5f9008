package org.peersupport.portal.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.config.QueryHints;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;

/** A candidate (on one enrolment) a verifier picked: every sign-off of their work is sampled to that verifier. */
@Entity
@Table(name = "sampling_pick")
@NamedQuery(name = SamplingPick.OF_ENROLMENT, query = "select p from SamplingPick p join fetch p.verifier "
        + "where p.enrolment.id = :enrolmentId")
@NamedQuery(name = SamplingPick.ALL, query = "select p from SamplingPick p order by p.enrolment.person.displayName", hints = {
        @QueryHint(name = QueryHints.FETCH, value = "p.verifier"),
        @QueryHint(name = QueryHints.FETCH, value = "p.enrolment.person"),
        @QueryHint(name = QueryHints.FETCH, value = "p.enrolment.cohort.course")})
public class SamplingPick {

    public static final String OF_ENROLMENT = "SamplingPick.ofEnrolment";
    public static final String ALL = "SamplingPick.all";

    @Id
    @SequenceGenerator(name = "sampling_pick_seq", sequenceName = "sampling_pick_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sampling_pick_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "verifier_id", nullable = false, updatable = false)
    private Person verifier;

    @Column(name = "picked_at", nullable = false, updatable = false)
    private Instant pickedAt;

    protected SamplingPick() {
    }

    public SamplingPick(Enrolment enrolment, Person verifier, Instant now) {
        this.enrolment = enrolment;
        this.verifier = verifier;
        this.pickedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    public Person getVerifier() {
        return verifier;
    }

    public Instant getPickedAt() {
        return pickedAt;
    }
}
