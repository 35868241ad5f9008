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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peersupport.portal.assessment.control.AssessmentAccess;
import org.peersupport.portal.assessment.control.CompletionRules;
import org.peersupport.portal.assessment.control.Decisions;
import org.peersupport.portal.assessment.control.PasswordCheck;
import org.peersupport.portal.assessment.control.Sampling;
import org.peersupport.portal.assessment.entity.Decision;
import org.peersupport.portal.assessment.entity.DecisionKind;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.boundary.SubmissionView;
import org.peersupport.portal.portfolio.boundary.Submissions;
import org.peersupport.portal.portfolio.boundary.SubmittedItemView;
import org.peersupport.portal.portfolio.control.Judgements;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * The allocated supervisor's review of submitted work: the queue (oldest first, with waiting time, including work a
 * verifier returned), the review of one submission, and the two decisions on it: refer back (feedback required; the
 * candidate may submit a new attempt) or sign off (every requirement met, the declaration confirmed and the
 * supervisor's directory password re-entered). A decision is never edited: the latest one is corrected by a new
 * decision that references it. Nobody assesses their own work or the work of a candidate they declared a conflict of
 * interest with. Two decisions on the same submission at once: the first wins, the other is refused as stale.
 *
 * <p>Candidates read the decisions and feedback on their own submissions here too.
 */
@Stateless
@DenyAll
public class Reviews {

    /** Submissions per page of the queue. */
    public static final int PAGE_SIZE = 25;

    /** The bundle key of the declaration an assessor confirms when signing off (recorded word for word). */
    public static final String DECLARATION_KEY = "assessment.signOff.declaration";

    private static final List<SubmissionStatus> WAITING = List.of(SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED);

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

    @Inject
    Judgements judgements;

    @Inject
    CompletionRules completion;

    @Inject
    Submissions submissions;

    // ---------------------------------------------------------------- the queue

    /**
     * Work waiting for the caller: their allocated candidates' submissions to review, oldest first, a page at a time
     * ({@code page} counts from 1, as every paged list of the portal does).
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public ResultPage<QueueLine> queue(int page) {
        Person me = access.me(session);
        long total = em.createQuery("select count(s) from Submission s where s.status in :statuses and exists ("
                + "select a from SupervisorAllocation a where a.enrolment = s.enrolment and a.supervisor.id = :me "
                + "and a.endedAt is null)", Long.class).setParameter("statuses", WAITING).setParameter("me", me.getId())
                .getSingleResult();
        int p = ResultPage.within(page, total, PAGE_SIZE);
        List<Object[]> rows = em.createQuery("select s.id, e.id, pe.displayName, c.name, co.code, t.code, t.title, "
                + "s.attempt, s.status, s.submittedAt, s.statusChangedAt, pe.id from Submission s join s.enrolment e "
                + "join e.person pe join e.cohort c join c.course co join s.task t where s.status in :statuses and exists ("
                + "select a from SupervisorAllocation a where a.enrolment = e and a.supervisor.id = :me and a.endedAt is null) "
                + "order by s.submittedAt, s.id", Object[].class).setParameter("statuses", WAITING)
                .setParameter("me", me.getId()).setFirstResult((p - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        Set<Long> conflicts = new HashSet<>(em.createQuery("select c.other.id from ConflictOfInterest c "
                + "where c.supervisor.id = :me", Long.class).setParameter("me", me.getId()).getResultList());
        Instant now = Instant.now(clock);
        List<QueueLine> lines = new ArrayList<>();
        for (Object[] row : rows) {
            SubmissionStatus status = (SubmissionStatus) row[8];
            Instant submittedAt = (Instant) row[9];
            Long candidateId = (Long) row[11];
            String refusal = candidateId.equals(me.getId()) ? "assessment.ownWork"
                    : conflicts.contains(candidateId) ? "assessment.conflict" : null;
            lines.add(new QueueLine((Long) row[0], (Long) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], (Integer) row[7], status, submittedAt,
                    AssessmentReads.days(submittedAt, now), status == SubmissionStatus.RETURNED ? (Instant) row[10] : null,
                    refusal));
        }
        return new ResultPage<>(lines, p, PAGE_SIZE, total);
    }

    /** How many submissions wait for the caller, and how many of them a verifier returned. */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public QueueSummary queueSummary() {
        Person me = access.me(session);
        Map<SubmissionStatus, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select s.status, count(s) from Submission s where s.status in :statuses "
                + "and exists (select a from SupervisorAllocation a where a.enrolment = s.enrolment "
                + "and a.supervisor.id = :me and a.endedAt is null) group by s.status", Object[].class)
                .setParameter("statuses", WAITING).setParameter("me", me.getId()).getResultList()) {
            counts.put((SubmissionStatus) row[0], ((Number) row[1]).longValue());
        }
        long returned = counts.getOrDefault(SubmissionStatus.RETURNED, 0L);
        return new QueueSummary(counts.getOrDefault(SubmissionStatus.SUBMITTED, 0L) + returned, returned);
    }

    // ---------------------------------------------------------------- reviewing

    /**
     * The submission with its frozen content (the read is audited), the requirements to judge, the decisions so far
     * and earlier attempts. Refused, with the reason, when the caller may not assess this candidate.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public ReviewView review(long submissionId) {
        Person me = access.me(session);
        Submission s = access.submission(submissionId);
        Enrolment e = s.getEnrolment();
        access.requireAssessor(me, e);
        SubmissionView content = submissions.submission(submissionId);

        Map<String, List<String>> evidenceByCode = new HashMap<>();
        for (SubmittedItemView item : content.items()) {
            for (String code : item.requirementCodes()) {
                evidenceByCode.computeIfAbsent(code, c -> new ArrayList<>()).add(item.title());
            }
        }
        Set<Long> met = judgements.met(e.getId());
        List<RequirementLine> requirements = AssessmentReads.requirements(em, s).stream().map(r -> new RequirementLine(
                r.getId(), r.getOutcome().getCode(), r.getCode(), r.getText(), evidenceByCode.getOrDefault(r.getCode(), List.of()),
                met.contains(r.getId()))).toList();

        List<Decision> all = decisions.of(submissionId);
        List<DecisionView> views = AssessmentReads.views(all);
        DecisionView correctable = null;
        if (!all.isEmpty()) {
            Decision latest = all.get(all.size() - 1);
            if (correctionRefusal(latest).isEmpty()) {
                correctable = views.get(views.size() - 1);
            }
        }
        Instant now = Instant.now(clock);
        return new ReviewView(content, s.getVersion(), s.getStatusChangedAt(), AssessmentReads.days(s.getSubmittedAt(), now),
                requirements, views, earlierAttempts(s), WAITING.contains(s.getStatus()), correctable,
                AssessmentReads.bundleText(DECLARATION_KEY));
    }

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
            decision.declare(AssessmentReads.bundleText(DECLARATION_KEY));
            checked.forEach((r, j) -> decision.judge(r, true, j.feedback()));
            Optional<Person> verifier = sampling.sample(decision, me, now);
            decisions.record(decision, "declaration confirmed, password re-entered and accepted by the directory; "
                    + "sign-off " + (decision.getSignoffNumber() == null ? "not counted" : "number " + decision.getSignoffNumber())
                    + (verifier.isPresent() ? ", sampled (" + decision.getSampleReason() + ") to " + verifier.get().getUsername()
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
        correctionRefusal(target).ifPresent(refusal -> {
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

    // ---------------------------------------------------------------- the candidate's view

    /** The decisions and feedback on one of the caller's own submissions. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public FeedbackView feedback(long submissionId) {
        Submission s = access.submission(submissionId);
        if (!access.isCaller(session, s.getEnrolment().getPerson())) {
            throw AssessmentAccess.notFound();
        }
        boolean latestAttempt = em.createQuery("select count(s2) from Submission s2 where s2.enrolment.id = :e "
                + "and s2.task.id = :t and s2.attempt > :a", Long.class).setParameter("e", s.getEnrolment().getId())
                .setParameter("t", s.getTask().getId()).setParameter("a", s.getAttempt()).getSingleResult() == 0;
        return new FeedbackView(s.getId(), s.getEnrolment().getId(), s.getEnrolment().getCohort().getCourse().getCode(),
                s.getTask().getCode(), s.getTask().getTitle(), s.getAttempt(), s.getStatus(), s.getSubmittedAt(),
                latestAttempt && s.getStatus().allowsNewAttempt(), AssessmentReads.candidateViews(decisions.of(submissionId)));
    }

    /** The caller's submissions, newest first, with where their assessment stands. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public List<MyWorkLine> myWork() {
        return em.createQuery("select s.id, co.code, t.code, t.title, s.attempt, s.status, s.submittedAt, s.statusChangedAt "
                + "from Submission s join s.enrolment e join e.person pe join e.cohort c join c.course co join s.task t "
                + "where pe.id = :me order by s.submittedAt desc, s.id desc", Object[].class)
                .setParameter("me", access.me(session).getId()).setMaxResults(50).getResultList().stream()
                .map(row -> new MyWorkLine((Long) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (Integer) row[4], (SubmissionStatus) row[5], (Instant) row[6], (Instant) row[7])).toList();
    }

    /**
     * Where an enrolment stands against its completion rules: for the candidate (their own), the allocated
     * supervisor and coordinators.
     */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.COORDINATOR})
    public CompletionRules.Check completion(long enrolmentId) {
        Enrolment e = em.find(Enrolment.class, enrolmentId);
        if (e == null) {
            throw AssessmentAccess.notFound();
        }
        boolean allowed = session.isCallerInRole(Role.Names.COORDINATOR)
                || (session.isCallerInRole(Role.Names.CANDIDATE) && access.isCaller(session, e.getPerson()))
                || (session.isCallerInRole(Role.Names.SUPERVISOR) && access.isAllocated(access.me(session), e));
        if (!allowed) {
            throw AssessmentAccess.notFound();
        }
        return completion.check(List.of(enrolmentId)).get(0);
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

    /**
     * Why the assessor may not correct this (latest) decision, or empty when they may: only their own kinds of
     * decision, not a correction, not once the work moved on, the candidate resubmitted, or the enrolment completed.
     */
    private Optional<BusinessException> correctionRefusal(Decision latest) {
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

    /** The earlier attempts at the same task, newest first, with the feedback each was referred back with. */
    private List<AttemptLine> earlierAttempts(Submission s) {
        List<Object[]> rows = em.createQuery("select s2.id, s2.attempt, s2.status, s2.submittedAt from Submission s2 "
                + "where s2.enrolment.id = :e and s2.task.id = :t and s2.attempt < :a order by s2.attempt desc", Object[].class)
                .setParameter("e", s.getEnrolment().getId()).setParameter("t", s.getTask().getId())
                .setParameter("a", s.getAttempt()).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> feedback = new HashMap<>();
        Map<Long, Integer> positions = new HashMap<>();
        for (Object[] row : em.createQuery("select d.submission.id, d.position, d.feedback from Decision d "
                + "where d.submission.id in :ids and d.kind = :kind", Object[].class)
                .setParameter("ids", rows.stream().map(r -> (Long) r[0]).toList())
                .setParameter("kind", DecisionKind.REFER_BACK).getResultList()) {
            Long id = (Long) row[0];
            int position = (Integer) row[1];
            if (positions.getOrDefault(id, 0) < position) {
                positions.put(id, position);
                feedback.put(id, (String) row[2]);
            }
        }
        return rows.stream().map(r -> new AttemptLine((Long) r[0], (Integer) r[1], (SubmissionStatus) r[2],
                (Instant) r[3], feedback.get((Long) r[0]))).toList();
    }
}
