package org.peersupport.portal.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.peersupport.portal.assessment.entity.Decision;
import org.peersupport.portal.assessment.entity.Judgement;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.portfolio.control.WorkSubmitted;
import org.peersupport.portal.portfolio.entity.RequirementJudgement;
import org.peersupport.portal.portfolio.entity.Submission;

/**
 * Records a decision and everything that goes with it, in the caller's transaction: the decision row (and its
 * requirement judgements), the submission's new status, the judgements the portfolio matrix reads, the audit entry,
 * the {@link AssessmentEvent}, and the completion rules. The flush at the end turns a decision made at the same time
 * by someone else (a stale version, or the same next position) into the one clear refusal, {@link
 * AssessmentAccess#stale()}.
 */
@ApplicationScoped
public class Decisions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Event<AssessmentEvent> events;

    @Inject
    AssessmentAccess access;

    @Inject
    CompletionRules completion;

    /** The submission's decisions, oldest first, with who made them; their judgements are batch-read when touched. */
    public List<Decision> of(long submissionId) {
        return em.createNamedQuery(Decision.OF_SUBMISSION, Decision.class).setParameter("submissionId", submissionId)
                .getResultList();
    }

    public Optional<Decision> latest(long submissionId) {
        List<Decision> all = of(submissionId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The number the submission's next decision takes. */
    public int nextPosition(Submission submission) {
        Integer last = em.createNamedQuery(Decision.LAST_POSITION, Integer.class)
                .setParameter("submissionId", submission.getId()).getSingleResult();
        return last == null ? 1 : last + 1;
    }

    /**
     * Stores the decision, moves its submission, feeds the matrix, audits and announces it, then applies the
     * completion rules to the enrolment. {@code detail} is the audit entry's detail (never evidence content).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision record(Decision decision, String detail) {
        Submission submission = decision.getSubmission();
        Enrolment enrolment = submission.getEnrolment();
        em.persist(decision); // and its judgements
        submission.moveTo(decision.getToStatus(), decision.getDecidedAt());
        for (Judgement j : decision.getJudgements()) {
            em.persist(new RequirementJudgement(enrolment, j.getRequirement(), submission, j.isMet(),
                    decision.getDecidedByUsername(), decision.getDecidedAt()));
        }
        flushOrStale();
        audit.fire(AuditEvent.by(decision.getDecidedByUsername(), action(decision), "Submission", submission.getId(), "decision " + decision.getId()
                + " (" + decision.getKind() + ", " + decision.getFromStatus() + " -> " + decision.getToStatus() + ") on "
                + submission.getTask().getCode() + " attempt " + submission.getAttempt() + ", enrolment "
                + enrolment.getId() + (detail == null || detail.isEmpty() ? "" : "; " + detail)));
        announce(kind(decision), decision);
        if (decision.getSampleReason() != null) {
            announce(AssessmentEvent.Kind.SAMPLED, decision);
        }
        completion.evaluate(List.of(enrolment.getId()));
        return decision;
    }

    /** Announces a new submission: observes the portfolio's {@link WorkSubmitted}, in the submitting transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceSubmitted(@Observes WorkSubmitted submitted) {
        Enrolment enrolment = em.find(Enrolment.class, submitted.enrolmentId());
        events.fire(new AssessmentEvent(AssessmentEvent.Kind.SUBMITTED, submitted.submissionId(), enrolment.getId(), null,
                enrolment.getPerson().getId(), access.currentAssessor(enrolment).map(Person::getId).orElse(null),
                null, enrolment.getPerson().getId()));
    }

    /** Fires the event for a decision, with the people it concerns. */
    void announce(AssessmentEvent.Kind kind, Decision decision) {
        Submission submission = decision.getSubmission();
        Enrolment enrolment = submission.getEnrolment();
        Long verifier = em.createQuery("select v.verifier.id from VerificationSample v "
                + "where v.submission.id = :submissionId", Long.class).setParameter("submissionId", submission.getId())
                .getResultStream().findFirst().orElse(null);
        events.fire(new AssessmentEvent(kind, submission.getId(), enrolment.getId(), decision.getId(),
                enrolment.getPerson().getId(), access.currentAssessor(enrolment).map(Person::getId).orElse(null),
                verifier, decision.getDecidedBy().getId()));
    }

    private void flushOrStale() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw AssessmentAccess.stale();
        } catch (PersistenceException e) {
            if (concurrent(e)) {
                throw AssessmentAccess.stale();
            }
            throw e;
        }
    }

    /** A unique index that only a decision made at the same moment by someone else can break. */
    private static boolean concurrent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("assessment_decision_position_unique")
                    || message.contains("assessment_decision_corrected_once_idx")
                    || message.contains("submission_one_open_idx")) {
                return true;
            }
        }
        return false;
    }

    private static String action(Decision decision) {
        return switch (decision.getKind()) {
            case REFER_BACK -> "SUBMISSION_REFERRED_BACK";
            case SIGN_OFF -> "SUBMISSION_SIGNED_OFF";
            case CONFIRM -> "SUBMISSION_VERIFIED";
            case RETURN -> "SUBMISSION_RETURNED";
            case CORRECTION -> "DECISION_CORRECTED";
        };
    }

    private static AssessmentEvent.Kind kind(Decision decision) {
        return switch (decision.getKind()) {
            case REFER_BACK -> AssessmentEvent.Kind.REFERRED_BACK;
            case SIGN_OFF -> AssessmentEvent.Kind.SIGNED_OFF;
            case CONFIRM -> AssessmentEvent.Kind.VERIFIED;
            case RETURN -> AssessmentEvent.Kind.RETURNED;
            case CORRECTION -> AssessmentEvent.Kind.DECISION_CORRECTED;
        };
    }
}
