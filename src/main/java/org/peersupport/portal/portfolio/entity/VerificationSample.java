package org.peersupport.portal.portfolio.entity;

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
import java.time.Instant;
import org.peersupport.portal.identity.entity.Person;

/**
 * A submission sampled to an internal verifier, who may then read its content (never its "assessor only" items).
 * Written by the assessment feature when it samples sign-offs; read by {@code portfolio.control.EvidenceAccess}.
 */
@Entity
@Table(name = "verification_sample")
@NamedQuery(name = VerificationSample.IS_SAMPLED_TO, query = "select count(v) from VerificationSample v "
        + "where v.submission.id = :submissionId and v.verifier.id = :verifierId")
public class VerificationSample {

    /** How many times a submission is sampled to the verifier with this person id (0 or 1). */
    public static final String IS_SAMPLED_TO = "VerificationSample.isSampledTo";

    @Id
    @SequenceGenerator(name = "verification_sample_seq", sequenceName = "verification_sample_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verification_sample_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "submission_id", nullable = false, updatable = false)
    private Submission submission;

    @ManyToOne(optional = false)
    @JoinColumn(name = "verifier_id", nullable = false, updatable = false)
    private Person verifier;

    @Column(name = "sampled_by", nullable = false, updatable = false)
    private String sampledBy;

    @Column(name = "sampled_at", nullable = false, updatable = false)
    private Instant sampledAt;

    protected VerificationSample() {
    }

    public VerificationSample(Submission submission, Person verifier, String sampledBy, Instant sampledAt) {
        this.submission = submission;
        this.verifier = verifier;
        this.sampledBy = sampledBy;
        this.sampledAt = sampledAt;
    }

    public Long getId() {
        return id;
    }

    public Submission getSubmission() {
        return submission;
    }

    public Person getVerifier() {
        return verifier;
    }

    public String getSampledBy() {
        return sampledBy;
    }

    public Instant getSampledAt() {
        return sampledAt;
    }
}
