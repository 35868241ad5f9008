package org.peersupport.portal.assessment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;
import org.peersupport.portal.course.entity.EvidenceRequirement;

/** An assessor's judgement of one evidence requirement within a decision: met or not yet met, with feedback. */
@Entity
@Table(name = "assessment_judgement")
public class Judgement {

    @Id
    @SequenceGenerator(name = "assessment_judgement_seq", sequenceName = "assessment_judgement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_judgement_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "decision_id", nullable = false, updatable = false)
    private Decision decision;

    @ManyToOne(optional = false)
    @JoinColumn(name = "requirement_id", nullable = false, updatable = false)
    private EvidenceRequirement requirement;

    @Column(nullable = false, updatable = false)
    private boolean met;

    @Column(updatable = false)
    private String feedback;

    protected Judgement() {
    }

    Judgement(Decision decision, EvidenceRequirement requirement, boolean met, String feedback) {
        this.decision = decision;
        this.requirement = Objects.requireNonNull(requirement);
        this.met = met;
        this.feedback = feedback == null || feedback.isBlank() ? null : feedback.strip();
    }

    public Long getId() {
        return id;
    }

    public Decision getDecision() {
        return decision;
    }

    public EvidenceRequirement getRequirement() {
        return requirement;
    }

    public boolean isMet() {
        return met;
    }

    public String getFeedback() {
        return feedback;
    }
}
