package org.peersupport.portal.portfolio.boundary;

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
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.control.LessonHtml;
import org.peersupport.portal.course.entity.CourseUnit;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Reader;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Viewer;
import org.peersupport.portal.portfolio.control.EvidenceAccess;
import org.peersupport.portal.portfolio.control.EvidenceFiles;
import org.peersupport.portal.portfolio.control.Judgements;
import org.peersupport.portal.portfolio.control.RequirementState;
import org.peersupport.portal.portfolio.control.Words;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.EvidenceKind;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.Testimony;

/**
 * A candidate's evidence items: creating and editing them (rich text sanitised and counted here, files checked by
 * their content), mapping them to the evidence requirements of the enrolment's course version, the matrix of where
 * each requirement stands, and reading them. Only the candidate changes their portfolio, and only while enrolled or
 * active; the allocated supervisor reads it (audited); coordinators and HR get statuses and dates only. Every change
 * is audited in its transaction, and edits carry the version the candidate saw, so a change made meanwhile (another
 * tab) is reported rather than overwritten.
 */
@Stateless
@DenyAll
public class Portfolios {

    static final int MAX_TEXT = 255;
    static final int MAX_STATEMENT = 20_000;
    static final int MAX_BODY = 500_000;

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
    EvidenceFiles files;

    @Inject
    Judgements judgements;

    @Inject
    ChunkStore chunks;

    @Inject
    StaffDirectory staff;

    // ---------------------------------------------------------------- reading

    /** The caller's portfolios, one per enrolment (newest cohort first), with counts: three queries. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public List<PortfolioSummary> myPortfolios() {
        Person me = PortfolioReads.person(em, PortfolioReads.viewer(session)).orElse(null);
        if (me == null) {
            return List.of();
        }
        List<Enrolment> enrolments = em.createNamedQuery(Enrolment.OF_PERSON, Enrolment.class)
                .setParameter("personId", me.getId()).getResultList();
        if (enrolments.isEmpty()) {
            return List.of();
        }
        List<Long> ids = enrolments.stream().map(Enrolment::getId).toList();
        Map<Long, Long> items = new HashMap<>();
        Map<Long, Instant> lastChange = new HashMap<>();
        for (Object[] row : em.createNamedQuery(EvidenceItem.CHANGES_OF_ENROLMENTS, Object[].class)
                .setParameter("enrolmentIds", ids).getResultList()) {
            long enrolment = ((Number) row[0]).longValue();
            items.merge(enrolment, 1L, Long::sum);
            lastChange.merge(enrolment, (Instant) row[1], (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<Long, Long> submissions = new HashMap<>();
        em.createNamedQuery(Submission.COUNTS_OF_ENROLMENTS, Object[].class).setParameter("enrolmentIds", ids)
                .getResultList().forEach(row -> submissions.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return enrolments.stream().map(e -> new PortfolioSummary(PortfolioReads.heading(e), items.getOrDefault(e.getId(), 0L),
                submissions.getOrDefault(e.getId(), 0L), lastChange.get(e.getId()))).toList();
    }

    /** The candidate's own portfolio: items with their mappings, and the tasks with submissions. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public PortfolioView portfolio(long enrolmentId) {
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        access.requireCandidate(PortfolioReads.viewer(session), e);
        Map<Long, List<String>> codes = PortfolioReads.codesByItem(em, enrolmentId);
        List<ItemLine> lines = PortfolioReads.items(em, enrolmentId).stream()
                .map(i -> PortfolioReads.line(i, codes.get(i.getId()))).toList();
        return new PortfolioView(PortfolioReads.heading(e), lines, PortfolioReads.tasks(em, e));
    }

    /**
     * An allocated candidate's portfolio with every item's content, for their current supervisor; each item read is
     * written to the audit trail.
     */
    @RolesAllowed(Role.Names.SUPERVISOR)
    public SupervisorPortfolio supervisorPortfolio(long enrolmentId) {
        Viewer viewer = PortfolioReads.viewer(session);
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        access.requireSupervisor(viewer, e);
        Map<Long, List<String>> codes = PortfolioReads.codesByItem(em, enrolmentId);
        List<ItemView> items = new ArrayList<>();
        for (EvidenceItem item : PortfolioReads.items(em, enrolmentId)) {
            items.add(PortfolioReads.view(item, codes.get(item.getId())));
            access.recordRead(viewer, Reader.SUPERVISOR, "EVIDENCE_READ", "EvidenceItem", item.getId(),
                    "enrolment " + enrolmentId + ", " + item.getKind());
        }
        return new SupervisorPortfolio(PortfolioReads.heading(e), items, PortfolioReads.tasks(em, e));
    }

    /** One item with its content: for the candidate, or their allocated supervisor (audited). */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR})
    public ItemView item(long itemId) {
        Viewer viewer = PortfolioReads.viewer(session);
        EvidenceItem item = item(itemId, viewer);
        Reader reader = access.requireItem(viewer, item);
        access.recordRead(viewer, reader, "EVIDENCE_READ", "EvidenceItem", itemId,
                "enrolment " + item.getEnrolment().getId() + ", " + item.getKind());
        return PortfolioReads.view(item, PortfolioReads.codesByItem(em, item.getEnrolment().getId()).get(itemId));
    }

    /** A file item's file to download: for the candidate, or their allocated supervisor (audited). */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR})
    public EvidenceDownload itemFile(long itemId) {
        Viewer viewer = PortfolioReads.viewer(session);
        EvidenceItem item = item(itemId, viewer);
        Reader reader = access.requireItem(viewer, item);
        StoredFile file = item.getStoredFile();
        if (file == null) {
            throw EvidenceAccess.notFound();
        }
        access.recordRead(viewer, reader, "EVIDENCE_FILE_READ", "EvidenceItem", itemId,
                "enrolment " + item.getEnrolment().getId() + ", stored file " + file.getId());
        long storedId = file.getId();
        ChunkStore store = chunks;
        return new EvidenceDownload(item.getFileName(), file.getMediaType(), file.getSize(), out -> store.copyTo(storedId, out));
    }

    /**
     * The matrix of units, outcomes and evidence requirements, each not started, working towards (items mapped) or
     * met (judged so by an assessor). Statuses only: the candidate, their allocated supervisor, coordinators and HR.
     */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.COORDINATOR, Role.Names.HR})
    public MatrixView matrix(long enrolmentId) {
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        if (!session.isCallerInRole(Role.Names.COORDINATOR) && !session.isCallerInRole(Role.Names.HR)) {
            access.readerOf(PortfolioReads.viewer(session), e).orElseThrow(EvidenceAccess::notFound);
        }
        Map<Long, Long> mapped = new HashMap<>();
        em.createNamedQuery(EvidenceItem.MAPPED_COUNTS, Object[].class).setParameter("enrolmentId", enrolmentId)
                .getResultList().forEach(row -> mapped.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        Set<Long> met = judgements.met(enrolmentId);
        List<MatrixUnit> units = structure(e).stream().map(u -> new MatrixUnit(u.getId(), u.getCode(), u.getTitle(),
                u.getOutcomes().stream().map(o -> new MatrixOutcome(o.getId(), o.getCode(), o.getText(),
                        o.getEvidenceRequirements().stream().map(r -> {
                            long count = mapped.getOrDefault(r.getId(), 0L);
                            return new MatrixCell(r.getId(), r.getCode(), r.getText(),
                                    RequirementState.of(met.contains(r.getId()), count), count);
                        }).toList())).toList())).toList();
        return new MatrixView(PortfolioReads.heading(e), units);
    }

    /** Statuses and dates of a portfolio for coordinators and HR: never a title, a text, a file or a testimony. */
    @RolesAllowed({Role.Names.COORDINATOR, Role.Names.HR})
    public PortfolioStatus statuses(long enrolmentId) {
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        List<PortfolioStatus.ItemStatus> items = em.createQuery("select i.id, i.kind, i.createdAt, i.updatedAt "
                + "from EvidenceItem i where i.enrolment.id = :enrolmentId order by i.createdAt, i.id", Object[].class)
                .setParameter("enrolmentId", enrolmentId).getResultList().stream()
                .map(row -> new PortfolioStatus.ItemStatus(((Number) row[0]).longValue(), (EvidenceKind) row[1],
                        (Instant) row[2], (Instant) row[3])).toList();
        List<PortfolioStatus.TaskStatus> tasks = PortfolioReads.tasks(em, e).stream().map(t -> new PortfolioStatus.TaskStatus(
                t.taskId(), t.code(), t.title(), t.submissions().stream().map(s -> new PortfolioStatus.SubmissionState(s.id(),
                        s.attempt(), s.status(), s.submittedAt(), s.statusChangedAt(), s.itemCount())).toList())).toList();
        return new PortfolioStatus(e.getId(), e.getPerson().getDisplayName(), e.getCohort().getCourse().getCode(),
                e.getCohort().getName(), items, tasks);
    }

    // ---------------------------------------------------------------- creating

    /** A new, empty written piece; returns its id. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public long createWritten(long enrolmentId, String title) {
        Enrolment e = ownEditable(enrolmentId);
        EvidenceItem item = EvidenceItem.written(e, title(title), username(), now());
        return created(item, "written piece");
    }

    /** A new, empty reflective log entry for the given date (today when none); returns its id. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public long createReflection(long enrolmentId, String title, LocalDate date) {
        Enrolment e = ownEditable(enrolmentId);
        EvidenceItem item = EvidenceItem.reflection(e, title(title), date == null ? today() : date, username(), now());
        return created(item, "reflection");
    }

    /**
     * A file, checked by its content and size ({@code portal.evidence.upload.max-mb}) and streamed into the
     * database; a refused upload stores nothing. Returns the new item's id.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public long createFile(long enrolmentId, String title, InputStream content, String fileName) {
        Enrolment e = ownEditable(enrolmentId);
        EvidenceFiles.Stored stored = files.store(content, fileName, now());
        String name = PortfolioReads.blankToNull(title) == null ? stored.displayName() : title(title);
        EvidenceItem item = EvidenceItem.file(e, name, stored.file(), stored.displayName(), username(), now());
        return created(item, "file " + stored.displayName() + " (" + stored.mediaType() + ", " + stored.size()
                + " bytes, sha256 " + stored.sha256() + ")");
    }

    // ---------------------------------------------------------------- changing

    /**
     * Saves an item: title, "assessor only", mapping, and its kind's content (a written piece's or reflection's
     * body is sanitised and its words counted here; a testimony the candidate asked for may be revised until the
     * witness confirms it, which asks them again).
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public Saved save(long itemId, ItemEdit edit, long expectedVersion) {
        EvidenceItem item = ownEditableItem(itemId, expectedVersion);
        Instant now = now();
        item.describe(title(edit.title()), edit.assessorOnly(), now);
        item.mapTo(requirements(item.getEnrolment(), edit.requirementIds()), now);
        if (item.getKind().hasBody()) {
            String safe = body(edit.bodyHtml());
            item.write(safe, Words.count(safe), now);
        }
        if (item.getKind() == EvidenceKind.REFLECTION) {
            if (edit.reflectionDate() == null) {
                throw new BusinessException("evidence.date.required", "Enter the date of this reflection.");
            }
            item.redate(edit.reflectionDate());
        }
        if (item.getKind() == EvidenceKind.WITNESS && item.getWitnessPerson() != null && edit.testimony() != null
                && changed(item, edit)) {
            String username = PortfolioReads.blankToNull(edit.witnessUsername()) == null
                    ? item.getWitnessPerson().getUsername() : edit.witnessUsername();
            Person witness = Testimonies.witness(staff, username, item.getEnrolment());
            item.reviseTestimony(witness, Testimonies.testimony(edit.testimony(), witness), now);
            audit("TESTIMONY_REQUESTED", item, "asked " + witness.getUsername() + " again");
        }
        flush();
        audit("EVIDENCE_UPDATED", item, item.getKind() + ", " + item.getWordCount() + " words, mapped to "
                + item.getRequirements().size() + " requirements" + (item.isAssessorOnly() ? ", assessor only" : ""));
        return new Saved(item.getVersion(), item.getWordCount(), now);
    }

    /** Autosaves the body of a written piece or reflection as the candidate types: sanitised, counted, audited. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public Saved autosave(long itemId, String bodyHtml, long expectedVersion) {
        EvidenceItem item = ownEditableItem(itemId, expectedVersion);
        if (!item.getKind().hasBody()) {
            throw new BusinessException("evidence.noBody", "Only written pieces and reflections are saved as you type.");
        }
        String safe = body(bodyHtml);
        Instant now = now();
        item.write(safe, Words.count(safe), now);
        flush();
        audit("EVIDENCE_AUTOSAVED", item, item.getWordCount() + " words");
        return new Saved(item.getVersion(), item.getWordCount(), now);
    }

    /**
     * Replaces a file item's file with a new upload, checked like the first. The previous stored file is kept while
     * a submission refers to it (stored files never change), and deleted otherwise.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public Saved replaceFile(long itemId, InputStream content, String fileName, long expectedVersion) {
        EvidenceItem item = ownEditableItem(itemId, expectedVersion);
        if (item.getKind() != EvidenceKind.FILE) {
            throw new BusinessException("evidence.notFile", "Only a file item has a file to replace.");
        }
        Instant now = now();
        EvidenceFiles.Stored stored = files.store(content, fileName, now);
        StoredFile previous = item.replaceFile(stored.file(), stored.displayName(), now);
        flush();
        files.deleteIfUnused(previous);
        audit("EVIDENCE_FILE_REPLACED", item, "now " + stored.displayName() + " (" + stored.mediaType() + ", "
                + stored.size() + " bytes, sha256 " + stored.sha256() + "), was stored file " + previous.getId());
        return new Saved(item.getVersion(), 0, now);
    }

    /** Deletes an item from the portfolio; what was submitted stays in its submission. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public void delete(long itemId, long expectedVersion) {
        EvidenceItem item = ownEditableItem(itemId, expectedVersion);
        StoredFile file = item.getStoredFile();
        String detail = item.getKind() + " on enrolment " + item.getEnrolment().getId();
        em.remove(item);
        flush();
        files.deleteIfUnused(file);
        audit.fire(AuditEvent.by(username(), "EVIDENCE_DELETED", "EvidenceItem", itemId, detail));
    }

    // ---------------------------------------------------------------- helpers

    private long created(EvidenceItem item, String what) {
        em.persist(item);
        em.flush();
        audit("EVIDENCE_CREATED", item, what + " on enrolment " + item.getEnrolment().getId());
        return item.getId();
    }

    private Enrolment ownEditable(long enrolmentId) {
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        access.requireCandidate(PortfolioReads.viewer(session), e);
        PortfolioReads.requireEditable(e);
        return e;
    }

    private EvidenceItem ownEditableItem(long itemId, long expectedVersion) {
        Viewer viewer = PortfolioReads.viewer(session);
        EvidenceItem item = item(itemId, viewer);
        access.requireCandidate(viewer, item.getEnrolment());
        PortfolioReads.requireEditable(item.getEnrolment());
        if (item.getVersion() != expectedVersion) {
            throw stale();
        }
        return item;
    }

    private EvidenceItem item(long itemId, Viewer viewer) {
        return em.createNamedQuery(EvidenceItem.WITH_ENROLMENT, EvidenceItem.class).setParameter("id", itemId)
                .getResultStream().findFirst().orElseThrow(EvidenceAccess::notFound);
    }

    /** The requirements with these ids, all of the enrolment's course version; anything else is refused. */
    private List<EvidenceRequirement> requirements(Enrolment e, Set<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<EvidenceRequirement> found = em.createQuery("select r from EvidenceRequirement r join r.outcome o join o.unit u "
                + "where r.id in :ids and u.course.id = :courseId", EvidenceRequirement.class)
                .setParameter("ids", new ArrayList<>(new HashSet<>(ids)))
                .setParameter("courseId", e.getCohort().getCourse().getId()).getResultList();
        if (found.size() != new HashSet<>(ids).size()) {
            throw new BusinessException("evidence.requirements.invalid",
                    "Evidence can only be mapped to the evidence requirements of your course.");
        }
        return found;
    }

    private List<CourseUnit> structure(Enrolment e) {
        return em.createNamedQuery(CourseUnit.STRUCTURE_OF_COURSE, CourseUnit.class)
                .setParameter("courseId", e.getCohort().getCourse().getId()).getResultList();
    }

    /** Whether the candidate changed the witness or anything the witness said, which asks the witness again. */
    private static boolean changed(EvidenceItem item, ItemEdit edit) {
        Testimony current = item.getTestimony();
        Testimony wanted = edit.testimony();
        boolean sameWitness = PortfolioReads.blankToNull(edit.witnessUsername()) == null
                || item.getWitnessPerson().getUsername().equalsIgnoreCase(edit.witnessUsername().strip());
        return !(sameWitness && same(current.name(), wanted.name()) && same(current.role(), wanted.role())
                && same(current.relationship(), wanted.relationship()) && same(current.statement(), wanted.statement()));
    }

    private static boolean same(String a, String b) {
        return java.util.Objects.equals(PortfolioReads.blankToNull(a), PortfolioReads.blankToNull(b));
    }

    static String title(String title) {
        String clean = PortfolioReads.blankToNull(title);
        if (clean == null) {
            throw new BusinessException("evidence.title.required", "Give this evidence a title.");
        }
        if (clean.length() > MAX_TEXT) {
            throw new BusinessException("evidence.title.long", "Keep the title under " + MAX_TEXT + " characters.",
                    MAX_TEXT);
        }
        return clean;
    }

    private static String body(String html) {
        if (html != null && html.length() > MAX_BODY) {
            throw new BusinessException("evidence.body.long", "This piece is too long to save. Split it into two pieces.");
        }
        return LessonHtml.sanitise(html == null ? "" : html);
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw stale();
        }
    }

    static BusinessException stale() {
        return new BusinessException("evidence.stale", "This evidence was changed somewhere else (another tab or window) "
                + "while you were editing it. Copy anything you want to keep, then reload the page.");
    }

    private void audit(String action, EvidenceItem item, String detail) {
        audit.fire(AuditEvent.by(username(), action, "EvidenceItem", item.getId(), detail));
    }

    private String username() {
        return PortfolioReads.viewer(session).username();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(UkTime.ZONE));
    }
}
