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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.control.LessonHtml;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Viewer;
import org.peersupport.portal.portfolio.control.EvidenceAccess;
import org.peersupport.portal.portfolio.control.EvidenceFiles;
import org.peersupport.portal.portfolio.control.Words;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.EvidenceKind;
import org.peersupport.portal.portfolio.entity.Testimony;

/**
 * A candidate's changes to their evidence items: creating them (rich text sanitised and counted here, files checked by
 * their content), editing and mapping them to the evidence requirements of the enrolment's course version, and
 * deleting them. Only the candidate changes their portfolio, and only while enrolled or active. Every change is
 * audited in its transaction, and edits carry the version the candidate saw, so a change made meanwhile (another tab)
 * is reported rather than overwritten.
 */
@Stateless
@DenyAll
public class EvidenceItems {

    static final int MAX_TEXT = 255;
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
    StaffDirectory staff;

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
        return created(item, "file (" + stored.mediaType() + ", " + stored.size() + " bytes, sha256 " + stored.sha256()
                + ")"); // not its name: a name the candidate gave it may say anything about anyone
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
        if (item.getContent().kind().hasBody()) {
            String safe = body(edit.bodyHtml());
            item.write(safe, Words.count(safe), now);
        }
        if (item.getContent().kind() == EvidenceKind.REFLECTION) {
            if (edit.reflectionDate() == null) {
                throw new BusinessException("evidence.date.required", "Enter the date of this reflection.");
            }
            item.redate(edit.reflectionDate());
        }
        if (item.getContent().kind() == EvidenceKind.WITNESS && item.getWitnessPerson() != null && edit.testimony() != null
                && changed(item, edit)) {
            String username = PortfolioReads.blankToNull(edit.witnessUsername()) == null
                    ? item.getWitnessPerson().getUsername() : edit.witnessUsername();
            Person witness = Testimonies.witness(staff, username, item.getEnrolment());
            item.reviseTestimony(witness, Testimonies.testimony(edit.testimony(), witness), now);
            audit("TESTIMONY_REQUESTED", item, "asked person " + witness.getId() + " again");
        }
        flush();
        audit("EVIDENCE_UPDATED", item, item.getContent().kind() + ", " + item.getContent().wordCount() + " words, mapped to "
                + item.getRequirements().size() + " requirements" + (item.isAssessorOnly() ? ", assessor only" : ""));
        return new Saved(item.getVersion(), item.getContent().wordCount(), now);
    }

    /** Autosaves the body of a written piece or reflection as the candidate types: sanitised, counted, audited. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public Saved autosave(long itemId, String bodyHtml, long expectedVersion) {
        EvidenceItem item = ownEditableItem(itemId, expectedVersion);
        if (!item.getContent().kind().hasBody()) {
            throw new BusinessException("evidence.noBody", "Only written pieces and reflections are saved as you type.");
        }
        String safe = body(bodyHtml);
        Instant now = now();
        item.write(safe, Words.count(safe), now);
        flush();
        audit("EVIDENCE_AUTOSAVED", item, item.getContent().wordCount() + " words");
        return new Saved(item.getVersion(), item.getContent().wordCount(), now);
    }

    /**
     * Replaces a file item's file with a new upload, checked like the first. The previous stored file is kept while
     * a submission refers to it (stored files never change), and deleted otherwise.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public Saved replaceFile(long itemId, InputStream content, String fileName, long expectedVersion) {
        EvidenceItem item = ownEditableItem(itemId, expectedVersion);
        if (item.getContent().kind() != EvidenceKind.FILE) {
            throw new BusinessException("evidence.notFile", "Only a file item has a file to replace.");
        }
        Instant now = now();
        EvidenceFiles.Stored stored = files.store(content, fileName, now);
        StoredFile previous = item.replaceFile(stored.file(), stored.displayName(), now);
        flush();
        files.deleteIfUnused(previous);
        audit("EVIDENCE_FILE_REPLACED", item, "now a file (" + stored.mediaType() + ", "
                + stored.size() + " bytes, sha256 " + stored.sha256() + "), was stored file " + previous.getId());
        return new Saved(item.getVersion(), 0, now);
    }

    /** Deletes an item from the portfolio; what was submitted stays in its submission. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public void delete(long itemId, long expectedVersion) {
        EvidenceItem item = ownEditableItem(itemId, expectedVersion);
        StoredFile file = item.getStoredFile();
        String detail = item.getContent().kind() + " on enrolment " + item.getEnrolment().getId();
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
        EvidenceItem item = PortfolioReads.item(em, itemId);
        access.requireCandidate(viewer, item.getEnrolment());
        PortfolioReads.requireEditable(item.getEnrolment());
        if (item.getVersion() != expectedVersion) {
            throw stale();
        }
        return item;
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

    /** Whether the candidate changed the witness or anything the witness said, which asks the witness again. */
    private static boolean changed(EvidenceItem item, ItemEdit edit) {
        Testimony current = item.getContent().testimony();
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
