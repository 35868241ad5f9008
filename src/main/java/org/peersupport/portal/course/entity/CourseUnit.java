package org.peersupport.portal.course.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;

/** A unit of the award a course leads to, with its learning outcomes in order. */
@Entity
@Table(name = "course_unit")
@NamedQuery(name = CourseUnit.STRUCTURE_OF_COURSE,
        query = "select u from CourseUnit u where u.course.id = :courseId order by u.position",
        hints = {
            @QueryHint(name = QueryHints.BATCH_TYPE, value = "IN"),
            @QueryHint(name = QueryHints.BATCH, value = "u.outcomes"),
            @QueryHint(name = QueryHints.BATCH, value = "u.outcomes.evidenceRequirements")})
public class CourseUnit {

    /**
     * A version's units, reading their outcomes and those outcomes' evidence requirements in one further query
     * each (batch fetching with IN; a join fetch cannot be combined with the collections' batch fetching).
     */
    public static final String STRUCTURE_OF_COURSE = "CourseUnit.structureOfCourse";

    @Id
    @SequenceGenerator(name = "course_unit_seq", sequenceName = "course_unit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_unit_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id", nullable = false, updatable = false)
    private Course course;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String title;

    @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<LearningOutcome> outcomes = new ArrayList<>();

    @Version
    private long version;

    protected CourseUnit() {
    }

    CourseUnit(Course course, int position, String code, String title) {
        this.course = course;
        this.position = position;
        this.code = code;
        this.title = title;
    }

    /** Gives the unit a new code and title; the code stays unique among the version's units. */
    public void edit(String code, String title) {
        course.requireDraft();
        course.requireFreeUnitCode(code, this);
        this.code = Objects.requireNonNull(code);
        this.title = Objects.requireNonNull(title);
    }

    /** Adds an outcome at the end of the unit; its code stays unique among the version's outcomes. */
    public LearningOutcome addOutcome(String code, String text, boolean draft) {
        course.requireDraft();
        course.requireFreeOutcomeCode(code, null);
        LearningOutcome outcome = new LearningOutcome(this, outcomes.size() + 1, code, text, draft);
        outcomes.add(outcome);
        return outcome;
    }

    /** Removes an outcome, unless an assessment task assesses it; the ones after it move up. */
    public void removeOutcome(LearningOutcome outcome) {
        course.requireDraft();
        course.requireNotAssessed(outcome);
        if (outcomes.remove(outcome)) {
            for (int i = 0; i < outcomes.size(); i++) {
                outcomes.get(i).moveTo(i + 1);
            }
        }
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public int getPosition() {
        return position;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public List<LearningOutcome> getOutcomes() {
        return Collections.unmodifiableList(outcomes);
    }

    public long getVersion() {
        return version;
    }
}
