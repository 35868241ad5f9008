package org.peersupport.portal.course.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.peersupport.portal.course.control.AssessmentKind;

/**
 * An assessment task of a course version, linked to the learning outcomes it assesses and to the sessions at
 * which it is set and due (references, so they follow the sessions when they move).
 */
@Entity
@Table(name = "assessment_task")
@NamedQuery(name = AssessmentTask.OF_COURSE, query = "select t from AssessmentTask t left join fetch t.setAtSession "
        + "left join fetch t.dueAtSession where t.course.id = :courseId order by t.position")
@NamedQuery(name = AssessmentTask.ASSESSED_OUTCOMES, query = "select o.id, t.title from AssessmentTask t join t.assesses o "
        + "where t.course.id = :courseId order by t.position")
public class AssessmentTask {

    public static final String OF_COURSE = "AssessmentTask.ofCourse";
    /** Pairs of (outcome id, title of a task that assesses it) for a version. */
    public static final String ASSESSED_OUTCOMES = "AssessmentTask.assessedOutcomes";

    @Id
    @SequenceGenerator(name = "assessment_task_seq", sequenceName = "assessment_task_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_task_seq")
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssessmentKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "set_at_session_id")
    private CourseSession setAtSession;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "due_at_session_id")
    private CourseSession dueAtSession;

    @Column(nullable = false)
    private String description;

    @ManyToMany
    @JoinTable(name = "assessment_task_outcome", joinColumns = @JoinColumn(name = "task_id"),
            inverseJoinColumns = @JoinColumn(name = "outcome_id"))
    @OrderColumn(name = "position")
    @BatchFetch(BatchFetchType.IN)
    private List<LearningOutcome> assesses = new ArrayList<>();

    @Version
    private long version;

    protected AssessmentTask() {
    }

    AssessmentTask(Course course, int position, String code, String title, AssessmentKind kind,
            CourseSession setAtSession, CourseSession dueAtSession, String description, List<LearningOutcome> assesses) {
        this.course = course;
        this.position = position;
        this.code = code;
        this.title = title;
        this.kind = kind;
        this.setAtSession = setAtSession;
        this.dueAtSession = dueAtSession;
        this.description = description;
        this.assesses.addAll(assesses);
    }

    /** Called by {@link Course#reviseAssessmentTask}, which checks the sessions and outcomes belong to it. */
    void revise(String title, String description, CourseSession setAtSession, CourseSession dueAtSession,
            List<LearningOutcome> assesses) {
        this.title = Objects.requireNonNull(title);
        this.description = Objects.requireNonNull(description);
        this.setAtSession = setAtSession;
        this.dueAtSession = dueAtSession;
        this.assesses.clear();
        this.assesses.addAll(assesses);
    }

    public boolean assesses(LearningOutcome outcome) {
        return assesses.contains(outcome);
    }

    public Course getCourse() {
        return course;
    }

    /** The session is leaving the course: the task no longer says it is set or due there. */
    void forget(CourseSession session) {
        if (session.equals(setAtSession)) {
            setAtSession = null;
        }
        if (session.equals(dueAtSession)) {
            dueAtSession = null;
        }
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

    public String getTitle() {
        return title;
    }

    public AssessmentKind getKind() {
        return kind;
    }

    public CourseSession getSetAtSession() {
        return setAtSession;
    }

    public CourseSession getDueAtSession() {
        return dueAtSession;
    }

    public String getDescription() {
        return description;
    }

    public List<LearningOutcome> getAssesses() {
        return Collections.unmodifiableList(assesses);
    }

    public long getVersion() {
        return version;
    }
}
