package org.peersupport.portal.assessment.boundary;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.peersupport.portal.assessment.entity.Decision;
import org.peersupport.portal.assessment.entity.DecisionKind;
import org.peersupport.portal.assessment.entity.Judgement;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.Submission;

/** What the assessment boundaries share: the requirements a submission is judged against, and decision views. */
final class AssessmentReads {

    private AssessmentReads() {
    }

    /**
     * The evidence requirements to judge a submission against, in the course's order: those of the learning outcomes
     * its task assesses, and any other the submitted items are mapped to. One query.
     */
    static List<EvidenceRequirement> requirements(EntityManager em, Submission submission) {
        return em.createQuery("select r from EvidenceRequirement r join fetch r.outcome o join o.unit u "
                + "where o.id in (select o2.id from AssessmentTask t join t.assesses o2 where t.id = :taskId) "
                + "or r.id in (select r2.id from SubmittedItem i join i.requirements r2 where i.submission.id = :submissionId) "
                + "order by u.position, o.position, r.position", EvidenceRequirement.class)
                .setParameter("taskId", submission.getTask().getId()).setParameter("submissionId", submission.getId())
                .getResultList();
    }

    /** Every decision as the assessor and verifier see it, with which correction (if any) undid it. */
    static List<DecisionView> views(List<Decision> decisions) {
        Map<Long, Integer> correctedBy = new HashMap<>();
        for (Decision d : decisions) {
            if (d.getCorrects() != null) {
                correctedBy.put(d.getCorrects().getId(), d.getPosition());
            }
        }
        List<DecisionView> views = new ArrayList<>();
        for (Decision d : decisions) {
            views.add(view(d, correctedBy.get(d.getId()), false));
        }
        return views;
    }

    /**
     * As the candidate sees the decisions: a verifier's comments (and the reason a verifier gives for correcting
     * their own decision) are addressed to the assessor and left out, as is everything about sampling.
     */
    static List<DecisionView> candidateViews(List<Decision> decisions) {
        Map<Long, Integer> correctedBy = new HashMap<>();
        for (Decision d : decisions) {
            if (d.getCorrects() != null) {
                correctedBy.put(d.getCorrects().getId(), d.getPosition());
            }
        }
        List<DecisionView> views = new ArrayList<>();
        for (Decision d : decisions) {
            views.add(view(d, correctedBy.get(d.getId()), true));
        }
        return views;
    }

    static DecisionView view(Decision d, Integer correctedBy, boolean forCandidate) {
        boolean verifierWords = d.getKind().byVerifier()
                || (d.getKind() == DecisionKind.CORRECTION && d.getCorrects().getKind().byVerifier());
        List<JudgementView> judgements = d.getJudgements().stream()
                .sorted((a, b) -> compare(a.getRequirement(), b.getRequirement()))
                .map(AssessmentReads::view).toList();
        return new DecisionView(d.getId(), d.getPosition(), d.getKind(), d.getFromStatus(), d.getToStatus(),
                d.getDecidedBy().getDisplayName(), d.getDecidedAt(), forCandidate && verifierWords ? null : d.getFeedback(),
                d.getDeclaration(), d.isIdentityVerified(), d.getCorrects() == null ? null : d.getCorrects().getPosition(),
                correctedBy, forCandidate ? null : d.getSignoffNumber(), forCandidate ? null : d.getSampleReason(),
                forCandidate || d.getSampledTo() == null ? null : d.getSampledTo().getDisplayName(), judgements);
    }

    private static JudgementView view(Judgement j) {
        EvidenceRequirement r = j.getRequirement();
        return new JudgementView(r.getId(), r.getCode(), r.getText(), j.isMet(), j.getFeedback());
    }

    private static int compare(EvidenceRequirement a, EvidenceRequirement b) {
        int c = Integer.compare(a.getOutcome().getUnit().getPosition(), b.getOutcome().getUnit().getPosition());
        if (c == 0) {
            c = Integer.compare(a.getOutcome().getPosition(), b.getOutcome().getPosition());
        }
        return c != 0 ? c : Integer.compare(a.getPosition(), b.getPosition());
    }

    static long days(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toDays());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A text from the portal's bundle that is recorded as said (the sign-off declaration), in British English. */
    static String bundleText(String key) {
        return ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK).getString(key);
    }

    /**
     * Why the assessor may not correct this (latest) decision, or empty when they may: only their own kinds of
     * decision, not a correction, not once the work moved on, the candidate resubmitted, or the enrolment completed.
     */
    static Optional<BusinessException> correctionRefusal(EntityManager em, Decision latest) {
        Submission s = latest.getSubmission();
        if (latest.getKind() == DecisionKind.CORRECTION) {
            return Optional.of(new BusinessException("assessment.correction.ofCorrection",
                    "The latest decision is itself a correction. Make a new decision instead."));
        }
        if (!latest.getKind().byAssessor()) {
            return Optional.of(new BusinessException("assessment.correction.notYours",
                    "The latest decision on this work is a verifier's, so only they can correct it."));
        }
        if (s.getStatus() != latest.getToStatus()) {
            return Optional.of(new BusinessException("assessment.correction.moved",
                    "This decision cannot be corrected: the work has moved on since."));
        }
        if (s.getEnrolment().getStatus() == EnrolmentStatus.COMPLETED) {
            return Optional.of(new BusinessException("assessment.correction.completed", "This enrolment is completed, so "
                    + "its decisions can no longer be corrected here. Ask a training coordinator."));
        }
        if (latest.getKind() == DecisionKind.REFER_BACK && em.createQuery("select count(s2) from Submission s2 "
                + "where s2.enrolment.id = :e and s2.task.id = :t and s2.attempt > :a", Long.class)
                .setParameter("e", s.getEnrolment().getId()).setParameter("t", s.getTask().getId())
                .setParameter("a", s.getAttempt()).getSingleResult() > 0) {
            return Optional.of(new BusinessException("assessment.correction.resubmitted", "The candidate has submitted a "
                    + "new attempt since, so this referral cannot be corrected. Assess the new attempt instead."));
        }
        return Optional.empty();
    }
}
