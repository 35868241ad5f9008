package org.peersupport.portal.assessment.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.peersupport.portal.assessment.control.AssessmentAccess;
import org.peersupport.portal.assessment.control.Decisions;
import org.peersupport.portal.assessment.entity.Decision;
import org.peersupport.portal.assessment.entity.DecisionKind;
import org.peersupport.portal.assessment.entity.SampleReason;
import org.peersupport.portal.assessment.entity.SamplingPick;
import org.peersupport.portal.assessment.entity.SamplingPlan;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.boundary.SubmissionView;
import org.peersupport.portal.portfolio.boundary.Submissions;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * Internal verification: sampling plans (every sign-off among an assessor's first N, then a rate, plus any candidate
 * a verifier picks; see {@link SamplingPlan}), the queue of sampled sign-offs, and the verifier's decision on one:
 * confirm it, or return it to the assessor with comments (it goes back to the assessor's queue). A verifier reads the
 * content of work sampled to them only, and every read is audited. Plans are settings: saved with optimistic locking
 * and audited; decisions, as the assessor's, are new rows.
 */
@Stateless
@DenyAll
public class Verification {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    AssessmentAccess access;

    @Inject
    Decisions decisions;

    @Inject
    Submissions submissions;

    // ---------------------------------------------------------------- home: queues and plans

    @RolesAllowed(Role.Names.VERIFIER)
    public VerifierHome home() {
        Person me = access.me(session);
        Instant now = Instant.now(clock);
        List<SampleLine> waiting = lines(em.createQuery(LINE + "where d.kind = :signOff and s.status = :signedOff "
                + "and d.sampledTo.id = :me and d.position = (select max(d2.position) from Decision d2 "
                + "where d2.submission = s and d2.kind = :signOff) order by d.decidedAt, d.id", Object[].class)
                .setParameter("signOff", DecisionKind.SIGN_OFF).setParameter("signedOff", SubmissionStatus.SIGNED_OFF)
                .setParameter("me", me.getId()).getResultList(), now);
        List<SampleLine> returned = lines(em.createQuery(LINE + "where d.kind = :returnKind and s.status = :returnedStatus "
                + "and d.decidedBy.id = :me and d.position = (select max(d2.position) from Decision d2 where d2.submission = s) "
                + "order by d.decidedAt, d.id", Object[].class).setParameter("returnKind", DecisionKind.RETURN)
                .setParameter("returnedStatus", SubmissionStatus.RETURNED).setParameter("me", me.getId()).getResultList(), now);

        List<SamplingPlan> plans = em.createNamedQuery(SamplingPlan.ALL, SamplingPlan.class).getResultList();
        PlanView defaultPlan = plans.stream().filter(SamplingPlan::isDefault).findFirst().map(Verification::view).orElse(null);
        Map<Long, PlanView> own = plans.stream().filter(p -> !p.isDefault())
                .collect(Collectors.toMap(p -> p.getAssessor().getId(), Verification::view));
        Map<Long, Person> assessors = new LinkedHashMap<>();
        em.createQuery("select distinct p from SupervisorAllocation a join a.supervisor p where a.endedAt is null", Person.class)
                .getResultList().forEach(p -> assessors.put(p.getId(), p));
        plans.stream().filter(p -> !p.isDefault()).forEach(p -> assessors.putIfAbsent(p.getAssessor().getId(), p.getAssessor()));
        Map<Long, Long> signOffs = counts(Decision.SIGN_OFF_COUNTS);
        Map<Long, Long> sampled = counts(Decision.SAMPLED_COUNTS);
        List<AssessorLine> lines = assessors.values().stream()
                .sorted((a, b) -> a.getDisplayName().compareToIgnoreCase(b.getDisplayName()))
                .map(p -> new AssessorLine(p.getId(), p.getUsername(), p.getDisplayName(), signOffs.getOrDefault(p.getId(), 0L),
                        sampled.getOrDefault(p.getId(), 0L), own.get(p.getId()))).toList();

        List<PickLine> picks = em.createNamedQuery(SamplingPick.ALL, SamplingPick.class).getResultList().stream()
                .map(p -> new PickLine(p.getEnrolment().getId(), p.getEnrolment().getPerson().getDisplayName(),
                        p.getEnrolment().getCohort().getName(), p.getEnrolment().getCohort().getCourse().getCode(),
                        p.getVerifier().getDisplayName())).toList();
        List<EnrolmentChoice> pickable = em.createQuery("select e.id, pe.displayName, c.name, co.code from Enrolment e "
                + "join e.person pe join e.cohort c join c.course co where e.status in :current and pe.id <> :me "
                + "and not exists (select k from SamplingPick k where k.enrolment = e) order by pe.displayName, c.name, e.id",
                Object[].class).setParameter("current", Enrolment.CURRENT).setParameter("me", me.getId())
                .setMaxResults(1000).getResultList().stream()
                .map(r -> new EnrolmentChoice((Long) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
        return new VerifierHome(waiting, returned, defaultPlan, lines, picks, pickable);
    }

    /**
     * Saves the plan for an assessor ({@code assessorId}), or the default plan ({@code assessorId} null): every
     * sign-off among their first {@code firstN}, then {@code ratePercent} % of the rest. The caller receives the plan's
     * samples from now on. {@code expectedVersion} is null for a new plan.
     */
    @RolesAllowed(Role.Names.VERIFIER)
    public void savePlan(Long assessorId, int firstN, int ratePercent, Long expectedVersion) {
        Person me = access.me(session);
        SamplingPlan.check(firstN, ratePercent);
        Person assessor = null;
        if (assessorId != null) {
            assessor = em.find(Person.class, assessorId);
            if (assessor == null) {
                throw new BusinessException("sampling.assessor.notFound", "There is no such assessor.");
            }
        }
        Instant now = Instant.now(clock);
        Optional<SamplingPlan> existing = plan(assessorId);
        if (existing.isPresent()) {
            if (expectedVersion == null || existing.get().getVersion() != expectedVersion) {
                throw stalePlan();
            }
            existing.get().set(me, firstN, ratePercent, now);
        } else {
            if (expectedVersion != null) {
                throw stalePlan();
            }
            em.persist(new SamplingPlan(assessor, me, firstN, ratePercent, now));
        }
        flushOrStale();
        AuditEvent saved = AuditEvent.by(me.getUsername(), "SAMPLING_PLAN_SAVED", "SamplingPlan",
                assessor == null ? "default" : assessor.getId(), (assessor == null ? "default plan"
                        : "plan for person " + assessor.getId()) + ": first " + firstN + ", then " + ratePercent
                        + "%, samples to person " + me.getId());
        audit.fire(assessor == null ? saved : saved.about(assessor.getId()));
    }

    /** Removes an assessor's own plan, so the default plan applies to them again. */
    @RolesAllowed(Role.Names.VERIFIER)
    public void removePlan(long assessorId, long expectedVersion) {
        Person me = access.me(session);
        SamplingPlan plan = plan(assessorId).orElseThrow(Verification::stalePlan);
        if (plan.getVersion() != expectedVersion) {
            throw stalePlan();
        }
        long assessor = plan.getAssessor().getId();
        em.remove(plan);
        flushOrStale();
        audit.fire(AuditEvent.by(me.getUsername(), "SAMPLING_PLAN_REMOVED", "SamplingPlan", assessor, "plan for person "
                + assessor + " removed: the default plan applies").about(assessor));
    }

    /** Picks a candidate (on one enrolment): every sign-off of their work is sampled to the caller. */
    @RolesAllowed(Role.Names.VERIFIER)
    public void pick(long enrolmentId) {
        Person me = access.me(session);
        Enrolment e = em.find(Enrolment.class, enrolmentId);
        if (e == null || !e.getStatus().isCurrent()) {
            throw new BusinessException("sampling.pick.notFound", "There is no such current enrolment.");
        }
        if (e.getPerson().getId().equals(me.getId())) {
            throw new BusinessException("sampling.pick.own", "You cannot pick yourself for sampling.");
        }
        Optional<SamplingPick> existing = em.createNamedQuery(SamplingPick.OF_ENROLMENT, SamplingPick.class)
                .setParameter("enrolmentId", enrolmentId).getResultStream().findFirst();
        if (existing.isPresent()) {
            throw new BusinessException("sampling.pick.already", e.getPerson().getDisplayName() + " is picked already, by "
                    + existing.get().getVerifier().getDisplayName() + ".",
                    e.getPerson().getDisplayName(), existing.get().getVerifier().getDisplayName());
        }
        em.persist(new SamplingPick(e, me, Instant.now(clock)));
        try {
            em.flush();
        } catch (PersistenceException ex) {
            throw new BusinessException("sampling.pick.taken", e.getPerson().getDisplayName() + " has just been picked "
                    + "by someone else.", e.getPerson().getDisplayName());
        }
        audit.fire(AuditEvent.by(me.getUsername(), "SAMPLING_PICK_ADDED", "Enrolment", enrolmentId, "every sign-off sampled to "
                + "person " + me.getId()));
    }

    /** Stops picking a candidate: their sign-offs follow their assessor's plan again. */
    @RolesAllowed(Role.Names.VERIFIER)
    public void unpick(long enrolmentId) {
        Person me = access.me(session);
        em.createNamedQuery(SamplingPick.OF_ENROLMENT, SamplingPick.class).setParameter("enrolmentId", enrolmentId)
                .getResultStream().findFirst().ifPresent(pick -> {
                    em.remove(pick);
                    audit.fire(AuditEvent.by(me.getUsername(), "SAMPLING_PICK_REMOVED", "Enrolment", enrolmentId, "picked by "
                            + "person " + pick.getVerifier().getId()));
                });
    }

    // ---------------------------------------------------------------- one sampled sign-off

    /**
     * A sampled sign-off, by the id of any decision on its submission, for the verifier it is sampled to: the latest
     * sign-off, the frozen content (read audited), the history, and what the caller may do.
     */
    @RolesAllowed(Role.Names.VERIFIER)
    public SampleView sample(long decisionId) {
        Person me = access.me(session);
        Loaded loaded = load(me, decisionId);
        Submission s = loaded.submission;
        SubmissionView content = submissions.submission(s.getId());
        List<DecisionView> history = AssessmentReads.views(loaded.all);
        DecisionView signOff = history.stream().filter(v -> v.id() == loaded.signOff.getId()).findFirst().orElseThrow();
        boolean canDecide = s.getStatus() == SubmissionStatus.SIGNED_OFF && loaded.signOff.getSampledTo() != null
                && loaded.signOff.getSampledTo().getId().equals(me.getId());
        Decision latest = loaded.all.get(loaded.all.size() - 1);
        DecisionView correctable = correctionRefusal(me, latest).isEmpty() ? history.get(history.size() - 1) : null;
        return new SampleView(line(loaded.signOff, Instant.now(clock)), signOff, content, history, s.getStatus(),
                s.getVersion(), canDecide, correctable);
    }

    /** Confirms the sampled sign-off (comments optional): the task is complete. */
    @RolesAllowed(Role.Names.VERIFIER)
    public long confirm(long decisionId, String comments, long expectedVersion) {
        return decide(DecisionKind.CONFIRM, decisionId, comments, expectedVersion);
    }

    /** Returns the sampled sign-off to the assessor with comments (required): it goes back to their queue. */
    @RolesAllowed(Role.Names.VERIFIER)
    public long returnToAssessor(long decisionId, String comments, long expectedVersion) {
        if (AssessmentReads.blankToNull(comments) == null) {
            throw new BusinessException("verification.comments.required",
                    "Write comments for the assessor: what to look at again.");
        }
        return decide(DecisionKind.RETURN, decisionId, comments, expectedVersion);
    }

    /** Corrects the caller's own latest confirmation or return, with a reason: the sign-off waits for them again. */
    @RolesAllowed(Role.Names.VERIFIER)
    public long correct(long decisionId, String reason, long expectedVersion) {
        Person me = access.me(session);
        Loaded loaded = load(me, decisionId);
        Submission s = loaded.submission;
        AssessmentAccess.requireVersion(s, expectedVersion);
        Decision latest = loaded.all.get(loaded.all.size() - 1);
        if (latest.getId() != decisionId) {
            throw new BusinessException("assessment.correction.notLatest",
                    "Only the latest decision on this work can be corrected.");
        }
        correctionRefusal(me, latest).ifPresent(refusal -> {
            throw refusal;
        });
        String words = AssessmentReads.blankToNull(reason);
        if (words == null) {
            throw new BusinessException("assessment.correction.reason", "Say why the decision is corrected.");
        }
        Decision correction = Decision.correct(latest, decisions.nextPosition(s), me, Instant.now(clock), words);
        decisions.record(correction, "corrects decision " + latest.getId() + " (" + latest.getKind() + ")");
        return correction.getId();
    }

    // ---------------------------------------------------------------- helpers

    private static final String LINE = "select d.id, s.id, pe.displayName, c.name, co.code, t.code, t.title, s.attempt, "
            + "d.decidedBy.displayName, d.decidedAt, d.sampleReason from Decision d join d.submission s join s.enrolment e "
            + "join e.person pe join e.cohort c join c.course co join s.task t ";

    private static List<SampleLine> lines(List<Object[]> rows, Instant now) {
        return rows.stream().map(r -> new SampleLine((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (Integer) r[7], (String) r[8], (Instant) r[9], (SampleReason) r[10],
                AssessmentReads.days((Instant) r[9], now))).toList();
    }

    private static SampleLine line(Decision signOff, Instant now) {
        Submission s = signOff.getSubmission();
        Enrolment e = s.getEnrolment();
        return new SampleLine(signOff.getId(), s.getId(), e.getPerson().getDisplayName(), e.getCohort().getName(),
                e.getCohort().getCourse().getCode(), s.getTask().getCode(), s.getTask().getTitle(), s.getAttempt(),
                signOff.getDecidedBy().getDisplayName(), signOff.getDecidedAt(), signOff.getSampleReason(),
                AssessmentReads.days(signOff.getDecidedAt(), now));
    }

    private record Loaded(Submission submission, List<Decision> all, Decision signOff) {
    }

    /** The submission of a decision, its decisions and its latest sign-off, if it is sampled to the caller. */
    private Loaded load(Person me, long decisionId) {
        Decision any = em.find(Decision.class, decisionId);
        if (any == null) {
            throw AssessmentAccess.notFound();
        }
        Submission s = access.submission(any.getSubmission().getId());
        List<Decision> all = decisions.of(s.getId());
        Decision signOff = null;
        for (Decision d : all) {
            if (d.getKind() == DecisionKind.SIGN_OFF) {
                signOff = d;
            }
        }
        if (signOff == null) {
            throw AssessmentAccess.notFound();
        }
        access.requireVerifier(me, s, signOff.getDecidedBy());
        return new Loaded(s, all, signOff);
    }

    private long decide(DecisionKind kind, long decisionId, String comments, long expectedVersion) {
        Person me = access.me(session);
        Loaded loaded = load(me, decisionId);
        Submission s = loaded.submission;
        AssessmentAccess.requireVersion(s, expectedVersion);
        if (loaded.signOff.getSampledTo() == null || !loaded.signOff.getSampledTo().getId().equals(me.getId())) {
            throw AssessmentAccess.notFound();
        }
        Decision decision = Decision.of(kind, s, decisions.nextPosition(s), me, Instant.now(clock), comments);
        decisions.record(decision, "on sign-off " + loaded.signOff.getId() + " by person " + loaded.signOff.getDecidedBy().getId());
        return decision.getId();
    }

    /** Why the caller may not correct this latest decision, or empty when they may. */
    private Optional<BusinessException> correctionRefusal(Person me, Decision latest) {
        if (latest.getKind() == DecisionKind.CORRECTION) {
            return Optional.of(new BusinessException("assessment.correction.ofCorrection",
                    "The latest decision is itself a correction. Make a new decision instead."));
        }
        if (!latest.getKind().byVerifier() || !latest.getDecidedBy().getId().equals(me.getId())) {
            return Optional.of(new BusinessException("verification.correction.notYours",
                    "Only the verifier who made the latest decision on this work can correct it."));
        }
        if (latest.getSubmission().getStatus() != latest.getToStatus()) {
            return Optional.of(new BusinessException("assessment.correction.moved",
                    "This decision cannot be corrected: the work has moved on since."));
        }
        if (latest.getSubmission().getEnrolment().getStatus() == EnrolmentStatus.COMPLETED) {
            return Optional.of(new BusinessException("assessment.correction.completed", "This enrolment is completed, so "
                    + "its decisions can no longer be corrected here. Ask a training coordinator."));
        }
        return Optional.empty();
    }

    private Optional<SamplingPlan> plan(Long assessorId) {
        return assessorId == null
                ? em.createNamedQuery(SamplingPlan.DEFAULT, SamplingPlan.class).getResultStream().findFirst()
                : em.createNamedQuery(SamplingPlan.OF_ASSESSOR, SamplingPlan.class).setParameter("assessorId", assessorId)
                        .getResultStream().findFirst();
    }

    private Map<Long, Long> counts(String query) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(query, Object[].class).getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static PlanView view(SamplingPlan p) {
        return new PlanView(p.getId(), p.isDefault() ? null : p.getAssessor().getId(), p.getFirstN(), p.getRatePercent(),
                p.getVerifier().getDisplayName(), p.getUpdatedAt(), p.getVersion());
    }

    private void flushOrStale() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw stalePlan();
        } catch (PersistenceException e) {
            throw stalePlan();
        }
    }

    private static BusinessException stalePlan() {
        return new BusinessException("sampling.stale", "Someone else changed this sampling plan after you opened the "
                + "page, so your change was not saved. Check the plan and save it again.");
    }
}
