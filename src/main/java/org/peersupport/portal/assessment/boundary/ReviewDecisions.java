package org.peersupport.portal.assessment.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peersupport.portal.assessment.control.AssessmentAccess;
import org.peersupport.portal.assessment.control.Decisions;
import org.peersupport.portal.assessment.control.PasswordCheck;
import org.peersupport.portal.assessment.control.Sampling;
import org.peersupport.portal.assessment.entity.Decision;
import org.peersupport.portal.assessment.entity.DecisionKind;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.Submission;

/**
 * The allocated supervisor's decisions on submitted work: refer back (feedback required; the candidate may submit a
 * new attempt) or sign off (every requirement met, the declaration confirmed and the supervisor's directory password
 * re-entered), and the correction of their latest decision. A decision is never edited: the latest one is corrected
 * by a new decision that references it. Nobody assesses their own work or the work of a candidate they declared a
 * conflict of interest with. Two decisions on the same submission at once: the first wins, the other is refused as
 * stale.
 */
@Stateless
@DenyAll
public class ReviewDecisions {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    AssessmentAccess access;

    @Inject
    Decisions decisions;

    @Inject
    Sampling sampling;

    @Inject
    PasswordCheck passwords;

    /**
     * Refers the work back to the candidate with feedback (required) and a judgement of every requirement; the
     * candidate may then submit a new attempt. Returns the decision's id.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public long referBack(long submissionId, List<JudgementInput> judged, String feedback, long expectedVersion) {
        Person me = access.me(session);
        Submission s = access.submission(submissionId);
        access.requireDecidingAssessor(me, s.getEnrolment());
        AssessmentAccess.requireVersion(s, expectedVersion);
        String words = AssessmentReads.blankToNull(feedback);
        if (words == null) {
            throw new BusinessException("assessment.feedback.required",
                    "Write feedback for the candidate: what to do so that the work meets every requirement.");
        }
        Map<EvidenceRequirement, JudgementInput> checked = checkJudgements(s, judged);
        Decision decision = Decision.of(DecisionKind.REFER_BACK, s, decisions.nextPosition(s), me, Instant.now(clock), words);
        checked.forEach((r, j) -> decision.judge(r, j.met(), j.feedback()));
        decisions.record(decision, met(checked) + " of " + checked.size() + " requirements met");
        return decision.getId();
    }

    /**
     * Signs the work off: every requirement met, the declaration confirmed, and the caller's directory password
     * re-entered and accepted by the directory (it is never stored or logged). The sign-off may be sampled for
     * internal verification. Returns the decision's id.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public long signOff(long submissionId, List<JudgementInput> judged, String feedback, boolean declared, char[] password,
            long expectedVersion) {
        try {
            Person me = access.me(session);
            Submission s = access.submission(submissionId);
            access.requireDecidingAssessor(me, s.getEnrolment());
            AssessmentAccess.requireVersion(s, expectedVersion);
            DecisionKind.SIGN_OFF.moveFrom(s.getStatus());
            Map<EvidenceRequirement, JudgementInput> checked = checkJudgements(s, judged);
            List<String> notMet = checked.entrySet().stream().filter(j -> !j.getValue().met())
                    .map(j -> j.getKey().getCode()).toList();
            if (!notMet.isEmpty()) {
                throw new BusinessException("assessment.signOff.notAllMet", "Work is signed off only when it meets every "
                        + "evidence requirement. Not yet met: " + String.join(", ", notMet) + ". Refer it back instead.",
                        String.join(", ", notMet));
            }
            if (!declared) {
                throw new BusinessException("assessment.declaration.required", "Confirm the declaration to sign off.");
            }
            if (password == null || password.length == 0) {
                throw new BusinessException("assessment.password.required", "Enter your password to sign off.");
            }
            switch (passwords.check(me.getUsername(), password, "sign-off of submission " + submissionId)) {
                case REFUSED -> throw new BusinessException("assessment.password.wrong",
                        "That is not your password. Enter the password you sign in with.");
                case UNAVAILABLE -> throw new BusinessException("assessment.password.unavailable",
                        "The staff directory cannot be reached to check your password, so nothing was signed off. "
                                + "Try again in a few minutes.");
                case ACCEPTED -> {
                    // the e-signature holds
                }
            }
            Instant now = Instant.now(clock);
            Decision decision = Decision.of(DecisionKind.SIGN_OFF, s, decisions.nextPosition(s), me, now, feedback);
            decision.declare(AssessmentReads.bundleText(Reviews.DECLARATION_KEY));
            checked.forEach((r, j) -> decision.judge(r, true, j.feedback()));
            Optional<Person> verifier = sampling.sample(decision, me, now);
            decisions.record(decision, "declaration confirmed, password re-entered and accepted by the directory; "
                    + "sign-off " + (decision.getSignoffNumber() == null ? "not counted" : "number " + decision.getSignoffNumber())
                    + (verifier.isPresent() ? ", sampled (" + decision.getSampleReason() + ") to person " + verifier.get().getId()
                            : ", not sampled"));
            return decision.getId();
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * Corrects the latest decision on a submission, the caller's to make as its assessor (a refer-back or sign-off),
     * with a reason: a new decision that references it and moves the work back to where that decision found it.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public long correct(long decisionId, String reason, long expectedVersion) {
        Person me = access.me(session);
        Decision target = em.find(Decision.class, decisionId);
        if (target == null || target.getKind().byVerifier()) {
            throw AssessmentAccess.notFound();
        }
        Submission s = access.submission(target.getSubmission().getId());
        access.requireAssessor(me, s.getEnrolment());
        AssessmentAccess.requireVersion(s, expectedVersion);
        Decision latest = decisions.latest(s.getId()).orElseThrow();
        if (!latest.getId().equals(target.getId())) {
            throw new BusinessException("assessment.correction.notLatest",
                    "Only the latest decision on this work can be corrected.");
        }
        AssessmentReads.correctionRefusal(em, target).ifPresent(refusal -> {
            throw refusal;
        });
        String words = AssessmentReads.blankToNull(reason);
        if (words == null) {
            throw new BusinessException("assessment.correction.reason", "Say why the decision is corrected.");
        }
        Decision correction = Decision.correct(target, decisions.nextPosition(s), me, Instant.now(clock), words);
        decisions.record(correction, "corrects decision " + target.getId() + " (" + target.getKind() + ")");
        return correction.getId();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Every requirement the submission is judged against must have a judgement, and one not yet met needs feedback
     * saying what is missing; judgements of other requirements are refused.
     */
    private Map<EvidenceRequirement, JudgementInput> checkJudgements(Submission s, List<JudgementInput> judged) {
        Map<Long, JudgementInput> byId = new HashMap<>();
        for (JudgementInput j : judged == null ? List.<JudgementInput>of() : judged) {
            byId.put(j.requirementId(), j);
        }
        Map<EvidenceRequirement, JudgementInput> checked = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        for (EvidenceRequirement r : AssessmentReads.requirements(em, s)) {
            JudgementInput j = byId.remove(r.getId());
            if (j == null || j.met() == null) {
                missing.add(r.getCode());
            } else if (!j.met() && AssessmentReads.blankToNull(j.feedback()) == null) {
                unexplained.add(r.getCode());
            } else {
                checked.put(r, new JudgementInput(r.getId(), j.met(), AssessmentReads.blankToNull(j.feedback())));
            }
        }
        if (!byId.isEmpty()) {
            throw AssessmentAccess.notFound();
        }
        if (!missing.isEmpty()) {
            throw new BusinessException("assessment.judgement.missing", "Choose met or not yet met for every evidence "
                    + "requirement. Not judged yet: " + String.join(", ", missing) + ".", missing,
                    String.join(", ", missing));
        }
        if (!unexplained.isEmpty()) {
            throw new BusinessException("assessment.judgement.feedback", "Say what is missing for each requirement not yet "
                    + "met: " + String.join(", ", unexplained) + ".", unexplained, String.join(", ", unexplained));
        }
        return checked;
    }

    private static long met(Map<EvidenceRequirement, JudgementInput> checked) {
        return checked.values().stream().filter(JudgementInput::met).count();
    }
}
