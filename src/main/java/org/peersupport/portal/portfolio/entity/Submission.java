package org.peersupport.portal.portfolio.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.persistence.config.QueryHints;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.entity.AssessmentTask;

/**
 * A candidate's submission of an assessment task: attempt {@link #getAttempt()} of the task on one enrolment, with
 * the declaration they made and a frozen copy of each item they chose ({@link SubmittedItem}). Only its status
 * changes after it is made (the database refuses anything else); a new attempt is a new submission.
 *
 * <p>The row is inserted by the boundary with one SQL statement that skips it when the token was used already or
 * an open submission of the task exists (see {@code Submissions.submit}), so the entity has no public constructor.
 */
@Entity
@Table(name = "submission")
@NamedQuery(name = Submission.BY_TOKEN, query = "select s from Submission s where s.token = :token")
@NamedQuery(name = Submission.OPEN_OF_TASK, query = "select s from Submission s where s.enrolment.id = :enrolmentId "
        + "and s.task.id = :taskId and s.status <> :referredBack")
@NamedQuery(name = Submission.WITH_ENROLMENT, query = "select s from Submission s where s.id = :id", hints = {
        @QueryHint(name = QueryHints.FETCH, value = "s.enrolment.person"),
        @QueryHint(name = QueryHints.FETCH, value = "s.enrolment.cohort.course"),
        @QueryHint(name = QueryHints.FETCH, value = "s.task")})
@NamedQuery(name = Submission.LINES_OF_ENROLMENT, query = "select s.id, s.task.id, s.attempt, s.status, s.submittedAt, "
        + "s.statusChangedAt from Submission s where s.enrolment.id = :enrolmentId "
        + "order by s.task.position, s.attempt desc")
@NamedQuery(name = Submission.COUNTS_OF_ENROLMENTS, query = "select s.enrolment.id, count(s) from Submission s "
        + "where s.enrolment.id in :enrolmentIds group by s.enrolment.id")
public class Submission {

    public static final String BY_TOKEN = "Submission.byToken";
    /** The submission of a task on an enrolment that is not referred back, if any (at most one: a unique index). */
    public static final String OPEN_OF_TASK = "Submission.openOfTask";
    public static final String WITH_ENROLMENT = "Submission.withEnrolment";
    /** (id, task id, attempt, status, submitted at, status changed at) of an enrolment's submissions. */
    public static final String LINES_OF_ENROLMENT = "Submission.linesOfEnrolment";
    /** Pairs of (enrolment id, submission count) for the given enrolments. */
    public static final String COUNTS_OF_ENROLMENTS = "Submission.countsOfEnrolments";

    @Id
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private AssessmentTask task;

    @Column(nullable = false, updatable = false)
    private int attempt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SubmissionStatus status;

    @Column(nullable = false, updatable = false)
    private String token;

    @Column(nullable = false, updatable = false)
    private String declaration;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @OneToMany(mappedBy = "submission", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<SubmittedItem> items = new ArrayList<>();

    @Version
    private long version;

    protected Submission() {
    }

    /** Freezes a copy of each item, in the order given, with the requirements each is mapped to now. */
    public void freeze(List<EvidenceItem> chosen) {
        if (!items.isEmpty()) {
            throw new IllegalStateException("submission " + id + " is frozen already");
        }
        for (EvidenceItem item : chosen) {
            items.add(new SubmittedItem(this, items.size() + 1, item));
        }
    }

    /**
     * Moves the submission to a review status. Called by the assessment feature only, whose decisions check that the
     * move is legal; the row's version makes two reviewers acting at once one winner.
     */
    public void moveTo(SubmissionStatus target, Instant at) {
        this.status = java.util.Objects.requireNonNull(target);
        this.statusChangedAt = java.util.Objects.requireNonNull(at);
    }

    public Long getId() {
        return id;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    public AssessmentTask getTask() {
        return task;
    }

    public int getAttempt() {
        return attempt;
    }

    public SubmissionStatus getStatus() {
        return status;
    }

    public String getToken() {
        return token;
    }

    public String getDeclaration() {
        return declaration;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public List<SubmittedItem> getItems() {
        return Collections.unmodifiableList(items);
    }

    public long getVersion() {
        return version;
    }
}
