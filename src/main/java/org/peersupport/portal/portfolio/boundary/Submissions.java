package org.peersupport.portal.portfolio.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.entity.AssessmentTask;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.control.EvidenceAccess;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Reader;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Viewer;
import org.peersupport.portal.portfolio.control.WorkSubmitted;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;
import org.peersupport.portal.portfolio.entity.SubmittedItem;

/**
 * Submitting an assessment task: the candidate chooses items, declares the work is their own, and submits. The
 * submission freezes a copy of each item (its drafts keep changing for a later attempt) and is numbered by attempt.
 * A double click, two tabs or two racing requests make exactly one submission: the form carries a one-time token
 * (unique in the database) and the database allows one open submission per task and enrolment; the losing request
 * gets the existing submission back. A new attempt is allowed once the latest is referred back.
 *
 * <p>A submission's content is read by the candidate, their allocated supervisor and a verifier it is sampled to;
 * every read but the candidate's is audited.
 */
@Stateless
@DenyAll
public class Submissions {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{16,64}");

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    EvidenceAccess access;

    @Inject
    ChunkStore chunks;

    /** The assessment feature observes this to tell the candidate's supervisor. */
    @Inject
    Event<WorkSubmitted> submitted;

    /** The task, the candidate's items to choose from, and the submission waiting for review if there is one. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public SubmitForm submitForm(long enrolmentId, long taskId) {
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        access.requireCandidate(PortfolioReads.viewer(session), e);
        AssessmentTask task = task(e, taskId);
        Map<Long, List<String>> codes = PortfolioReads.codesByItem(em, enrolmentId);
        List<ItemLine> items = PortfolioReads.items(em, enrolmentId).stream()
                .map(i -> PortfolioReads.line(i, codes.get(i.getId()))).toList();
        TaskLine line = PortfolioReads.tasks(em, e).stream().filter(t -> t.taskId() == taskId).findFirst()
                .orElseThrow(EvidenceAccess::notFound);
        SubmissionLine open = line.canSubmit() ? null : line.submissions().get(0);
        int next = line.submissions().isEmpty() ? 1 : line.submissions().get(0).attempt() + 1;
        return new SubmitForm(PortfolioReads.heading(e), task.getId(), task.getCode(), task.getTitle(),
                task.getDescription(), items, open, next);
    }

    /**
     * Submits the chosen items for the task with the candidate's declaration. {@code token} is the form's one-time
     * token: sent twice, it returns the submission it made the first time. When a submission of the task is already
     * waiting for review (another tab), that one is returned and nothing is created.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public SubmitOutcome submit(long enrolmentId, long taskId, List<Long> itemIds, boolean declared, String declaration,
            String token) {
        Viewer viewer = PortfolioReads.viewer(session);
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new BusinessException("submission.token", "This form has expired. Reload the page and submit again.");
        }
        Optional<Submission> earlier = byToken(token);
        if (earlier.isPresent()) {
            return existing(viewer, earlier.get(), enrolmentId);
        }
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        access.requireCandidate(viewer, e);
        PortfolioReads.requireEditable(e);
        AssessmentTask task = task(e, taskId);
        if (!declared || PortfolioReads.blankToNull(declaration) == null) {
            throw new BusinessException("submission.declaration.required",
                    "Tick the declaration that this work is your own before you submit.");
        }
        List<EvidenceItem> items = chosen(e, itemIds);

        Instant now = Instant.now(clock);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int inserted = em.createNativeQuery("insert into submission (id, enrolment_id, task_id, attempt, status, token, "
                + "declaration, submitted_by, submitted_at, status_changed_at, version) "
                + "select nextval('submission_seq'), ?, ?, coalesce(max(attempt), 0) + 1, 'SUBMITTED', ?, ?, ?, ?, ?, 0 "
                + "from submission where enrolment_id = ? and task_id = ? on conflict do nothing")
                .setParameter(1, e.getId()).setParameter(2, task.getId()).setParameter(3, token)
                .setParameter(4, declaration.strip()).setParameter(5, viewer.username()).setParameter(6, at)
                .setParameter(7, at).setParameter(8, e.getId()).setParameter(9, task.getId()).executeUpdate();
        if (inserted == 0) {
            // the token was used meanwhile, or a submission of this task is waiting for review: show that one
            Submission other = byToken(token).or(() -> em.createNamedQuery(Submission.OPEN_OF_TASK, Submission.class)
                    .setParameter("enrolmentId", e.getId()).setParameter("taskId", task.getId())
                    .setParameter("referredBack", SubmissionStatus.REFERRED_BACK).getResultStream().findFirst())
                    .orElseThrow(() -> new BusinessException("submission.retry",
                            "Your submission could not be saved just now. Submit it again."));
            return existing(viewer, other, enrolmentId);
        }
        Submission submission = byToken(token).orElseThrow();
        submission.freeze(items);
        submission.getItems().forEach(em::persist);
        em.flush();
        audit.fire(AuditEvent.by(viewer.username(), "SUBMISSION_CREATED", "Submission", submission.getId(),
                task.getCode() + " attempt " + submission.getAttempt() + " on enrolment " + e.getId() + ", items "
                        + items.stream().map(i -> String.valueOf(i.getId())).toList()));
        submitted.fire(new WorkSubmitted(submission.getId(), e.getId()));
        return new SubmitOutcome(submission.getId(), submission.getAttempt(), true);
    }

    /** A submission with its frozen content; "assessor only" items are withheld from a verifier. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER})
    public SubmissionView submission(long submissionId) {
        Viewer viewer = PortfolioReads.viewer(session);
        Submission s = em.createNamedQuery(Submission.WITH_ENROLMENT, Submission.class).setParameter("id", submissionId)
                .getResultStream().findFirst().orElseThrow(EvidenceAccess::notFound);
        return SubmissionContent.read(em, access, viewer, access.requireSubmission(viewer, s), s);
    }

    /** A submitted file, exactly as submitted: for the candidate, the allocated supervisor or a sampled verifier. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER})
    public EvidenceDownload submittedFile(long submittedItemId) {
        Viewer viewer = PortfolioReads.viewer(session);
        SubmittedItem item = em.createNamedQuery(SubmittedItem.WITH_SUBMISSION, SubmittedItem.class)
                .setParameter("id", submittedItemId).getResultStream().findFirst().orElseThrow(EvidenceAccess::notFound);
        Reader reader = access.requireSubmission(viewer, item.getSubmission());
        if ((item.isAssessorOnly() && !reader.seesAssessorOnly()) || item.getStoredFile() == null) {
            throw EvidenceAccess.notFound();
        }
        long storedId = item.getStoredFile().getId();
        access.recordRead(viewer, reader, "SUBMISSION_FILE_READ", "SubmittedItem", submittedItemId,
                "submission " + item.getSubmission().getId() + ", stored file " + storedId);
        ChunkStore store = chunks;
        return new EvidenceDownload(item.getContent().fileName(), item.getMediaType(), item.getSize(), out -> store.copyTo(storedId, out));
    }

    // ---------------------------------------------------------------- helpers

    private Optional<Submission> byToken(String token) {
        return em.createNamedQuery(Submission.BY_TOKEN, Submission.class).setParameter("token", token).getResultStream()
                .findFirst();
    }

    /** The submission that was there already, if it is the caller's own on this enrolment. */
    private SubmitOutcome existing(Viewer viewer, Submission s, long enrolmentId) {
        if (s.getEnrolment().getId() != enrolmentId) {
            throw EvidenceAccess.notFound();
        }
        access.requireCandidate(viewer, s.getEnrolment());
        return new SubmitOutcome(s.getId(), s.getAttempt(), false);
    }

    private AssessmentTask task(Enrolment e, long taskId) {
        AssessmentTask task = em.find(AssessmentTask.class, taskId);
        if (task == null || !task.getCourse().getId().equals(e.getCohort().getCourse().getId())) {
            throw EvidenceAccess.notFound();
        }
        return task;
    }

    /** The chosen items, in the order given, all the candidate's own on this enrolment and each submittable. */
    private List<EvidenceItem> chosen(Enrolment e, List<Long> itemIds) {
        Set<Long> ids = itemIds == null ? Set.of() : new LinkedHashSet<>(itemIds);
        if (ids.isEmpty()) {
            throw new BusinessException("submission.items.required", "Choose at least one piece of evidence to submit.");
        }
        Map<Long, EvidenceItem> found = new HashMap<>();
        em.createNamedQuery(EvidenceItem.IN_ENROLMENT, EvidenceItem.class).setParameter("enrolmentId", e.getId())
                .setParameter("ids", new ArrayList<>(ids)).getResultList().forEach(i -> found.put(i.getId(), i));
        List<EvidenceItem> items = new ArrayList<>();
        for (Long id : ids) {
            EvidenceItem item = found.get(id);
            if (item == null) {
                throw EvidenceAccess.notFound();
            }
            if (!item.submittable()) {
                throw new BusinessException("submission.item.unconfirmed", "\u201c" + item.getContent().title()
                        + "\u201d is a testimony its witness has not confirmed yet, so it cannot be submitted.",
                        item.getContent().title());
            }
            items.add(item);
        }
        return items;
    }
}
