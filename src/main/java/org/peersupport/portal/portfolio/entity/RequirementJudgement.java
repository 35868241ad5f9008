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
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.entity.EvidenceRequirement;

/**
 * An assessor's judgement that a candidate has met an evidence requirement (or, later, no longer has). Written by
 * the assessment feature, one new row per judgement (the table is append-only); the latest judgement of a
 * requirement on an enrolment decides whether the portfolio matrix shows it as met, through
 * {@code portfolio.control.Judgements}.
 */
@Entity
@Table(name = "requirement_judgement")
@NamedQuery(name = RequirementJudgement.OF_ENROLMENT, query = "select j.requirement.id, j.met from RequirementJudgement j "
        + "where j.enrolment.id = :enrolmentId order by j.judgedAt, j.id")
public class RequirementJudgement {

    /** Pairs of (requirement id, met) of an enrolment, oldest first: the last pair of a requirement counts. */
    public static final String OF_ENROLMENT = "RequirementJudgement.ofEnrolment";

    @Id
    @SequenceGenerator(name = "requirement_judgement_seq", sequenceName = "requirement_judgement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "requirement_judgement_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "requirement_id", nullable = false, updatable = false)
    private EvidenceRequirement requirement;

    @ManyToOne
    @JoinColumn(name = "submission_id", updatable = false)
    private Submission submission;

    @Column(nullable = false, updatable = false)
    private boolean met;

    @Column(name = "judged_by", nullable = false, updatable = false)
    private String judgedBy;

    @Column(name = "judged_at", nullable = false, updatable = false)
    private Instant judgedAt;

    protected RequirementJudgement() {
    }

    public RequirementJudgement(Enrolment enrolment, EvidenceRequirement requirement, Submission submission, boolean met,
            String judgedBy, Instant judgedAt) {
        this.enrolment = enrolment;
        this.requirement = requirement;
        this.submission = submission;
        this.met = met;
        this.judgedBy = judgedBy;
        this.judgedAt = judgedAt;
    }

    public Long getId() {
        return id;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    public EvidenceRequirement getRequirement() {
        return requirement;
    }

    public Submission getSubmission() {
        return submission;
    }

    public boolean isMet() {
        return met;
    }

    public String getJudgedBy() {
        return judgedBy;
    }

    public Instant getJudgedAt() {
        return judgedAt;
    }
}
