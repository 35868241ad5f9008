package org.peersupport.portal.assessment.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * One decision on a submission: an assessor's refer-back or sign-off (with a judgement per evidence requirement), a
 * verifier's confirmation or return, or a correction of the latest decision. Decisions are never edited (the
 * database refuses it): a mistake is put right by a new, attributable {@link DecisionKind#CORRECTION} that names the
 * decision it corrects and moves the submission back to where that decision found it.
 */
@Entity
@Table(name = "assessment_decision")
@NamedQuery(name = Decision.OF_SUBMISSION, query = "select d from Decision d join fetch d.decidedBy "
        + "left join fetch d.sampledTo left join fetch d.corrects where d.submission.id = :submissionId order by d.position")
@NamedQuery(name = Decision.LAST_POSITION, query = "select max(d.position) from Decision d "
        + "where d.submission.id = :submissionId")
@NamedQuery(name = Decision.COUNTED_SIGN_OFFS, query = "select count(d) from Decision d where d.decidedBy.id = :assessorId "
        + "and d.signoffNumber is not null")
@NamedQuery(name = Decision.SIGN_OFF_COUNTS, query = "select d.decidedBy.id, count(d) from Decision d "
        + "where d.signoffNumber is not null group by d.decidedBy.id")
@NamedQuery(name = Decision.SAMPLED_COUNTS, query = "select d.decidedBy.id, count(d) from Decision d "
        + "where d.signoffNumber is not null and d.sampleReason is not null group by d.decidedBy.id")
public class Decision {

    public static final String OF_SUBMISSION = "Decision.ofSubmission";
    public static final String LAST_POSITION = "Decision.lastPosition";
    /** How many sign-offs of an assessor the sampling plan has counted so far. */
    public static final String COUNTED_SIGN_OFFS = "Decision.countedSignOffs";
    /** Pairs of (assessor id, counted sign-offs). */
    public static final String SIGN_OFF_COUNTS = "Decision.signOffCounts";
    /** Pairs of (assessor id, counted sign-offs that were sampled). */
    public static final String SAMPLED_COUNTS = "Decision.sampledCounts";

    @Id
    @SequenceGenerator(name = "assessment_decision_seq", sequenceName = "assessment_decision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_decision_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "submission_id", nullable = false, updatable = false)
    private Submission submission;

    @Column(nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DecisionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, updatable = false)
    private SubmissionStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private SubmissionStatus toStatus;

    @ManyToOne(optional = false)
    @JoinColumn(name = "decided_by_id", nullable = false, updatable = false)
    private Person decidedBy;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedByUsername;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(updatable = false)
    private String feedback;

    @Column(updatable = false)
    private String declaration;

    @Column(name = "identity_verified", nullable = false, updatable = false)
    private boolean identityVerified;

    @ManyToOne
    @JoinColumn(name = "corrects_id", updatable = false)
    private Decision corrects;

    @Column(name = "signoff_number", updatable = false)
    private Integer signoffNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "sample_reason", updatable = false)
    private SampleReason sampleReason;

    @ManyToOne
    @JoinColumn(name = "sampled_to_id", updatable = false)
    private Person sampledTo;

    @OneToMany(mappedBy = "decision", cascade = CascadeType.PERSIST)
    @BatchFetch(BatchFetchType.IN)
    private List<Judgement> judgements = new ArrayList<>();

    protected Decision() {
    }

    private Decision(Submission submission, int position, DecisionKind kind, SubmissionStatus to, Person by,
            Instant at, String words) {
        this.submission = Objects.requireNonNull(submission);
        this.position = position;
        this.kind = kind;
        this.fromStatus = submission.getStatus();
        this.toStatus = Objects.requireNonNull(to);
        this.decidedBy = Objects.requireNonNull(by);
        this.decidedByUsername = by.getUsername();
        this.decidedAt = Objects.requireNonNull(at);
        this.feedback = words == null || words.isBlank() ? null : words.strip();
        if (kind.needsWords() && this.feedback == null) {
            throw new IllegalArgumentException(kind + " needs feedback, comments or a reason");
        }
    }

    /**
     * An assessor's or verifier's decision (not a correction): {@code position} is the submission's next decision
     * number. The move is checked here; the boundary has checked who may make it.
     */
    public static Decision of(DecisionKind kind, Submission submission, int position, Person by, Instant at, String words) {
        if (kind == DecisionKind.CORRECTION) {
            throw new IllegalArgumentException("use correct() for a correction");
        }
        return new Decision(submission, position, kind, kind.moveFrom(submission.getStatus()), by, at, words);
    }

    /**
     * A correction of {@code latest}, the submission's latest decision: the submission goes back to the status that
     * decision found it in. A correction itself is not corrected: the next decision puts things right instead.
     */
    public static Decision correct(Decision latest, int position, Person by, Instant at, String reason) {
        Submission submission = latest.submission;
        if (latest.kind == DecisionKind.CORRECTION) {
            throw new BusinessException("assessment.correction.ofCorrection",
                    "The latest decision is itself a correction. Make a new decision instead.");
        }
        if (submission.getStatus() != latest.toStatus) {
            throw new BusinessException("assessment.correction.movedTo", "This decision cannot be corrected: the work "
                    + "has moved on since (it is now " + DecisionKind.label(submission.getStatus()) + ").",
                    DecisionKind.label(submission.getStatus()));
        }
        Decision correction = new Decision(submission, position, DecisionKind.CORRECTION, latest.fromStatus, by, at, reason);
        correction.corrects = latest;
        return correction;
    }

    /** The sign-off's declaration, confirmed word for word after the directory accepted the assessor's password. */
    public void declare(String declarationText) {
        if (kind != DecisionKind.SIGN_OFF) {
            throw new IllegalStateException("only a sign-off has a declaration");
        }
        this.declaration = Objects.requireNonNull(declarationText);
        this.identityVerified = true;
    }

    /** Judges one evidence requirement: met or not yet met, with feedback. */
    public Judgement judge(EvidenceRequirement requirement, boolean met, String feedbackText) {
        if (kind != DecisionKind.REFER_BACK && kind != DecisionKind.SIGN_OFF) {
            throw new IllegalStateException(kind + " judges no requirements");
        }
        Judgement judgement = new Judgement(this, requirement, met, feedbackText);
        judgements.add(judgement);
        return judgement;
    }

    /** A sign-off's number in the assessor's count (null when not counted) and the sample it went to, if any. */
    public void sample(Integer number, SampleReason reason, Person verifier) {
        if (kind != DecisionKind.SIGN_OFF) {
            throw new IllegalStateException("only a sign-off is sampled");
        }
        this.signoffNumber = number;
        this.sampleReason = reason;
        this.sampledTo = reason == null ? null : Objects.requireNonNull(verifier);
    }

    public Long getId() {
        return id;
    }

    public Submission getSubmission() {
        return submission;
    }

    public int getPosition() {
        return position;
    }

    public DecisionKind getKind() {
        return kind;
    }

    public SubmissionStatus getFromStatus() {
        return fromStatus;
    }

    public SubmissionStatus getToStatus() {
        return toStatus;
    }

    public Person getDecidedBy() {
        return decidedBy;
    }

    public String getDecidedByUsername() {
        return decidedByUsername;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getFeedback() {
        return feedback;
    }

    public String getDeclaration() {
        return declaration;
    }

    public boolean isIdentityVerified() {
        return identityVerified;
    }

    public Decision getCorrects() {
        return corrects;
    }

    public Integer getSignoffNumber() {
        return signoffNumber;
    }

    public SampleReason getSampleReason() {
        return sampleReason;
    }

    public Person getSampledTo() {
        return sampledTo;
    }

    public List<Judgement> getJudgements() {
        return Collections.unmodifiableList(judgements);
    }
}
