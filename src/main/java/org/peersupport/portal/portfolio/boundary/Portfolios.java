package org.peersupport.portal.portfolio.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.control.CourseOutlines;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Reader;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Viewer;
import org.peersupport.portal.portfolio.control.EvidenceAccess;
import org.peersupport.portal.portfolio.control.Judgements;
import org.peersupport.portal.portfolio.control.RequirementState;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.EvidenceKind;
import org.peersupport.portal.portfolio.entity.Submission;

/**
 * Reading a candidate's portfolio: their portfolios and items, an item's file, the matrix of where each evidence
 * requirement of the enrolment's course version stands, and statuses. The candidate reads their own; the allocated
 * supervisor reads it (every item read audited); coordinators and HR get statuses and dates only. The candidate's
 * changes to their items are {@link EvidenceItems}'.
 */
@Stateless
@DenyAll
public class Portfolios {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    EvidenceAccess access;

    @Inject
    Judgements judgements;

    @Inject
    ChunkStore chunks;

    @Inject
    CourseOutlines outlines;

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
        Map<Long, List<PortfolioReads.Mapped>> mappings = PortfolioReads.mappingsByItem(em, enrolmentId);
        List<ItemView> items = new ArrayList<>();
        for (EvidenceItem item : PortfolioReads.items(em, enrolmentId)) {
            items.add(PortfolioReads.view(item, mappings.getOrDefault(item.getId(), List.of())));
            access.recordRead(viewer, Reader.SUPERVISOR, "EVIDENCE_READ", "EvidenceItem", item.getId(),
                    "enrolment " + enrolmentId + ", " + item.getContent().kind());
        }
        return new SupervisorPortfolio(PortfolioReads.heading(e), items, PortfolioReads.tasks(em, e));
    }

    /**
     * One item with its content, with the matrix of its enrolment (as {@link #matrix}): what the evidence page shows,
     * in one call. For the candidate, or their allocated supervisor (the read audited), under the item's access check
     * (the same reader reads both). Three statements once the course version's structure is kept
     * ({@link CourseOutlines}): the item with its enrolment, person, cohort and course; the enrolment's mappings (the
     * item's own, and each requirement's count); the judgements; and the audit entry when a supervisor reads it.
     */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR})
    public ItemPage itemPage(long itemId) {
        Viewer viewer = PortfolioReads.viewer(session);
        EvidenceItem item = PortfolioReads.item(em, itemId);
        Reader reader = access.requireItem(viewer, item);
        Enrolment e = item.getEnrolment();
        access.recordRead(viewer, reader, "EVIDENCE_READ", "EvidenceItem", itemId,
                "enrolment " + e.getId() + ", " + item.getContent().kind());
        Map<Long, List<PortfolioReads.Mapped>> mappings = PortfolioReads.mappingsByItem(em, e.getId());
        Map<Long, Long> mapped = new HashMap<>();
        mappings.values().forEach(list -> list.forEach(m -> mapped.merge(m.requirementId(), 1L, Long::sum)));
        return new ItemPage(PortfolioReads.view(item, mappings.getOrDefault(itemId, List.of())), matrix(e, mapped));
    }

    /** A file item's file to download: for the candidate, or their allocated supervisor (audited). */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR})
    public EvidenceDownload itemFile(long itemId) {
        Viewer viewer = PortfolioReads.viewer(session);
        EvidenceItem item = PortfolioReads.item(em, itemId);
        Reader reader = access.requireItem(viewer, item);
        StoredFile file = item.getStoredFile();
        if (file == null) {
            throw EvidenceAccess.notFound();
        }
        access.recordRead(viewer, reader, "EVIDENCE_FILE_READ", "EvidenceItem", itemId,
                "enrolment " + item.getEnrolment().getId() + ", stored file " + file.getId());
        long storedId = file.getId();
        ChunkStore store = chunks;
        return new EvidenceDownload(item.getContent().fileName(), file.getMediaType(), file.getSize(), out -> store.copyTo(storedId, out));
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
        return matrix(e, mapped);
    }

    /** The matrix of the enrolment's course version, given how many items are mapped to each requirement. */
    private MatrixView matrix(Enrolment e, Map<Long, Long> mapped) {
        Set<Long> met = judgements.met(e.getId());
        List<MatrixUnit> units = outlines.of(e.getCohort().getCourse()).stream().map(u -> new MatrixUnit(u.id(), u.code(),
                u.title(), u.outcomes().stream().map(o -> new MatrixOutcome(o.id(), o.code(), o.text(),
                        o.requirements().stream().map(r -> {
                            long count = mapped.getOrDefault(r.id(), 0L);
                            return new MatrixCell(r.id(), r.code(), r.text(), RequirementState.of(met.contains(r.id()), count),
                                    count);
                        }).toList())).toList())).toList();
        return new MatrixView(PortfolioReads.heading(e), units);
    }

    /** Statuses and dates of a portfolio for coordinators and HR: never a title, a text, a file or a testimony. */
    @RolesAllowed({Role.Names.COORDINATOR, Role.Names.HR})
    public PortfolioStatus statuses(long enrolmentId) {
        Enrolment e = PortfolioReads.enrolment(em, enrolmentId);
        List<PortfolioStatus.ItemStatus> items = em.createQuery("select i.id, i.content.kind, i.createdAt, i.updatedAt "
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

}
