package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.control.CsvEnrolmentReader;
import org.peersupport.portal.candidate.control.EnrolmentCompletion;
import org.peersupport.portal.candidate.control.LessonAccess;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.AgreementAcceptance;
import org.peersupport.portal.candidate.entity.Cohort;
import org.peersupport.portal.candidate.entity.CohortSession;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.candidate.entity.PlaceRequest;
import org.peersupport.portal.candidate.entity.PlaceRequestStatus;
import org.peersupport.portal.identity.control.Directory;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.control.RoleMembers;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.notice.control.Notifier;
import org.peersupport.portal.notice.entity.NoticeKind;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Who is on which cohort: coordinators enrol people found in the directory (one by one, from a CSV file after a
 * preview, or a directory group's members), move enrolments through their lifecycle and decide place requests;
 * staff request places; candidates accept the course's agreement at their first session. Capacity is enforced
 * under a lock on the cohort, so two coordinators cannot overfill it together.
 */
@Stateless
@DenyAll
public class Enrolments {

    /** How many people a directory search returns. */
    public static final int SEARCH_LIMIT = 20;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    Directory directory;

    @Inject
    StaffDirectory staff;

    @Inject
    LessonAccess access;

    @Inject
    Notifier notifier;

    @Inject
    RoleMembers roleMembers;

    @Inject
    EnrolmentCompletion completion;

    // ---------------------------------------------------------------- enrolling

    /** People in the directory whose name, email or username contains the text. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<StaffMember> searchDirectory(String text) {
        return directory.search(text, SEARCH_LIMIT).stream().map(StaffMember::of).toList();
    }

    /** Enrols one person, found in the directory by username. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long enrol(long cohortId, String username) {
        Cohort cohort = lockedCohort(cohortId);
        Person person = staff.byUsername(username);
        requireNotOnCohort(person, cohort);
        cohort.requireRoomFor(placesTaken(cohortId), 1);
        return enrolNow(person, cohort, "enrolled by a coordinator").getId();
    }

    /** What a CSV file would enrol, and every problem with it; writes nothing. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public CsvPreview previewCsv(long cohortId, byte[] csv) {
        Cohort cohort = cohort(cohortId);
        return preview(cohort, csv).preview();
    }

    /**
     * Enrols everyone in a CSV file, all or nothing: the file is checked again exactly as in the preview, and any
     * problem refuses the whole file with every problem listed.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public int confirmCsv(long cohortId, byte[] csv) {
        Cohort cohort = lockedCohort(cohortId);
        CheckedFile checked = preview(cohort, csv);
        if (!checked.preview().ok()) {
            throw new BusinessException("enrolment.csv.problems", "The file has " + checked.preview().problems().size()
                    + (checked.preview().problems().size() == 1 ? " problem" : " problems")
                    + ", so nobody was enrolled. Correct the file and try again.", checked.preview().problems(),
                    checked.preview().problems().size());
        }
        for (DirectoryAccount account : checked.accounts()) {
            enrolNow(staff.personFor(account), cohort, "enrolled from a CSV file");
        }
        audit.fire(AuditEvent.of("ENROLMENT_CSV_IMPORTED", "Cohort", cohortId, checked.accounts().size()
                + " people enrolled on " + cohort.getName()));
        return checked.accounts().size();
    }

    /**
     * Enrols the members of a directory group (by DN or name) who are not on the cohort yet, all or nothing:
     * refused if they do not all fit.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public int enrolGroup(long cohortId, String group) {
        Cohort cohort = lockedCohort(cohortId);
        List<DirectoryAccount> members = directory.groupMembers(group).orElseThrow(() -> new BusinessException(
                "enrolment.group.notFound", "There is no directory group " + group + ".", group));
        Set<String> already = usernamesOn(cohortId);
        List<DirectoryAccount> newcomers = members.stream()
                .filter(a -> !already.contains(a.profile().username().toLowerCase(Locale.ROOT))).toList();
        cohort.requireRoomFor(placesTaken(cohortId), newcomers.size());
        for (DirectoryAccount account : newcomers) {
            enrolNow(staff.personFor(account), cohort, "enrolled as a member of " + group);
        }
        audit.fire(AuditEvent.of("ENROLMENT_GROUP_IMPORTED", "Cohort", cohortId, newcomers.size() + " members of "
                + group + " enrolled on " + cohort.getName()));
        return newcomers.size();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<EnrolmentSummary> enrolments(long cohortId) {
        Cohort cohort = cohort(cohortId);
        return em.createNamedQuery(Enrolment.OF_COHORT, Enrolment.class).setParameter("cohortId", cohortId)
                .getResultList().stream().map(e -> summary(e, cohort)).toList();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Moves an enrolment to another status (deferral has its own method), with a reason where the lifecycle needs
     * one. {@code version} is the enrolment's version as the coordinator saw it.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void changeStatus(long enrolmentId, EnrolmentStatus to, String reason, long version) {
        if (to == EnrolmentStatus.DEFERRED) {
            throw new BusinessException("enrolment.defer.cohort", "Choose the later cohort to defer to.");
        }
        Enrolment enrolment = enrolment(enrolmentId, version);
        EnrolmentStatus from = enrolment.getStatus();
        String detail = from.label() + " to " + to.label() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        if (to == EnrolmentStatus.COMPLETED) {
            completion.complete(enrolment, reason, actor(), detail); // the one path, with the certificate
            return;
        }
        em.persist(enrolment.moveTo(to, reason, actor(), now(), access.now().toLocalDate()));
        audit.fire(AuditEvent.of("ENROLMENT_" + to.name(), "Enrolment", enrolmentId, detail));
    }

    /** Defers an enrolment to a later cohort of the same course, where the candidate takes a place. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long defer(long enrolmentId, long laterCohortId, String reason, long version) {
        Enrolment enrolment = enrolment(enrolmentId, version);
        Cohort later = lockedCohort(laterCohortId);
        Cohort current = enrolment.getCohort();
        if (!later.getCourse().getCode().equals(current.getCourse().getCode())
                || !later.getStartDate().isAfter(current.getStartDate())) {
            throw new BusinessException("enrolment.defer.later", "A candidate can only be deferred to a later cohort "
                    + "of the same course.");
        }
        requireNotOnCohort(enrolment.getPerson(), later);
        later.requireRoomFor(placesTaken(laterCohortId), 1);
        em.persist(enrolment.deferTo(later, reason, actor(), now(), access.now().toLocalDate()));
        Enrolment next = enrolNow(enrolment.getPerson(), later, "deferred from " + current.getName() + ": " + reason.strip());
        audit.fire(AuditEvent.of("ENROLMENT_DEFERRED", "Enrolment", enrolmentId, "to " + later.getName()
                + " (enrolment " + next.getId() + "): " + reason.strip()));
        return next.getId();
    }

    // ---------------------------------------------------------------- place requests

    /** The caller asks for a place on a cohort, optionally saying why. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public long requestPlace(long cohortId, String message) {
        Cohort cohort = cohort(cohortId);
        Person me = new Caller(session, em).person();
        if (cohort.getEndDate().isBefore(access.now().toLocalDate()) || cohort.getCourse().getStatus() == CourseStatus.DRAFT) {
            throw new BusinessException("placeRequest.closed", cohort.getName() + " is not taking requests.",
                    cohort.getName());
        }
        requireNotOnCohort(me, cohort);
        if (em.createNamedQuery(PlaceRequest.PENDING_OF_PERSON, Long.class).setParameter("personId", me.getId())
                .setParameter("cohortId", cohortId).setParameter("status", PlaceRequestStatus.PENDING).getSingleResult() > 0) {
            throw new BusinessException("placeRequest.pending", "You have asked for a place on " + cohort.getName()
                    + " already; a coordinator will reply.", cohort.getName());
        }
        if (message != null && message.length() > 2000) {
            throw new BusinessException("placeRequest.long", "Keep the message under 2,000 characters.");
        }
        PlaceRequest request = new PlaceRequest(me, cohort, message, now());
        em.persist(request);
        em.flush();
        audit.fire(AuditEvent.of("PLACE_REQUESTED", "PlaceRequest", request.getId(), cohort.getName()));
        tellCoordinators(request);
        return request.getId();
    }

    /**
     * Tells every training coordinator (the directory's members of the coordinators' groups, but not the requester)
     * of a new request, with a link to the cohort's requests, where they decide it. The requester's message stays on
     * that page: notices are emailed. When the directory cannot be reached nobody is told, and the request stands.
     */
    private void tellCoordinators(PlaceRequest request) {
        Cohort cohort = request.getCohort();
        Person requester = request.getPerson();
        String title = notifier.text("notice.placeRequested.title", requester.getDisplayName(), cohort.getName());
        String text = notifier.text("notice.placeRequested.text", requester.getDisplayName(), cohort.getName(),
                cohort.getCourse().getTitle(), java.sql.Date.valueOf(cohort.getStartDate()));
        String link = "/coordinator/cohort.xhtml?id=" + cohort.getId() + "#requests-heading";
        for (Person coordinator : roleMembers.holding(Role.COORDINATOR)) {
            if (!coordinator.getId().equals(requester.getId())) {
                notifier.notify(coordinator, NoticeKind.PLACE_REQUESTED, title, text, link);
            }
        }
    }

    /** The caller's own requests for places, newest first, with each coordinator's decision and reason. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public List<MyPlaceRequest> myPlaceRequests() {
        Person me = new Caller(session, em).person();
        return em.createQuery("select r from PlaceRequest r join fetch r.cohort c join fetch c.course "
                + "where r.person.id = :personId order by r.requestedAt desc, r.id desc", PlaceRequest.class)
                .setParameter("personId", me.getId()).getResultList().stream()
                .map(r -> new MyPlaceRequest(r.getId(), r.getCohort().getId(), r.getCohort().getName(),
                        r.getCohort().getCourse().getCode(), r.getCohort().getCourse().getTitle(),
                        r.getCohort().getStartDate(), r.getMessage(), r.getRequestedAt(), r.getStatus(),
                        r.getDecisionReason(), r.getDecidedAt())).toList();
    }

    /** The cohorts the caller is on (in any status), so that a page need not offer them a place there again. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public Set<Long> myCohortIds() {
        Person me = new Caller(session, em).person();
        return new HashSet<>(em.createQuery("select e.cohort.id from Enrolment e where e.person.id = :personId", Long.class)
                .setParameter("personId", me.getId()).getResultList());
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<PlaceRequestView> placeRequests(long cohortId) {
        return em.createNamedQuery(PlaceRequest.OF_COHORT, PlaceRequest.class).setParameter("cohortId", cohortId)
                .setParameter("status", PlaceRequestStatus.PENDING).getResultList().stream()
                .map(r -> new PlaceRequestView(r.getId(), cohortId, r.getPerson().getUsername(),
                        r.getPerson().getDisplayName(), r.getPerson().getDepartment(), r.getMessage(), r.getRequestedAt(),
                        r.getStatus())).toList();
    }

    /**
     * The requests for places waiting for a decision on any cohort, oldest first, for the coordinator's home page
     * (at most {@code limit}; the cohort pages list each cohort's in full).
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<WaitingPlaceRequest> waitingPlaceRequests(int limit) {
        return em.createNamedQuery(PlaceRequest.WAITING, PlaceRequest.class)
                .setParameter("status", PlaceRequestStatus.PENDING).setMaxResults(Math.max(1, Math.min(limit, 100)))
                .getResultList().stream()
                .map(r -> new WaitingPlaceRequest(r.getId(), r.getCohort().getId(), r.getCohort().getName(),
                        r.getCohort().getCourse().getCode(), r.getPerson().getDisplayName(), r.getPerson().getDepartment(),
                        r.getRequestedAt())).toList();
    }

    /** Approves a request: the person is enrolled, if there is room. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long approve(long requestId) {
        PlaceRequest request = placeRequest(requestId);
        Cohort cohort = lockedCohort(request.getCohort().getId());
        request.approve(actor(), now());
        requireNotOnCohort(request.getPerson(), cohort);
        cohort.requireRoomFor(placesTaken(cohort.getId()), 1);
        Enrolment enrolment = enrolNow(request.getPerson(), cohort, "place request approved");
        audit.fire(AuditEvent.of("PLACE_REQUEST_APPROVED", "PlaceRequest", requestId, "enrolment " + enrolment.getId()));
        notifier.notify(request.getPerson(), NoticeKind.PLACE_APPROVED, notifier.text("notice.placeApproved.title",
                cohort.getName()), notifier.text("notice.placeApproved.text", cohort.getName(),
                cohort.getCourse().getTitle(), java.sql.Date.valueOf(cohort.getStartDate())), "/home.xhtml");
        return enrolment.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void decline(long requestId, String reason) {
        PlaceRequest request = placeRequest(requestId);
        request.decline(reason, actor(), now());
        audit.fire(AuditEvent.of("PLACE_REQUEST_DECLINED", "PlaceRequest", requestId, reason.strip()));
        notifier.notify(request.getPerson(), NoticeKind.PLACE_DECLINED, notifier.text("notice.placeDeclined.title",
                request.getCohort().getName()), notifier.text("notice.placeDeclined.text", request.getCohort().getName(),
                request.getDecisionReason()), null);
    }

    // ---------------------------------------------------------------- the agreement

    /** The candidate's own course agreement and whether they accepted it. */
    @RolesAllowed(Role.Names.CANDIDATE)
    public AgreementView agreement(long enrolmentId) {
        Enrolment enrolment = ownEnrolment(enrolmentId);
        Instant acceptedAt = acceptance(enrolmentId).map(AgreementAcceptance::getAcceptedAt).orElse(null);
        return new AgreementView(enrolmentId, enrolment.getCohort().getCourse().getTitle(),
                enrolment.getCohort().getCourse().getAgreementHtml(), acceptedAt);
    }

    /**
     * The candidate accepts the course's confidentiality and participation agreement, from their first session on.
     * The text they accepted is recorded by its SHA-256; an enrolled candidate becomes active.
     */
    @RolesAllowed(Role.Names.CANDIDATE)
    public void acceptAgreement(long enrolmentId) {
        Enrolment enrolment = ownEnrolment(enrolmentId);
        if (!enrolment.getStatus().isCurrent()) {
            throw new BusinessException("agreement.notCurrent", "This enrolment is " + enrolment.getStatus().label()
                    + ", so there is nothing to accept.", enrolment.getStatus().label());
        }
        if (acceptance(enrolmentId).isPresent()) {
            throw new BusinessException("agreement.accepted", "You have accepted the agreement already.");
        }
        CohortSession first = em.createNamedQuery(Cohort.WITH_SESSIONS, Cohort.class)
                .setParameter("id", enrolment.getCohort().getId()).getSingleResult().sessionNumber(1);
        if (first == null || !first.isOpen(access.now())) {
            throw new BusinessException("agreement.tooEarly", "You accept the agreement at your first session, on "
                    + (first == null ? "its date" : first.getStartsAt().toLocalDate()) + ".",
                    first == null ? "its date" : first.getStartsAt().toLocalDate());
        }
        String html = enrolment.getCohort().getCourse().getAgreementHtml();
        if (html == null || html.isBlank()) {
            throw new BusinessException("agreement.missing", "This course has no agreement to accept.");
        }
        AgreementAcceptance acceptance = new AgreementAcceptance(enrolment, enrolment.getCohort().getCourse(),
                sha256(html), now());
        em.persist(acceptance);
        em.flush();
        audit.fire(AuditEvent.of("AGREEMENT_ACCEPTED", "Enrolment", enrolmentId, "agreement " + acceptance.getAgreementSha256()));
        if (enrolment.getStatus() == EnrolmentStatus.ENROLLED) {
            em.persist(enrolment.moveTo(EnrolmentStatus.ACTIVE, "accepted the agreement", actor(), now(),
                    access.now().toLocalDate()));
            audit.fire(AuditEvent.of("ENROLMENT_ACTIVE", "Enrolment", enrolmentId, "enrolled to active: accepted the agreement"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private record CheckedFile(CsvPreview preview, List<DirectoryAccount> accounts) {
    }

    private CheckedFile preview(Cohort cohort, byte[] csv) {
        if (csv == null || csv.length == 0) {
            throw new BusinessException("enrolment.csv.empty", "Choose a CSV file to upload.");
        }
        if (csv.length > 1_000_000) {
            throw new BusinessException("enrolment.csv.large", "The file is larger than 1 MB; split it.");
        }
        CsvEnrolmentReader.Result read;
        try {
            read = new CsvEnrolmentReader().read(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BusinessException("enrolment.csv.unreadable", "The file could not be read as CSV.");
        }
        List<String> problems = new ArrayList<>(read.problems().stream().map(CsvEnrolmentReader.Problem::toString).toList());
        Set<String> already = usernamesOn(cohort.getId());
        List<CsvPreview.CsvPreviewRow> rows = new ArrayList<>();
        Map<String, DirectoryAccount> accounts = new LinkedHashMap<>();
        for (CsvEnrolmentReader.Row row : read.rows()) {
            Optional<DirectoryAccount> account = directory.lookup(row.username());
            if (account.isEmpty()) {
                problems.add("line " + row.line() + ": " + row.username() + " is not a person in the directory");
            } else if (already.contains(account.get().profile().username().toLowerCase(Locale.ROOT))) {
                problems.add("line " + row.line() + ": " + row.username() + " is already on " + cohort.getName());
            } else if (accounts.putIfAbsent(account.get().stableId(), account.get()) != null) {
                problems.add("line " + row.line() + ": " + row.username() + " is the same person as an earlier line");
            } else {
                rows.add(new CsvPreview.CsvPreviewRow(row.line(), account.get().profile().username(),
                        account.get().profile().displayName(), account.get().profile().department()));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(Enrolments::lineOf));
        int free = (int) Math.max(0, cohort.getCapacity() - placesTaken(cohort.getId()));
        if (rows.size() > free) {
            problems.add("the file names " + rows.size() + " people but " + cohort.getName() + " has " + free
                    + (free == 1 ? " free place" : " free places"));
        }
        return new CheckedFile(new CsvPreview(List.copyOf(rows), List.copyOf(problems), free), List.copyOf(accounts.values()));
    }

    private static int lineOf(String problem) {
        try {
            return Integer.parseInt(problem.substring(5, problem.indexOf(':')));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private Enrolment enrolNow(Person person, Cohort cohort, String reason) {
        Enrolment enrolment = new Enrolment(person, cohort, now());
        em.persist(enrolment);
        em.flush();
        em.persist(enrolment.enrolled(actor(), reason));
        audit.fire(AuditEvent.of("ENROLMENT_CREATED", "Enrolment", enrolment.getId(), person.getUsername() + " on "
                + cohort.getName() + ": " + reason));
        return enrolment;
    }

    private void requireNotOnCohort(Person person, Cohort cohort) {
        if (!em.createNamedQuery(Enrolment.OF_PERSON_ON_COHORT, Enrolment.class).setParameter("personId", person.getId())
                .setParameter("cohortId", cohort.getId()).getResultList().isEmpty()) {
            throw new BusinessException("enrolment.duplicate", person.getDisplayName() + " is on " + cohort.getName()
                    + " already.", person.getDisplayName(), cohort.getName());
        }
    }

    private Set<String> usernamesOn(long cohortId) {
        return new HashSet<>(em.createQuery("select lower(e.person.username) from Enrolment e where e.cohort.id = :cohortId",
                String.class).setParameter("cohortId", cohortId).getResultList());
    }

    private long placesTaken(long cohortId) {
        return em.createNamedQuery(Enrolment.COUNT_CURRENT, Long.class).setParameter("cohortId", cohortId)
                .setParameter("statuses", Enrolment.CURRENT).getSingleResult();
    }

    private Cohort cohort(long cohortId) {
        Cohort cohort = em.find(Cohort.class, cohortId);
        if (cohort == null) {
            throw new BusinessException("cohort.notFound", "There is no such cohort.");
        }
        return cohort;
    }

    private Cohort lockedCohort(long cohortId) {
        Cohort cohort = em.find(Cohort.class, cohortId, LockModeType.PESSIMISTIC_WRITE);
        if (cohort == null) {
            throw new BusinessException("cohort.notFound", "There is no such cohort.");
        }
        return cohort;
    }

    private Enrolment enrolment(long enrolmentId, long version) {
        Enrolment enrolment = em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(Caller::notYours);
        if (enrolment.getVersion() != version) {
            throw new BusinessException("enrolment.stale", "Someone else changed this enrolment since you opened it: "
                    + "reload to see their change.");
        }
        return enrolment;
    }

    private Enrolment ownEnrolment(long enrolmentId) {
        Enrolment enrolment = em.createNamedQuery(Enrolment.WITH_COHORT, Enrolment.class).setParameter("id", enrolmentId)
                .getResultStream().findFirst().orElseThrow(Caller::notYours);
        new Caller(session, em).requireOwn(enrolment);
        return enrolment;
    }

    private Optional<AgreementAcceptance> acceptance(long enrolmentId) {
        return em.createNamedQuery(AgreementAcceptance.OF_ENROLMENT, AgreementAcceptance.class)
                .setParameter("enrolmentId", enrolmentId).getResultStream().findFirst();
    }

    private PlaceRequest placeRequest(long requestId) {
        return em.createNamedQuery(PlaceRequest.WITH_COHORT, PlaceRequest.class).setParameter("id", requestId)
                .getResultStream().findFirst().orElseThrow(() -> new BusinessException("placeRequest.notFound",
                        "There is no such request."));
    }

    static EnrolmentSummary summary(Enrolment e, Cohort cohort) {
        return new EnrolmentSummary(e.getId(), cohort.getId(), cohort.getName(), cohort.getCourse().getCode(),
                e.getPerson().getUsername(), e.getPerson().getDisplayName(), e.getPerson().getDepartment(), e.getStatus(),
                e.getEnrolledAt(), e.getExpectedEndDate(), e.getVersion());
    }

    private String actor() {
        return new Caller(session, em).username();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
