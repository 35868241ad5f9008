package org.peersupport.portal.course.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** What a candidate will be able to do after a unit, with the evidence they must show for it. */
@Entity
@Table(name = "learning_outcome")
public class LearningOutcome {

    @Id
    @SequenceGenerator(name = "learning_outcome_seq", sequenceName = "learning_outcome_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "learning_outcome_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "unit_id", nullable = false, updatable = false)
    private CourseUnit unit;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private boolean draft;

    @OneToMany(mappedBy = "outcome", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<EvidenceRequirement> evidenceRequirements = new ArrayList<>();

    @Version
    private long version;

    protected LearningOutcome() {
    }

    LearningOutcome(CourseUnit unit, int position, String code, String text, boolean draft) {
        this.unit = unit;
        this.position = position;
        this.code = code;
        this.text = text;
        this.draft = draft;
    }

    /** A new code, text and "draft for the centre to confirm" flag; the code stays unique among the version's outcomes. */
    public void edit(String code, String text, boolean draft) {
        unit.getCourse().requireDraft();
        unit.getCourse().requireFreeOutcomeCode(code, this);
        this.code = Objects.requireNonNull(code);
        this.text = Objects.requireNonNull(text);
        this.draft = draft;
    }

    /** Adds an evidence requirement at the end; its code stays unique among the version's evidence requirements. */
    public EvidenceRequirement addEvidenceRequirement(String code, String text, boolean draft) {
        unit.getCourse().requireDraft();
        unit.getCourse().requireFreeEvidenceCode(code, null);
        EvidenceRequirement requirement = new EvidenceRequirement(this, evidenceRequirements.size() + 1, code, text, draft);
        evidenceRequirements.add(requirement);
        return requirement;
    }

    public void removeEvidenceRequirement(EvidenceRequirement requirement) {
        unit.getCourse().requireDraft();
        if (evidenceRequirements.remove(requirement)) {
            for (int i = 0; i < evidenceRequirements.size(); i++) {
                evidenceRequirements.get(i).moveTo(i + 1);
            }
        }
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public CourseUnit getUnit() {
        return unit;
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

    public List<EvidenceRequirement> getEvidenceRequirements() {
        return Collections.unmodifiableList(evidenceRequirements);
    }

    public long getVersion() {
        return version;
    }
}
