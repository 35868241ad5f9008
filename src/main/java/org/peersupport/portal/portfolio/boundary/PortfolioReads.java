package org.peersupport.portal.portfolio.boundary;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.course.entity.AssessmentTask;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.control.EvidenceAccess;
import org.peersupport.portal.portfolio.control.EvidenceAccess.Viewer;
import org.peersupport.portal.portfolio.entity.EvidenceContent;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.Submission;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;
import org.peersupport.portal.portfolio.entity.SubmittedItem;
import org.peersupport.portal.portfolio.entity.Testimony;

/**
 * What the portfolio boundaries share: who is calling, loading an enrolment, and turning entities into the view
 * records they return. Each list is read with a fixed number of queries, never one per row.
 */
final class PortfolioReads {

    private PortfolioReads() {
    }

    static Viewer viewer(SessionContext session) {
        Principal principal = session.getCallerPrincipal();
        String username = principal == null || "ANONYMOUS".equals(principal.getName()) ? null : principal.getName();
        Long personId = username == null ? null : CDI.current().select(Callers.class).get().id(principal).orElse(null);
        return new Viewer(username, personId, session.isCallerInRole(Role.Names.CANDIDATE),
                session.isCallerInRole(Role.Names.SUPERVISOR), session.isCallerInRole(Role.Names.VERIFIER));
    }

    /** The caller's person record, by the id resolved at sign-in (see {@code Callers}). */
    static Optional<Person> person(EntityManager em, Viewer viewer) {
        return viewer.personId() == null ? Optional.empty() : Optional.ofNullable(em.find(Person.class, viewer.personId()));
    }

    /** The enrolment with its person, cohort and course version; "no such evidence" when there is none. */
    static Enrolment enrolment(EntityManager em, long enrolmentId) {
        return em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(EvidenceAccess::notFound);
    }

    /** The item with its enrolment, person, cohort and course version; "no such evidence" when there is none. */
    static EvidenceItem item(EntityManager em, long itemId) {
        return em.createNamedQuery(EvidenceItem.WITH_ENROLMENT, EvidenceItem.class).setParameter("id", itemId)
                .getResultStream().findFirst().orElseThrow(EvidenceAccess::notFound);
    }

    /** The candidate adds, changes and submits evidence only while enrolled or active. */
    static boolean editable(Enrolment enrolment) {
        return enrolment.getStatus() == EnrolmentStatus.ENROLLED || enrolment.getStatus() == EnrolmentStatus.ACTIVE;
    }

    static void requireEditable(Enrolment enrolment) {
        if (!editable(enrolment)) {
            throw new BusinessException("portfolio.closed", "This portfolio cannot change while the enrolment is "
                    + enrolment.getStatus().label() + ". You can still read everything in it.",
                    enrolment.getStatus().label());
        }
    }

    static PortfolioHeading heading(Enrolment e) {
        Course course = e.getCohort().getCourse();
        return new PortfolioHeading(e.getId(), e.getPerson().getDisplayName(), course.getCode(), course.getTitle(),
                course.getVersionNumber(), e.getCohort().getName(), e.getStatus(), editable(e));
    }

    /** An evidence requirement an item is mapped to. */
    record Mapped(long requirementId, String code) {
    }

    /** The requirements each item of the enrolment is mapped to, by item id, in the course's order: one query. */
    static Map<Long, List<Mapped>> mappingsByItem(EntityManager em, long enrolmentId) {
        Map<Long, List<Mapped>> mappings = new HashMap<>();
        for (Object[] row : em.createNamedQuery(EvidenceItem.MAPPINGS_OF_ENROLMENT, Object[].class)
                .setParameter("enrolmentId", enrolmentId).getResultList()) {
            mappings.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                    .add(new Mapped(((Number) row[1]).longValue(), (String) row[2]));
        }
        return mappings;
    }

    /** Requirement codes per item id, for every item of the enrolment, in the course's order: one query. */
    static Map<Long, List<String>> codesByItem(EntityManager em, long enrolmentId) {
        Map<Long, List<String>> codes = new HashMap<>();
        mappingsByItem(em, enrolmentId).forEach((item, mapped) -> codes.put(item, mapped.stream().map(Mapped::code).toList()));
        return codes;
    }

    static List<EvidenceItem> items(EntityManager em, long enrolmentId) {
        return em.createNamedQuery(EvidenceItem.OF_ENROLMENT, EvidenceItem.class).setParameter("enrolmentId", enrolmentId)
                .getResultList();
    }

    static ItemLine line(EvidenceItem i, List<String> codes) {
        EvidenceContent c = i.getContent();
        return new ItemLine(i.getId(), c.kind(), c.title(), codes == null ? List.of() : codes, i.getUpdatedAt(),
                i.isAssessorOnly(), i.getWitnessStatus(), c.wordCount(), i.submittable());
    }

    /** The item with the requirements it is mapped to, as {@link #mappingsByItem} read them (no further query). */
    static ItemView view(EvidenceItem i, List<Mapped> mapped) {
        Set<Long> ids = new LinkedHashSet<>();
        mapped.stream().map(Mapped::requirementId).sorted().forEach(ids::add);
        EvidenceContent c = i.getContent();
        FileInfo file = i.getStoredFile() == null ? null
                : new FileInfo(c.fileName(), i.getStoredFile().getMediaType(), i.getStoredFile().getSize());
        return new ItemView(i.getId(), i.getEnrolment().getId(), c.kind(), c.title(), c.bodyHtml(), c.wordCount(),
                c.reflectionDate(), file, testimony(i), i.isAssessorOnly(), ids, mapped.stream().map(Mapped::code).toList(),
                i.getCreatedBy(), i.getCreatedAt(), i.getUpdatedAt(), i.getDraftSavedAt(), i.getVersion());
    }

    /** The item's testimony with its witness and where it stands, or null when it is not a testimony. */
    static TestimonyView testimony(EvidenceItem i) {
        Testimony t = i.getContent().testimony();
        return t == null ? null : new TestimonyView(t.name(), t.role(), t.relationship(), t.statement(),
                i.getWitnessStatus(), i.getWitnessPerson() == null ? null : i.getWitnessPerson().getUsername(),
                i.getWitnessPerson() == null ? null : i.getWitnessPerson().getDisplayName(), i.getWitnessRecordedBy(),
                i.getWitnessDecidedAt(), i.getWitnessDeclineReason());
    }

    static SubmittedItemView view(SubmittedItem i, List<String> codes) {
        EvidenceContent c = i.getContent();
        FileInfo file = i.getStoredFile() == null ? null : new FileInfo(c.fileName(), i.getMediaType(), i.getSize());
        Testimony t = c.testimony();
        TestimonyView testimony = t == null || i.getPurgedAt() != null ? null : new TestimonyView(t.name(), t.role(), t.relationship(), t.statement(),
                i.getWitnessStatus(), null, null, i.getWitnessConfirmedBy(), i.getWitnessDecidedAt(), null);
        return new SubmittedItemView(i.getId(), c.kind(), c.title(), c.bodyHtml(), c.wordCount(), c.reflectionDate(),
                file, testimony, i.isAssessorOnly(), codes == null ? List.of() : codes, i.getPurgedAt());
    }

    /** The course version's tasks with the enrolment's submissions of each, newest attempt first: three queries. */
    static List<TaskLine> tasks(EntityManager em, Enrolment e) {
        Map<Long, Long> itemCounts = new HashMap<>();
        em.createNamedQuery(SubmittedItem.COUNTS_OF_ENROLMENT, Object[].class).setParameter("enrolmentId", e.getId())
                .getResultList().forEach(row -> itemCounts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        Map<Long, List<SubmissionLine>> byTask = new LinkedHashMap<>();
        for (Object[] row : em.createNamedQuery(Submission.LINES_OF_ENROLMENT, Object[].class)
                .setParameter("enrolmentId", e.getId()).getResultList()) {
            long id = ((Number) row[0]).longValue();
            byTask.computeIfAbsent(((Number) row[1]).longValue(), task -> new ArrayList<>()).add(new SubmissionLine(id,
                    ((Number) row[2]).intValue(), (SubmissionStatus) row[3], (java.time.Instant) row[4],
                    (java.time.Instant) row[5], itemCounts.getOrDefault(id, 0L).intValue()));
        }
        byTask.values().forEach(list -> list.sort(Comparator.comparingInt(SubmissionLine::attempt).reversed()));
        return em.createNamedQuery(AssessmentTask.OF_COURSE, AssessmentTask.class)
                .setParameter("courseId", e.getCohort().getCourse().getId()).getResultList().stream().map(t -> {
                    List<SubmissionLine> submissions = byTask.getOrDefault(t.getId(), List.of());
                    boolean canSubmit = submissions.isEmpty() || submissions.get(0).status().allowsNewAttempt();
                    return new TaskLine(t.getId(), t.getCode(), t.getTitle(), t.getKind(), t.getDescription(), submissions,
                            canSubmit);
                }).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
