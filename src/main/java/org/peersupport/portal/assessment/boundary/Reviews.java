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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.assessment.control.AssessmentAccess;
import org.peersupport.portal.assessment.control.Decisions;
import org.peersupport.portal.assessment.entity.Decision;
import org.peersupport.portal.assessment.entity.DecisionKind;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.portfolio.boundary.SubmissionView;
import org.peersupport.portal.portfolio.boundary.SubmissionContent;
import org.peersupport.portal.portfolio.boundary.SubmittedItemView;
import org.peersupport.portal.portfolio.control.EvidenceAccess;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Reader;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Viewer;
import org.peersupport.portal.portfolio.control.Judgements;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/**
 * The allocated supervisor's reading of submitted work: the queue (oldest first, with waiting time, including work a
 * verifier returned) and the review of one submission, with the requirements to judge, the decisions so far and
 * earlier attempts. Nobody assesses their own work or the work of a candidate they declared a conflict of interest
 * with. The decisions themselves are {@link ReviewDecisions}'.
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
    Judgements judgements;

    @Inject
    EvidenceAccess evidence;

    // ---------------------------------------------------------------- the queue

    /**
     * Work waiting for the caller: their allocated candidates' submissions to review, oldest first, a page at a time
     * ({@code page} counts from 1, as every paged list of the portal does).
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public ResultPage<QueueLine> queue(int page) {
        long me = access.myId(session);
        long total = em.createQuery("select count(s) from Submission s where s.status in :statuses and exists ("
                + "select a from SupervisorAllocation a where a.enrolment = s.enrolment and a.supervisor.id = :me "
                + "and a.endedAt is null)", Long.class).setParameter("statuses", WAITING).setParameter("me", me)
                .getSingleResult();
        int p = ResultPage.within(page, total, PAGE_SIZE);
        // the caller's conflict with each candidate (none or one: unique per pair) in the same statement
        List<Object[]> rows = em.createQuery("select s.id, e.id, pe.displayName, c.name, co.code, t.code, t.title, "
                + "s.attempt, s.status, s.submittedAt, s.statusChangedAt, pe.id, (select count(ci) from ConflictOfInterest ci "
                + "where ci.supervisor.id = :me and ci.other = pe) from Submission s join s.enrolment e "
                + "join e.person pe join e.cohort c join c.course co join s.task t where s.status in :statuses and exists ("
                + "select a from SupervisorAllocation a where a.enrolment = e and a.supervisor.id = :me and a.endedAt is null) "
                + "order by s.submittedAt, s.id", Object[].class).setParameter("statuses", WAITING)
                .setParameter("me", me).setFirstResult((p - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        Instant now = Instant.now(clock);
        List<QueueLine> lines = new ArrayList<>();
        for (Object[] row : rows) {
            SubmissionStatus status = (SubmissionStatus) row[8];
            Instant submittedAt = (Instant) row[9];
            Long candidateId = (Long) row[11];
            String refusal = candidateId == me ? "assessment.ownWork"
                    : ((Number) row[12]).longValue() > 0 ? "assessment.conflict" : null;
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
        long me = access.myId(session);
        Map<SubmissionStatus, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select s.status, count(s) from Submission s where s.status in :statuses "
                + "and exists (select a from SupervisorAllocation a where a.enrolment = s.enrolment "
                + "and a.supervisor.id = :me and a.endedAt is null) group by s.status", Object[].class)
                .setParameter("statuses", WAITING).setParameter("me", me).getResultList()) {
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
        access.requireAssessor(me, e); // stricter than a supervisor's read of the content, which it implies
        SubmissionView content = SubmissionContent.read(em, evidence, new Viewer(session.getCallerPrincipal().getName(),
                me.getId(), false, true, false), Reader.SUPERVISOR, s);

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
            if (AssessmentReads.correctionRefusal(em, latest).isEmpty()) {
                correctable = views.get(views.size() - 1);
            }
        }
        Instant now = Instant.now(clock);
        return new ReviewView(content, s.getVersion(), s.getStatusChangedAt(), AssessmentReads.days(s.getSubmittedAt(), now),
                requirements, views, earlierAttempts(s), WAITING.contains(s.getStatus()), correctable,
                AssessmentReads.bundleText(DECLARATION_KEY));
    }

    // ---------------------------------------------------------------- helpers

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
