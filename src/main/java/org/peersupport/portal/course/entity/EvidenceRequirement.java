package org.peersupport.portal.course.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/** A piece of evidence a candidate must show to meet a learning outcome. */
@Entity
@Table(name = "evidence_requirement")
public class EvidenceRequirement {

    @Id
    @SequenceGenerator(name = "evidence_requirement_seq", sequenceName = "evidence_requirement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_requirement_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "outcome_id", nullable = false, updatable = false)
    private LearningOutcome outcome;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private boolean draft;

    @Version
    private long version;

    protected EvidenceRequirement() {
    }

    EvidenceRequirement(LearningOutcome outcome, int position, String code, String text, boolean draft) {
        this.outcome = outcome;
        this.position = position;
        this.code = code;
        this.text = text;
        this.draft = draft;
    }

    /** A new code, text and "draft for the centre to confirm" flag; the code stays unique in the version. */
    public void edit(String code, String text, boolean draft) {
        Course course = outcome.getUnit().getCourse();
        course.requireDraft();
        course.requireFreeEvidenceCode(code, this);
        this.code = Objects.requireNonNull(code);
        this.text = Objects.requireNonNull(text);
        this.draft = draft;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public LearningOutcome getOutcome() {
        return outcome;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getCode() {
        return code;
    }

    public String getText() {
        return text;
    }

    public boolean isDraft() {
        return draft;
    }

    public long getVersion() {
        return version;
    }
}
