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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.persistence.config.QueryHints;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.Submission;

/**
 * A safeguarding concern a supervisor raised about a candidate while reviewing their work. It is kept apart from
 * feedback and seen only by designated safeguarding leads, who close it once with an outcome. What was raised never
 * changes (the database refuses it), and a closed concern stays closed.
 */
@Entity
@Table(name = "safeguarding_concern")
@NamedQuery(name = SafeguardingConcern.OPEN, query = "select c from SafeguardingConcern c where c.closedAt is null "
        + "order by c.raisedAt, c.id", hints = {
            @QueryHint(name = QueryHints.FETCH, value = "c.enrolment.person"),
            @QueryHint(name = QueryHints.FETCH, value = "c.enrolment.cohort.course"),
            @QueryHint(name = QueryHints.FETCH, value = "c.raisedBy")})
@NamedQuery(name = SafeguardingConcern.CLOSED, query = "select c from SafeguardingConcern c where c.closedAt is not null "
        + "order by c.closedAt desc, c.id desc", hints = {
            @QueryHint(name = QueryHints.FETCH, value = "c.enrolment.person"),
            @QueryHint(name = QueryHints.FETCH, value = "c.enrolment.cohort.course"),
            @QueryHint(name = QueryHints.FETCH, value = "c.raisedBy"),
            @QueryHint(name = QueryHints.FETCH, value = "c.closedBy")})
public class SafeguardingConcern {

    public static final String OPEN = "SafeguardingConcern.open";
    public static final String CLOSED = "SafeguardingConcern.closed";

    public static final int MAX_TEXT = 10_000;

    @Id
    @SequenceGenerator(name = "safeguarding_concern_seq", sequenceName = "safeguarding_concern_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "safeguarding_concern_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    /** The submission being reviewed when the concern was raised (an id: the lead reads no evidence through it). */
    @Column(name = "submission_id", updatable = false)
    private Long submissionId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "raised_by_id", nullable = false, updatable = false)
    private Person raisedBy;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(nullable = false, updatable = false)
    private String concern;

    @ManyToOne
    @JoinColumn(name = "closed_by_id")
    private Person closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    private String outcome;

    @Version
    private long version;

    protected SafeguardingConcern() {
    }

    public SafeguardingConcern(Enrolment enrolment, Submission submission, Person raisedBy, String concern, Instant now) {
        this.enrolment = Objects.requireNonNull(enrolment);
        this.submissionId = submission == null ? null : submission.getId();
        this.raisedBy = Objects.requireNonNull(raisedBy);
        this.concern = Objects.requireNonNull(concern);
        this.raisedAt = now;
    }

    /** Closes the concern with what was done about it. */
    public void close(String outcomeText, Person by, Instant now) {
        if (closedAt != null) {
            throw new BusinessException("safeguarding.closed", "This concern has been closed already.");
        }
        this.outcome = Objects.requireNonNull(outcomeText);
        this.closedBy = Objects.requireNonNull(by);
        this.closedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public Person getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getConcern() {
        return concern;
    }

    public Person getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public long getVersion() {
        return version;
    }
}
