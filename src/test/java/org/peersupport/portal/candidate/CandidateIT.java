package org.peersupport.portal.candidate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.peersupport.portal.candidate.boundary.Allocations;
import org.peersupport.portal.candidate.boundary.Attendance;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.peersupport.portal.candidate.boundary.Agreements;
import org.peersupport.portal.candidate.boundary.AttendanceRate;
import org.peersupport.portal.candidate.boundary.AttendanceRegisterExport;
import org.peersupport.portal.candidate.boundary.CandidateRecord;
import org.peersupport.portal.candidate.boundary.CandidateRecords;
import org.peersupport.portal.candidate.boundary.CaseloadLine;
import org.peersupport.portal.candidate.boundary.CohortAllocation;
import org.peersupport.portal.candidate.boundary.CohortCourse;
import org.peersupport.portal.candidate.boundary.CohortSummary;
import org.peersupport.portal.candidate.boundary.CohortView;
import org.peersupport.portal.candidate.boundary.Cohorts;
import org.peersupport.portal.candidate.boundary.ConfidentialNotes;
import org.peersupport.portal.candidate.boundary.ConflictView;
import org.peersupport.portal.candidate.boundary.CsvPreview;
import org.peersupport.portal.candidate.boundary.Enrolling;
import org.peersupport.portal.candidate.boundary.EnrolmentRecord;
import org.peersupport.portal.candidate.boundary.EnrolmentSummary;
import org.peersupport.portal.candidate.boundary.Enrolments;
import org.peersupport.portal.candidate.boundary.HrRecord;
import org.peersupport.portal.candidate.boundary.HrRecords;
import org.peersupport.portal.candidate.boundary.MyCourse;
import org.peersupport.portal.candidate.boundary.MyPlaceRequest;
import org.peersupport.portal.candidate.boundary.OwnEnrolments;
import org.peersupport.portal.candidate.boundary.PersonRecord;
import org.peersupport.portal.candidate.boundary.PlaceRequestView;
import org.peersupport.portal.candidate.boundary.PlaceRequests;
import org.peersupport.portal.candidate.boundary.RegisterSession;
import org.peersupport.portal.candidate.boundary.StaffMember;
import org.peersupport.portal.candidate.boundary.SupervisorLoad;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.candidate.entity.CohortDetails;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.candidate.entity.PlaceRequestStatus;
import org.peersupport.portal.course.CoursePackageZips;
import org.peersupport.portal.course.boundary.CoursePackages;
import org.peersupport.portal.course.boundary.CourseVersionAdministration;
import org.peersupport.portal.course.boundary.CourseCatalog;
import org.peersupport.portal.course.boundary.CourseDetails;
import org.peersupport.portal.course.boundary.CourseEditView;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.ExportFormat;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsCoordinator;
import org.peersupport.portal.support.AsHr;
import org.peersupport.portal.support.AsGovernance;
import org.peersupport.portal.support.AsSafeguardingLead;
import org.peersupport.portal.support.AsSupervisor;
import org.peersupport.portal.support.AsVerifier;
import org.peersupport.portal.support.AuditActors;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.RoleMatrix;
import org.peersupport.portal.support.RoleMatrix.Call;
import org.peersupport.portal.support.RoleMatrix.Check;
import org.peersupport.portal.support.RoleMatrix.Runner;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.Sql;
import org.peersupport.portal.support.SqlStatements;

/**
 * Issue 4, candidate records, through the boundaries as real roles (see {@link RunAsDeployment}), inside Payara
 * Micro on PostgreSQL with the demo directory. Each test imports the Peer2Peer package under a course code of its
 * own and makes its own cohorts, so tests share no cohort and run in any order.
 */
@ExtendWith(ArquillianExtension.class)
class CandidateIT {

    private static final String AMARA = AsCandidate.ACCOUNT.username();
    private static final String GRACE = AsSupervisor.ACCOUNT.username();

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(CandidateIT.class, CoursePackageZips.class, Sql.class, DemoAccount.class,
                org.peersupport.portal.support.SpreadsheetView.class, SqlStatements.class, SqlStatements.Counted.class));
    }

    @Inject
    CoursePackages packages;

    @Inject
    CourseVersionAdministration versions;

    @Inject
    CourseCatalog catalog;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrolments enrolments;

    @Inject
    Enrolling enrolling;

    @Inject
    PlaceRequests placeRequests;

    @Inject
    Agreements agreements;

    @Inject
    Attendance attendance;

    @Inject
    AttendanceRegisterExport registerExport;

    @Inject
    Allocations allocations;

    @Inject
    CandidateRecords records;

    @Inject
    OwnEnrolments ownEnrolments;

    @Inject
    ConfidentialNotes confidentialNotes;

    @Inject
    HrRecords hrRecords;

    @Inject
    AsCoordinator asCoordinator;

    @Inject
    AsCandidate asCandidate;

    @Inject
    AsSupervisor asSupervisor;

    @Inject
    AsHr asHr;

    @Inject
    AsVerifier asVerifier;

    @Inject
    AsSafeguardingLead asSafeguardingLead;

    @Inject
    AsGovernance asGovernance;

    @Inject
    Sql sql;

    /** The supervisors' caseload caps as this test found them (person id to cap), put back after it. */
    private Map<Long, Integer> capsFound;

    /** The conflicts of interest declared before this test (ids), so that those it declares can be withdrawn. */
    private Set<Long> conflictsFound;

    /**
     * Every supervisor's cap and every declared conflict are shared by all test classes: a test here caps other
     * supervisors, makes new ones and declares conflicts with demo people, so each is recorded first and put back.
     */
    @BeforeEach
    void recordTheSharedSupervisorDataThenMakeSureTheSupervisorIsKnown() throws Exception {
        capsFound = caps();
        conflictsFound = sql.rows("select id from conflict_of_interest").stream()
                .map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toSet());
        theSupervisorIsKnownToThePortal();
    }

    @AfterEach
    void putTheSharedSupervisorDataBackAsFound() throws Exception {
        for (Map.Entry<Long, Integer> now : caps().entrySet()) {
            Integer found = capsFound.get(now.getKey());
            if (found == null) {
                sql.update("delete from supervisor_profile where person_id = ?", now.getKey());
            } else if (!found.equals(now.getValue())) {
                sql.update("update supervisor_profile set caseload_cap = ?, version = version + 1 where person_id = ?",
                        found, now.getKey());
            }
        }
        for (Map<String, Object> conflict : sql.rows("select id from conflict_of_interest")) {
            long id = ((Number) conflict.get("id")).longValue();
            if (!conflictsFound.contains(id)) {
                sql.update("delete from conflict_of_interest where id = ?", id);
            }
        }
        assertEquals(capsFound, caps(), "every supervisor's cap is back as found");
    }

    private Map<Long, Integer> caps() throws SQLException {
        return sql.rows("select person_id, caseload_cap from supervisor_profile").stream().collect(Collectors.toMap(
                r -> ((Number) r.get("person_id")).longValue(), r -> ((Number) r.get("caseload_cap")).intValue()));
    }

    private void theSupervisorIsKnownToThePortal() throws Exception {
        // the demo cohort loader created the demo candidates' and supervisors' person records from the directory;
        // this makes sure of the supervisor's, as a coordinator would by setting a caseload cap
        if (asCoordinator.call(() -> allocations.supervisors()).stream().noneMatch(s -> s.username().equals(GRACE))) {
            asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, 100));
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void issue4_theLifecycleAllowsLegalMovesRefusesIllegalOnesAndKeepsTheHistory() throws Exception {
        long cohort = cohort(published(), 12, pastWeeks(11));
        long id = asCoordinator.call(() -> enrolling.enrol(cohort, "helen.shaw"));
        assertEquals(EnrolmentStatus.ENROLLED, status(id));

        move(id, EnrolmentStatus.ACTIVE, null);
        assertRefused("enrolment.transition.reason", "Give a reason", () -> enrolments.changeStatus(id,
                EnrolmentStatus.PAUSED, " ", version(id)));
        move(id, EnrolmentStatus.PAUSED, "Time off for health");
        BusinessException illegal = assertThrows(BusinessException.class, () -> asCoordinator.run(() ->
                enrolments.changeStatus(id, EnrolmentStatus.COMPLETED, null, version(id))));
        assertEquals("An enrolment that is paused cannot become completed: it can only become active or withdrawn or "
                + "deferred.", illegal.getMessage());
        move(id, EnrolmentStatus.ACTIVE, null);
        long stale = version(id) - 1;
        assertRefused("enrolment.stale", "Someone else changed this enrolment", () -> enrolments.changeStatus(id,
                EnrolmentStatus.WITHDRAWN, "Moved away", stale));
        move(id, EnrolmentStatus.WITHDRAWN, "Moved away");
        assertRefused("enrolment.transition.illegal", "cannot change any more", () -> enrolments.changeStatus(id,
                EnrolmentStatus.ACTIVE, null, version(id)));

        CandidateRecord record = asCoordinator.call(() -> records.record(id));
        assertEquals(EnrolmentStatus.WITHDRAWN, record.status());
        assertEquals("Moved away", record.withdrawnReason());
        assertEquals(Arrays.asList(null, EnrolmentStatus.ENROLLED, EnrolmentStatus.ACTIVE, EnrolmentStatus.PAUSED,
                EnrolmentStatus.ACTIVE), record.history().stream().map(h -> h.from()).toList());
        assertEquals(List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.ACTIVE, EnrolmentStatus.PAUSED,
                EnrolmentStatus.ACTIVE, EnrolmentStatus.WITHDRAWN), record.history().stream().map(h -> h.to()).toList());
        assertEquals("Time off for health", record.history().get(2).reason());
        assertTrue(record.history().stream().allMatch(h -> h.actor().equals(AsCoordinator.ACCOUNT.username())));
        assertThrows(SQLException.class, () -> sql.update("update enrolment_status_change set reason = 'edited' "
                + "where enrolment_id = ?", id), "the history is append-only in the database too");
        assertThrows(SQLException.class, () -> sql.update("delete from enrolment_status_change where enrolment_id = ?", id));
        for (String action : List.of("ENROLMENT_CREATED", "ENROLMENT_ACTIVE", "ENROLMENT_PAUSED", "ENROLMENT_WITHDRAWN")) {
            assertTrue(sql.count("select count(*) from audit_entry where action = ? and subject_id = ?", action,
                    String.valueOf(id)) >= 1, action + " is audited");
        }
    }

    @Test
    void issue4_pausingStopsTheClockAndResumingMovesTheExpectedEndOnByThePausedDays() throws Exception {
        long cohort = cohort(published(), 12, pastWeeks(11));
        long id = asCoordinator.call(() -> enrolling.enrol(cohort, "jo.lee"));
        move(id, EnrolmentStatus.ACTIVE, null);
        LocalDate end = asCoordinator.call(() -> records.record(id)).expectedEndDate();
        move(id, EnrolmentStatus.PAUSED, "Caring responsibilities");
        // the pause began ten days ago
        sql.update("update enrolment set paused_on = ? where id = ?", Date.valueOf(LocalDate.now().minusDays(10)), id);
        move(id, EnrolmentStatus.ACTIVE, null);
        CandidateRecord resumed = asCoordinator.call(() -> records.record(id));
        assertEquals(10, resumed.pausedDaysTotal());
        assertEquals(end.plusDays(10), resumed.expectedEndDate());
    }

    @Test
    void issue4_aCandidateIsDeferredToALaterCohortOfTheSameCourse() throws Exception {
        long course = published();
        long first = cohort(course, 5, pastWeeks(11));
        long later = cohort(course, 5, futureWeeks(11));
        long id = asCoordinator.call(() -> enrolling.enrol(first, "jo.lee"));
        assertRefused("enrolment.defer.later", "later cohort", () -> enrolments.defer(id, first, "x", version(id)));
        long next = asCoordinator.call(() -> enrolments.defer(id, later, "Needs a later start", version(id)));
        assertEquals(EnrolmentStatus.DEFERRED, status(id));
        assertEquals(EnrolmentStatus.ENROLLED, status(next));
        assertEquals(later, asCoordinator.call(() -> records.record(next)).cohortId());
    }

    // ---------------------------------------------------------------- enrolling and capacity

    @Test
    void issue4_capacityIsEnforcedAndAWithdrawalFreesAPlace() throws Exception {
        long cohort = cohort(published(), 2, pastWeeks(11));
        long helen = asCoordinator.call(() -> enrolling.enrol(cohort, "helen.shaw"));
        asCoordinator.call(() -> enrolling.enrol(cohort, "jo.lee"));
        assertRefused("cohort.full", "has 2 places and 0 are free", () -> enrolling.enrol(cohort, "morgan.price"));
        assertRefused("enrolment.duplicate", "already", () -> enrolling.enrol(cohort, "jo.lee"));
        assertRefused("staff.notInDirectory", "is not a person in the directory", () -> enrolling.enrol(cohort, "no.such.person"));
        assertRefused("cohort.full", "cannot be enrolled", () -> enrolling.enrolGroup(cohort, "p2p-hr"));

        long request = asCandidate.call(() -> placeRequests.requestPlace(cohort, "I would like to join"));
        assertRefused("cohort.full", "places", () -> placeRequests.approve(request));

        move(helen, EnrolmentStatus.WITHDRAWN, "Changed role");
        asCoordinator.call(() -> enrolling.enrol(cohort, "morgan.price"));
        String name = cohortName(cohort);
        assertEquals(2, asCoordinator.call(() -> cohorts.cohortPage(name, true, 1, 25)).rows().stream()
                .filter(c -> c.id() == cohort).findFirst().orElseThrow().placesTaken());
        assertRefused("cohort.capacity.belowTaken", "needs at least 2 places", () -> cohorts.update(cohort,
                details("Smaller", 1, LocalDate.now().minusMonths(3)), asCoordinator.call(() -> cohorts.cohort(cohort)).version()));
    }

    @Test
    void issue4_cohortListsArePagedInTheDatabaseAndSearchedByNameOrCourse() throws Exception {
        long course = published();
        String code = code(course);
        String tag = "Paging " + CoursePackageZips.newCode();
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LocalDate start = LocalDate.now().plusWeeks(i + 1L);
            made.add(asCoordinator.call(() -> cohorts.create(course, new CohortDetails(tag + " " + start, start,
                    start.plusMonths(3), "Recovery College", null, "Sana Iqbal", 5, null), futureWeeks(11))));
        }
        List<Long> running = new ArrayList<>();
        for (int weeksAgo : new int[] {6, 2}) {
            LocalDate start = LocalDate.now().minusWeeks(weeksAgo);
            running.add(asCoordinator.call(() -> cohorts.create(course, new CohortDetails(tag + " running " + start, start,
                    start.plusMonths(4), "Recovery College", null, "Sana Iqbal", 5, null), weeklyFrom(start, 11))));
        }
        LocalDate past = LocalDate.now().minusYears(1);
        long ended = asCoordinator.call(() -> cohorts.create(course, new CohortDetails(tag + " ended", past,
                past.plusMonths(3), "Recovery College", null, "Sana Iqbal", 5, null), pastWeeks(11)));

        ResultPage<CohortSummary> first = asCoordinator.call(() -> cohorts.cohortPage(tag.toLowerCase(), false, 1, 2));
        assertEquals(7, first.total(), "the search ignores case, and ended cohorts are left out");
        assertEquals(4, first.pages());
        assertEquals(List.of(made.get(4), made.get(3)), first.rows().stream().map(CohortSummary::id).toList(),
                "latest start first");
        ResultPage<CohortSummary> last = asCoordinator.call(() -> cohorts.cohortPage(tag, false, 99, 2));
        assertEquals(4, last.page(), "a page past the end shows the last one");
        assertEquals(List.of(running.get(0)), last.rows().stream().map(CohortSummary::id).toList());
        assertEquals(8, asCoordinator.call(() -> cohorts.cohortPage(tag, true, 1, 25)).total(), "with the ended one");
        assertTrue(asCoordinator.call(() -> cohorts.cohortPage(code, true, 1, 25)).rows().stream()
                .anyMatch(c -> c.id() == ended), "found by its course code");
        assertEquals(0, asCoordinator.call(() -> cohorts.cohortPage(tag + "%", true, 1, 25)).total(),
                "a wildcard is matched literally");

        List<Long> open = new ArrayList<>();
        ResultPage<CohortSummary> page = asCandidate.call(() -> cohorts.openCohortPage(null, 1, 50));
        for (int n = 1; n <= page.pages(); n++) {
            int number = n;
            asCandidate.call(() -> cohorts.openCohortPage(null, number, 50)).rows().forEach(c -> open.add(c.id()));
        }
        assertEquals(page.total(), open.size(), "every open cohort is on one page or another, once");
        assertTrue(open.containsAll(made), "the five to come are open");
        assertFalse(open.contains(ended), "the ended one is not");
        assertTrue(open.indexOf(made.get(0)) < open.indexOf(made.get(4)), "soonest start first");
        List<Long> expected = new ArrayList<>(made);
        expected.add(running.get(1));
        expected.add(running.get(0));
        assertEquals(expected, asCandidate.call(() -> cohorts.openCohortPage(tag, 1, 50)).rows().stream()
                .map(CohortSummary::id).toList(),
                "staff search the open cohorts too: those to come, soonest first, then those running, latest start first");
        assertEquals(Cohorts.MAX_PAGE, asCandidate.call(() -> cohorts.openCohortPage(null, 1, 100_000)).pageSize(),
                "a page is never larger than the boundary allows");
    }

    @Test
    void issue4_aCsvFileIsPreviewedWithEveryBadRowAndImportedAllOrNothing() throws Exception {
        long cohort = cohort(published(), 10, pastWeeks(11));
        asCoordinator.call(() -> enrolling.enrol(cohort, "morgan.price"));
        byte[] bad = ("username,name\n"
                + "helen.shaw,Helen Shaw\n"
                + "no.such.person,Nobody\n"
                + "\n"
                + "HELEN.SHAW,Helen again\n"
                + "morgan.price,Morgan Price\n"
                + "jo.lee,Jo Lee\n").getBytes(StandardCharsets.UTF_8);

        CsvPreview preview = asCoordinator.call(() -> enrolling.previewCsv(cohort, bad));
        assertFalse(preview.ok());
        assertEquals(List.of("line 3: no.such.person is not a person in the directory",
                "line 5: HELEN.SHAW is already on line 2",
                "line 6: morgan.price is already on " + asCoordinator.call(() -> cohorts.cohort(cohort)).name()),
                preview.problems());
        assertEquals(List.of("helen.shaw", "jo.lee"), preview.rows().stream().map(CsvPreview.CsvPreviewRow::username).toList());
        assertEquals("Helen Shaw", preview.rows().get(0).displayName());

        BusinessException refused = assertThrows(BusinessException.class, () -> asCoordinator.call(() ->
                enrolling.confirmCsv(cohort, bad)));
        assertEquals("enrolment.csv.problems", refused.key());
        assertEquals(preview.problems(), refused.details());
        assertEquals(1, enrolled(cohort).size(), "nobody from the file was enrolled");

        byte[] good = "username\nhelen.shaw\njo.lee\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(asCoordinator.call(() -> enrolling.previewCsv(cohort, good)).ok());
        assertEquals(2, asCoordinator.call(() -> enrolling.confirmCsv(cohort, good)));
        assertEquals(List.of("helen.shaw", "jo.lee", "morgan.price"), enrolled(cohort).stream()
                .map(EnrolmentSummary::username).sorted().toList());

        long small = cohort(published(), 1, pastWeeks(11));
        CsvPreview tooMany = asCoordinator.call(() -> enrolling.previewCsv(small, good));
        assertEquals(List.of("the file names 2 people but " + asCoordinator.call(() -> cohorts.cohort(small)).name()
                + " has 1 free place"), tooMany.problems());
        assertThrows(BusinessException.class, () -> asCoordinator.call(() -> enrolling.confirmCsv(small, good)));
        assertTrue(enrolled(small).isEmpty());
    }

    @Test
    void issue4_coordinatorsFindStaffInTheDirectoryAndEnrolAGroupsMembers() throws Exception {
        List<StaffMember> found = asCoordinator.call(() -> enrolling.searchDirectory("okafor"));
        assertEquals(List.of("amara.okafor"), found.stream().map(StaffMember::username).toList());
        assertEquals("Community Mental Health Team North", found.get(0).department());
        assertTrue(asCoordinator.call(() -> enrolling.searchDirectory("*)(uid=*")).isEmpty(),
                "filter syntax in the text is matched literally");
        assertTrue(asCoordinator.call(() -> enrolling.searchDirectory("*")).isEmpty());

        long cohort = cohort(published(), 5, pastWeeks(11));
        assertEquals(3, asCoordinator.call(() -> enrolling.enrolGroup(cohort, "p2p-candidates")));
        assertEquals(List.of("amara.okafor", "dylan.hughes", "priya.raman"), enrolled(cohort).stream()
                .map(EnrolmentSummary::username).sorted().toList());
        assertEquals(0, asCoordinator.call(() -> enrolling.enrolGroup(cohort,
                "cn=p2p-candidates,ou=groups,dc=demo,dc=peersupport,dc=org")), "members already on it are skipped");
        assertRefused("enrolment.group.notFound", "no directory group", () -> enrolling.enrolGroup(cohort, "nobody"));
    }

    @Test
    void issue4_staffRequestPlacesAndCoordinatorsApproveOrDeclineWithAReason() throws Exception {
        long cohort = cohort(published(), 5, futureWeeks(11));
        long first = asCandidate.call(() -> placeRequests.requestPlace(cohort, "My manager agreed"));
        assertThrows(BusinessException.class, () -> asCandidate.call(() -> placeRequests.requestPlace(cohort, "again")));
        List<PlaceRequestView> pending = asCoordinator.call(() -> placeRequests.placeRequests(cohort));
        assertEquals(List.of(AMARA), pending.stream().map(PlaceRequestView::username).toList());
        assertEquals("My manager agreed", pending.get(0).message());
        assertTrue(asCoordinator.call(() -> placeRequests.waitingPlaceRequests(100)).stream().anyMatch(w -> w.id() == first
                && w.cohortId() == cohort && w.displayName().equals("Amara Okafor")),
                "the coordinator's home page lists the request waiting");
        assertRefused("placeRequest.reason", "Say why", () -> placeRequests.decline(first, " "));
        asCoordinator.run(() -> placeRequests.decline(first, "This cohort is for the inpatient team"));
        assertTrue(asCoordinator.call(() -> placeRequests.placeRequests(cohort)).isEmpty());
        assertTrue(asCoordinator.call(() -> placeRequests.waitingPlaceRequests(100)).stream().noneMatch(w -> w.id() == first),
                "a decided request waits no more");
        assertRefused("placeRequest.decided", "declined already", () -> placeRequests.approve(first));

        long second = asCandidate.call(() -> placeRequests.requestPlace(cohort, null));
        long enrolment = asCoordinator.call(() -> placeRequests.approve(second));
        assertEquals(AMARA, asCandidate.call(() -> records.record(enrolment)).username());
        assertThrows(BusinessException.class, () -> asCandidate.call(() -> placeRequests.requestPlace(cohort, null)),
                "already on the cohort");
    }

    // ---------------------------------------------------------------- drip, agreement, attendance

    @Test
    void issue4_aCandidateReadsLessonsOnlyWhileEnrolledAndFromTheirSessionsDate() throws Exception {
        long course = published();
        String code = code(course);
        assertThrows(BusinessException.class, () -> asCandidate.call(() -> catalog.lesson(code, 1)), "not enrolled");
        assertThrows(BusinessException.class, () -> asCandidate.call(() -> catalog.overview(code)), "not enrolled");
        List<LocalDateTime> schedule = new ArrayList<>(futureWeeks(11));
        schedule.set(0, LocalDateTime.now().minusWeeks(2));
        schedule.set(1, LocalDateTime.now().minusWeeks(1));
        long cohort = cohort(course, 5, schedule);
        long id = asCoordinator.call(() -> enrolling.enrol(cohort, AMARA));

        assertEquals(11, asCandidate.call(() -> catalog.overview(code)).sessions().size());
        assertEquals("What is Recovery?", asCandidate.call(() -> catalog.lesson(code, 2)).title());
        BusinessException notYet = assertThrows(BusinessException.class, () -> asCandidate.call(() -> catalog.lesson(code, 3)));
        assertEquals("course.session.notOpen", notYet.key());
        assertThrows(BusinessException.class, () -> asCandidate.run(() -> catalog.markComplete(code, 3)));
        assertEquals("Personal Recovery", asSupervisor.call(() -> catalog.lesson(code, 3)).title(), "staff read as before");
        assertEquals("Personal Recovery", asHr.call(() -> catalog.lesson(code, 3)).title());

        asCoordinator.run(() -> cohorts.openEarly(cohort, 3));
        assertEquals("Personal Recovery", asCandidate.call(() -> catalog.lesson(code, 3)).title());
        CohortView view = asCoordinator.call(() -> cohorts.cohort(cohort));
        assertEquals(List.of(true, true, true, false), view.sessions().subList(0, 4).stream().map(s -> s.open()).toList());
        assertTrue(view.sessions().get(2).openedEarly());

        move(id, EnrolmentStatus.ACTIVE, null);
        move(id, EnrolmentStatus.PAUSED, "A break");
        assertEquals("What is Recovery?", asCandidate.call(() -> catalog.lesson(code, 2)).title(), "paused still reads");
        move(id, EnrolmentStatus.WITHDRAWN, "Left the service");
        assertThrows(BusinessException.class, () -> asCandidate.call(() -> catalog.lesson(code, 2)));
    }

    @Test
    void issue18_aLessonReadCountsItsReadersUnreadNoticesInTheSameStatement() throws Exception {
        long course = published();
        String code = code(course);
        long amara = enrolAmaraWithTwoSessionsOpen(course);
        String unread = "select count(*) from notice where recipient_id = ? and read_at is null";
        asCandidate.call(() -> catalog.lesson(code, 2)); // the first read pins the version and builds the lesson

        long before = sql.count(unread, amara);
        assertEquals(OptionalLong.of(before), asCandidate.call(() -> catalog.read(code, 2)).unreadNotices());
        long notice = sql.count("select nextval('notice_seq')");
        sql.update("insert into notice (id, recipient_id, kind, title, text, created_at) values (?, ?, 'PLACE_APPROVED', "
                + "'A place for you', 'Your place was approved.', now())", notice, amara);
        try {
            assertEquals(OptionalLong.of(before + 1), asCandidate.call(() -> catalog.read(code, 2)).unreadNotices(),
                    "a new notice counts at once");
        } finally {
            sql.update("delete from notice where id = ?", notice);
        }
        assertEquals(OptionalLong.of(before), asCandidate.call(() -> catalog.read(code, 2)).unreadNotices());
    }

    @Test
    void issue18_openingALessonOfACourseThatCompletesOnViewCompletesItOnceWhetherOrNotItsLessonWasBuiltBefore()
            throws Exception {
        long course = published(manifest -> manifest.replace("completion: manual", "completion: on-view"));
        String code = code(course);
        long amara = enrolAmaraWithTwoSessionsOpen(course);
        String progress = "select count(*) from lesson_progress where person_id = ? and course_code = ? and session_slug = ?";
        String completions = "select count(*) from audit_entry where action = 'LESSON_COMPLETED' and "
                + AuditActors.BY_PERSON + " and detail like ?";

        // her first visit: nothing built, nothing pinned; opening session 1 pins her version and completes it
        assertTrue(asCandidate.call(() -> catalog.read(code, 1)).lesson().completed(), "opening it completed it");
        assertEquals(1, sql.count(progress, amara, code, sessionSlug(course, 1)));
        // session 2, built before for a supervisor: her opening completes it, recorded once with its audit entry
        asSupervisor.call(() -> catalog.lesson(code, 2));
        assertEquals(0, sql.count(progress, amara, code, sessionSlug(course, 2)));
        assertTrue(asCandidate.call(() -> catalog.read(code, 2)).lesson().completed(), "opening it completed it");
        assertTrue(asCandidate.call(() -> catalog.read(code, 2)).lesson().completed(), "and it stays completed");
        assertEquals(1, sql.count(progress, amara, code, sessionSlug(course, 2)));
        assertEquals(1, sql.count(completions, AMARA, code + " session 2 (%"), "one audit entry for the completion");
    }

    @Test
    void issue4_theCandidateAcceptsTheAgreementAtTheirFirstSessionAndIsThenActive() throws Exception {
        long course = published();
        long laterCohort = cohort(course, 5, futureWeeks(11));
        long later = asCoordinator.call(() -> enrolling.enrol(laterCohort, AMARA));
        assertRefused(asCandidate, "agreement.tooEarly", "first session", () -> agreements.acceptAgreement(later));

        long pastCohort = cohort(course, 5, pastWeeks(11));
        long id = asCoordinator.call(() -> enrolling.enrol(pastCohort, AMARA));
        assertNull(asCandidate.call(() -> agreements.agreement(id)).acceptedAt());
        assertTrue(asCandidate.call(() -> agreements.agreement(id)).agreementHtml().toLowerCase().contains("confidential"));
        asCandidate.run(() -> agreements.acceptAgreement(id));
        CandidateRecord record = asCandidate.call(() -> records.record(id));
        assertNotNull(record.agreementAcceptedAt());
        assertEquals(EnrolmentStatus.ACTIVE, record.status());
        assertTrue(record.notes().isEmpty());
        assertRefused(asCandidate, "agreement.accepted", "already", () -> agreements.acceptAgreement(id));
        assertEquals(1, sql.count("select count(*) from agreement_acceptance where enrolment_id = ?", id));
        assertEquals(1, sql.count("select count(*) from audit_entry where action = 'AGREEMENT_ACCEPTED' and subject_id = ?",
                String.valueOf(id)));
    }

    @Test
    void issue13_aCohortCourseAndPersonNamedAsFormulasExportAsTextInTheAttendanceRegister() throws Exception {
        long course = published();
        long cohort = cohort(course, 5, pastWeeks(11));
        String cohortName = "x,=HYPERLINK(\"http://example.invalid\")";
        String courseTitle = "=HYPERLINK(\"http://example.invalid\",\"Course\")";
        String sessionTitle = "+1+cmd|' /C calc'!A0";
        Object originalTitle = sql.rows("select title from course where id = ?", course).get(0).get("title");
        Object originalSession = sql.rows("select title from course_session where course_id = ? and number = 1", course)
                .get(0).get("title");
        Object originalName = sql.rows("select name from cohort where id = ?", cohort).get(0).get("name");
        long person = sql.count("select nextval('person_seq')");
        try {
            sql.update("update cohort set name = ? where id = ?", cohortName, cohort);
            sql.update("update course set title = ? where id = ?", courseTitle, course);
            sql.update("update course_session set title = ? where course_id = ? and number = 1", sessionTitle, course);
            sql.update("insert into person (id, directory_id, username, display_name, email, department, created_at, "
                    + "updated_at, version) values (?, ?, ?, ?, ?, ?, now(), now(), 0)", person, "injection:" + person,
                    "injection." + person, "@SUM(1+1)*cmd|' /C calc'!A0", "=1+1@example.invalid", "-2+3");
            sql.update("insert into enrolment (id, person_id, cohort_id, status, enrolled_at, status_changed_at, "
                    + "expected_end_date, paused_days_total, version) values (nextval('enrolment_seq'), ?, ?, 'ACTIVE', "
                    + "now(), now(), current_date + 30, 0, 0)", person, cohort);

            ByteArrayOutputStream file = new ByteArrayOutputStream();
            asCoordinator.run(() -> registerExport.write(cohort, ExportFormat.CSV, file));
            String csv = file.toString(StandardCharsets.UTF_8).substring(1);
            assertEquals(List.of(), org.peersupport.portal.support.SpreadsheetView.formulas(csv),
                    "nothing a spreadsheet would run, in the # lines or the cells:\n" + csv);
            assertTrue(csv.contains("# Cohort: x,'=HYPERLINK(\"http://example.invalid\")"), csv);
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setCommentMarker('#').get()
                    .parse(new StringReader(csv)).getRecords();
            assertTrue(rows.get(0).get(4).startsWith("Session 1: +1+cmd"), rows.get(0).toString());
            assertEquals(List.of("'@SUM(1+1)*cmd|' /C calc'!A0", "'=1+1@example.invalid", "'-2+3"),
                    rows.get(1).toList().subList(0, 3), "the text as typed, with the apostrophe that keeps it text");
            assertEquals(List.of("0", "0"), rows.get(1).toList().subList(15, 17), "numbers stay numbers");
        } finally {
            sql.update("delete from enrolment where person_id = ?", person);
            sql.update("delete from person where id = ?", person);
            sql.update("update course_session set title = ? where course_id = ? and number = 1", originalSession, course);
            sql.update("update course set title = ? where id = ?", originalTitle, course);
            sql.update("update cohort set name = ? where id = ?", originalName, cohort);
        }
    }

    @Test
    void issue4_attendanceIsMarkedInBulkAndCountsTowardsTheThreshold() throws Exception {
        long cohort = cohort(published(), 5, pastWeeks(11));
        long helen = asCoordinator.call(() -> enrolling.enrol(cohort, "helen.shaw"));
        long jo = asCoordinator.call(() -> enrolling.enrol(cohort, "jo.lee"));
        CohortView view = asCoordinator.call(() -> cohorts.cohort(cohort));
        long s1 = view.sessions().get(0).id();
        long s2 = view.sessions().get(1).id();
        asCoordinator.run(() -> attendance.markAll(s1, Map.of(helen, AttendanceKind.PRESENT, jo, AttendanceKind.APOLOGIES)));
        asCoordinator.run(() -> attendance.markAll(s2, Map.of(helen, AttendanceKind.LATE, jo, AttendanceKind.PRESENT)));
        asCoordinator.run(() -> attendance.mark(s1, jo, AttendanceKind.ABSENT));
        assertEquals(Map.of(helen, AttendanceKind.PRESENT, jo, AttendanceKind.ABSENT), register(s1));

        Map<Long, AttendanceRate> rates = new HashMap<>();
        asCoordinator.call(() -> attendance.rates(cohort)).forEach(r -> rates.put(r.enrolmentId(), r));
        assertEquals(100, rates.get(helen).percent(), "late counts as attended");
        assertEquals(50, rates.get(jo).percent());
        assertTrue(rates.get(helen).meetsThreshold());
        assertFalse(rates.get(jo).meetsThreshold(), "the default threshold is 80%");
        assertEquals(1, sql.count("select count(*) from attendance_mark where cohort_session_id = ? and enrolment_id = ?", s1, jo),
                "one mark per session and candidate");

        // the whole register as a file: a column per session, the rate and the threshold, as the cohort page shows
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        asCoordinator.run(() -> registerExport.write(cohort, ExportFormat.CSV, file));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setCommentMarker('#').get()
                .parse(new StringReader(file.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
        List<String> header = rows.get(0).toList();
        assertEquals(List.of("Name", "Email", "Department", "Status"), header.subList(0, 4));
        assertTrue(header.get(4).startsWith("Session 1: "), header.toString());
        assertEquals(4 + 11 + 4, header.size(), "a column for each of the 11 sessions: " + header);
        assertEquals(List.of("Sessions attended", "Sessions marked", "Attendance rate (%)", "Meets the threshold"),
                header.subList(15, 19));
        Map<String, List<String>> byName = rows.subList(1, rows.size()).stream()
                .collect(Collectors.toMap(r -> r.get(0), CSVRecord::toList));
        assertEquals(Set.of("Helen Shaw", "Jo Lee"), byName.keySet());
        assertEquals(List.of("Present", "Late", ""), byName.get("Helen Shaw").subList(4, 7));
        assertEquals(List.of("2", "2", "100", "Yes"), byName.get("Helen Shaw").subList(15, 19));
        assertEquals(List.of("Absent", "Present", ""), byName.get("Jo Lee").subList(4, 7));
        assertEquals(List.of("1", "2", "50", "No"), byName.get("Jo Lee").subList(15, 19));
        assertEquals("Enrolled", byName.get("Jo Lee").get(3));
        assertTrue(file.toString(StandardCharsets.UTF_8).contains("# Attendance threshold: 80%"));
        assertTrue(asCoordinator.call(() -> registerExport.fileName(cohort, ExportFormat.XLSX))
                .matches("attendance-[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}\\.xlsx"));
        assertEquals(1, sql.count("select count(*) from audit_entry where action = 'ATTENDANCE_EXPORTED' and subject_id = ?",
                String.valueOf(cohort)), "the export is audited");
        assertRefused("cohort.notFound", "no such cohort", () -> registerExport.write(-1, ExportFormat.CSV,
                OutputStream.nullOutputStream()));

        long otherCohort = cohort(published(), 5, pastWeeks(11));
        long other = asCoordinator.call(() -> enrolling.enrol(otherCohort, "jo.lee"));
        assertRefused("attendance.notOnCohort", "is not on", () -> attendance.mark(s1, other, AttendanceKind.PRESENT));
        long future = cohort(published(), 5, futureWeeks(11));
        long futureJo = asCoordinator.call(() -> enrolling.enrol(future, "jo.lee"));
        long futureSession = asCoordinator.call(() -> cohorts.cohort(future)).sessions().get(0).id();
        assertRefused("attendance.future", "has not happened yet", () -> attendance.mark(futureSession, futureJo,
                AttendanceKind.PRESENT));
    }

    @Test
    void issue4_aCohortMadeWithoutAThresholdTakesItsCourseVersionsAndKeepsItsOwnCopy() throws Exception {
        String code = CoursePackageZips.newCode();
        long v1 = asCoordinator.call(() -> packages.importPackage(new ByteArrayInputStream(CoursePackageZips.peer2peerZip(code,
                manifest -> manifest.replace("  completion: manual\n", "  completion: manual\n  attendanceThreshold: 70\n")))))
                .courseId();
        asCoordinator.run(() -> versions.publish(v1));
        CohortCourse offered = asCoordinator.call(() -> cohorts.courseVersions()).stream()
                .filter(c -> c.courseId() == v1).findFirst().orElseThrow();
        assertEquals(70, offered.attendanceThreshold(), "the new-cohort form starts from the version's threshold");

        long followsCourse = cohort(v1, 5, futureWeeks(11));
        assertEquals(70, asCoordinator.call(() -> cohorts.cohort(followsCourse)).attendanceThreshold(),
                "no threshold given: the course version's");
        LocalDate start = futureWeeks(11).get(0).toLocalDate();
        CohortDetails ownThreshold = new CohortDetails("Cohort " + CoursePackageZips.newCode(), start,
                start.plusMonths(6), "Recovery College", null, null, 5, 90);
        long own = asCoordinator.call(() -> cohorts.create(v1, ownThreshold, futureWeeks(11)));
        assertEquals(90, asCoordinator.call(() -> cohorts.cohort(own)).attendanceThreshold(), "the coordinator's own");

        long v2 = asCoordinator.call(() -> versions.newDraftFrom(v1));
        CourseEditView draft = asCoordinator.call(() -> versions.courseForEdit(v2));
        CourseDetails d = draft.details();
        asCoordinator.run(() -> versions.updateCourseDetails(v2, new CourseDetails(d.title(), d.summary(), d.versionLabel(),
                d.awardName(), d.scqfLevel(), d.credits(), d.completionMode(), 50, d.agreementHtml(), d.agreementDraft()),
                draft.version()));
        asCoordinator.run(() -> versions.publish(v2));
        assertEquals(70, asCoordinator.call(() -> cohorts.cohort(followsCourse)).attendanceThreshold(),
                "a later version's threshold leaves the cohort's copy alone");
        long onV2 = cohort(v2, 5, futureWeeks(11));
        assertEquals(50, asCoordinator.call(() -> cohorts.cohort(onV2)).attendanceThreshold(), "a cohort of the new version");
    }

    // ---------------------------------------------------------------- supervisors

    @Test
    void issue4_aDeclaredConflictOfInterestBlocksTheAllocation() throws Exception {
        long cohort = cohort(published(), 5, pastWeeks(11));
        long id = asCoordinator.call(() -> enrolling.enrol(cohort, "helen.shaw"));
        asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, 100));
        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", 100));
        asSupervisor.call(() -> allocations.declareConflict("helen.shaw", "She is my sister-in-law"));
        assertRefused(asSupervisor, "conflict.duplicate", "already", () -> allocations.declareConflict("helen.shaw", null));

        assertRefused("allocation.conflict", "declared a conflict of interest with Helen Shaw",
                () -> allocations.allocate(id, GRACE, null));
        assertFalse(asCoordinator.call(() -> allocations.suggest(id)).map(SupervisorLoad::username).orElse("").equals(GRACE),
                "a conflicted supervisor is never suggested");
        asCoordinator.run(() -> allocations.allocate(id, "tom.barker", null));
        assertEquals(List.of("tom.barker"), asCoordinator.call(() -> allocations.history(id)).stream()
                .map(a -> a.supervisorUsername()).toList());
        assertFalse(asCoordinator.call(() -> allocations.ofCohort(cohort)).get(0).supervisorConflicted(),
                "Tom has declared nothing");
    }

    @Test
    void issue4_aSupervisorFindsAPersonDeclaresAConflictAndTheCoordinatorIsToldToReallocate() throws Exception {
        long cohort = cohort(published(), 5, pastWeeks(11));
        long id = asCoordinator.call(() -> enrolling.enrol(cohort, "nadia.rahman"));
        asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, 100));
        asCoordinator.run(() -> allocations.allocate(id, GRACE, null));
        assertFalse(asCoordinator.call(() -> allocations.ofCohort(cohort)).get(0).supervisorConflicted());

        assertEquals(List.of("nadia.rahman"), asSupervisor.call(() -> allocations.findPeople("rahman")).stream()
                .map(StaffMember::username).toList(), "found in the directory");
        assertEquals(List.of(), asSupervisor.call(() -> allocations.findPeople("grace")).stream()
                .map(StaffMember::username).filter(GRACE::equals).toList(), "never themselves");
        assertEquals(List.of(), asSupervisor.call(() -> allocations.findPeople("*)(uid=*")),
                "an LDAP filter typed in is searched for literally");

        asSupervisor.call(() -> allocations.declareConflict("nadia.rahman", "  We share a house.  "));
        ConflictView declared = asSupervisor.call(() -> allocations.myConflicts()).stream()
                .filter(c -> c.username().equals("nadia.rahman")).findFirst().orElseThrow();
        assertEquals("Nadia Rahman", declared.displayName());
        assertEquals("We share a house.", declared.note());
        assertTrue(declared.supervisedNow(), "Grace still supervises Nadia until a coordinator reallocates");
        assertTrue(asCoordinator.call(() -> allocations.ofCohort(cohort)).get(0).supervisorConflicted(),
                "the cohort page flags the allocation");
        assertEquals(1, sql.count("select count(*) from audit_entry where action = 'CONFLICT_DECLARED' "
                + "and detail = 'person ' || (select id from person where username = ?) || ' with person ' "
                + "|| (select id from person where username = 'nadia.rahman')", GRACE));

        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", 100));
        asCoordinator.run(() -> allocations.allocate(id, "tom.barker", "Grace declared a conflict"));
        assertFalse(asCoordinator.call(() -> allocations.ofCohort(cohort)).get(0).supervisorConflicted());
        assertFalse(asSupervisor.call(() -> allocations.myConflicts()).stream()
                .filter(c -> c.username().equals("nadia.rahman")).findFirst().orElseThrow().supervisedNow());
    }

    @Test
    void issue4_theLeastLoadedSupervisorWithRoomIsSuggestedCapsAreKeptAndReallocationKeepsHistory() throws Exception {
        long cohort = cohort(published(), 20, pastWeeks(11));
        List<Long> ids = new ArrayList<>();
        for (String username : List.of("jo.lee", "mark.evans", "helen.shaw")) {
            ids.add(asCoordinator.call(() -> enrolling.enrol(cohort, username)));
        }
        // only Grace and Tom have room: every other supervisor is full
        for (SupervisorLoad s : asCoordinator.call(() -> allocations.supervisors())) {
            boolean ours = s.username().equals(GRACE) || s.username().equals("tom.barker");
            asCoordinator.run(() -> allocations.setCaseloadCap(s.username(), ours ? 100 : (int) s.caseload()));
        }
        asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, 100));
        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", 100));
        Map<String, Long> loads = loads();
        String lighter = loads.get(GRACE) <= loads.get("tom.barker") ? GRACE : "tom.barker";
        String heavier = lighter.equals(GRACE) ? "tom.barker" : GRACE;
        assertEquals(lighter, asCoordinator.call(() -> allocations.suggest(ids.get(0))).orElseThrow().username());

        // load the lighter one until they carry more than the other
        long gap = loads.get(heavier) - loads.get(lighter);
        List<Long> extra = new ArrayList<>();
        for (int i = 0; i <= gap; i++) {
            long c = cohort(published(), 2, pastWeeks(11));
            extra.add(asCoordinator.call(() -> enrolling.enrol(c, "morgan.price")));
        }
        for (long e : extra) {
            asCoordinator.run(() -> allocations.allocate(e, lighter, "balancing"));
        }
        assertEquals(heavier, asCoordinator.call(() -> allocations.suggest(ids.get(0))).orElseThrow().username());

        long tomLoad = loads().get("tom.barker");
        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", (int) tomLoad));
        assertRefused("allocation.capReached", "their cap of " + tomLoad, () -> allocations.allocate(ids.get(1), "tom.barker", null));
        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", 100));

        asCoordinator.run(() -> allocations.allocate(ids.get(1), "tom.barker", null));
        asCoordinator.run(() -> allocations.allocate(ids.get(1), GRACE, "Tom is on leave"));
        assertRefused("allocation.same", "already", () -> allocations.allocate(ids.get(1), GRACE, null));
        var history = asCoordinator.call(() -> allocations.history(ids.get(1)));
        assertEquals(List.of("tom.barker", GRACE), history.stream().map(a -> a.supervisorUsername()).toList());
        assertNotNull(history.get(0).endedAt());
        assertNull(history.get(1).endedAt());
        assertEquals("Tom is on leave", history.get(1).reason());
        assertRefused("allocation.notSupervisor", "not set up as a supervisor", () -> allocations.allocate(ids.get(2),
                "priya.raman", null));
        asCoordinator.run(() -> allocations.setCaseloadCap("morgan.price", 100));
        assertRefused("allocation.self", "themselves", () -> allocations.allocate(extra.get(0), "morgan.price", null));
        for (long e : extra) {
            move(e, EnrolmentStatus.WITHDRAWN, "test data");
        }
    }

    @Test
    void issue4_aSupervisorsCaseloadSaysWhoIsOnTrackBehindOrPaused() throws Exception {
        long course = published();
        String code = code(course);
        List<LocalDateTime> schedule = new ArrayList<>(futureWeeks(11));
        for (int i = 0; i < 3; i++) {
            schedule.set(i, LocalDateTime.now().minusWeeks(4 - i));
        }
        long cohort = cohort(course, 5, schedule);
        String name = asCoordinator.call(() -> cohorts.cohort(cohort)).name();
        asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, 100));
        Map<String, Long> ids = new LinkedHashMap<>();
        int statementsWithOne = 0;
        for (String username : List.of("jo.lee", "mark.evans", "morgan.price")) {
            long id = asCoordinator.call(() -> enrolling.enrol(cohort, username));
            move(id, EnrolmentStatus.ACTIVE, null);
            asCoordinator.run(() -> allocations.allocate(id, GRACE, null));
            ids.put(username, id);
            if (ids.size() == 1) {
                statementsWithOne = caseloadStatements();
            }
        }
        for (String slug : List.of("introduction", "what-is-recovery", "personal-recovery")) {
            sql.update("insert into lesson_progress (id, person_id, course_code, session_slug, completed_at) "
                    + "select nextval('lesson_progress_seq'), e.person_id, ?, ?, now() from enrolment e where e.id = ?",
                    code, slug, ids.get("jo.lee"));
        }
        move(ids.get("morgan.price"), EnrolmentStatus.PAUSED, "Leave");

        Map<String, CaseloadLine> caseload = new HashMap<>();
        asSupervisor.call(() -> allocations.myCaseload()).stream().filter(l -> l.cohortName().equals(name))
                .forEach(l -> caseload.put(l.username(), l));
        assertEquals(3, caseload.size());
        assertEquals(CaseloadLine.Progress.ON_TRACK, caseload.get("jo.lee").progress());
        assertEquals(3, caseload.get("jo.lee").lessonsDone());
        assertEquals(3, caseload.get("jo.lee").lessonsDue(), "the third session was a fortnight ago");
        assertEquals(CaseloadLine.Progress.BEHIND, caseload.get("mark.evans").progress());
        assertEquals(0, caseload.get("mark.evans").lessonsDone());
        assertEquals(CaseloadLine.Progress.PAUSED, caseload.get("morgan.price").progress());
        assertEquals(statementsWithOne, caseloadStatements(), "two more candidates, and the caseload takes no more "
                + "statements: none per line");

        long session1 = asCoordinator.call(() -> cohorts.cohort(cohort)).sessions().get(0).id();
        asCoordinator.run(() -> attendance.mark(session1, ids.get("jo.lee"), AttendanceKind.ABSENT));
        assertEquals(CaseloadLine.Progress.BEHIND, asSupervisor.call(() -> allocations.myCaseload()).stream()
                .filter(l -> l.enrolmentId() == ids.get("jo.lee")).findFirst().orElseThrow().progress(),
                "attendance under the threshold is behind too");
    }

    /** The statements of the supervisor's caseload, asked twice (the fewer: a first call may prepare statements). */
    private int caseloadStatements() throws Exception {
        int first = asSupervisor.call(() -> SqlStatements.count(() -> allocations.myCaseload()).statements());
        int second = asSupervisor.call(() -> SqlStatements.count(() -> allocations.myCaseload()).statements());
        return Math.min(first, second);
    }

    // ---------------------------------------------------------------- what the cohort pages read

    @Test
    void issue4_theCohortPagesReadPublishedVersionsARegistersSessionAndEachCandidatesSupervisorAndSuggestion()
            throws Exception {
        long course = published();
        CohortCourse version = asCoordinator.call(() -> cohorts.courseVersions()).stream()
                .filter(c -> c.courseId() == course).findFirst().orElseThrow();
        assertEquals(code(course), version.code());
        assertEquals(11, version.sessionTitles().size(), "one date per session");
        assertEquals("What is Recovery?", version.sessionTitles().get(1));
        long draft = asCoordinator.call(() -> versions.newDraftFrom(course));
        assertTrue(asCoordinator.call(() -> cohorts.courseVersions()).stream().noneMatch(c -> c.courseId() == draft),
                "a draft cannot have cohorts");

        List<LocalDateTime> schedule = new ArrayList<>(futureWeeks(11));
        schedule.set(0, LocalDateTime.now().minusDays(1).withNano(0));
        long cohort = cohort(course, 5, schedule);
        CohortView view = asCoordinator.call(() -> cohorts.cohort(cohort));
        RegisterSession first = asCoordinator.call(() -> attendance.registerSession(view.sessions().get(0).id()));
        assertEquals(cohort, first.cohortId());
        assertEquals(1, first.number());
        assertEquals("Introduction", first.title());
        assertTrue(first.takeable(), "yesterday's register can be taken");
        assertFalse(asCoordinator.call(() -> attendance.registerSession(view.sessions().get(1).id())).takeable(),
                "next week's cannot yet");

        long jo = asCoordinator.call(() -> enrolling.enrol(cohort, "jo.lee"));
        long mark = asCoordinator.call(() -> enrolling.enrol(cohort, "mark.evans"));
        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", 100));
        asCoordinator.run(() -> allocations.allocate(jo, "tom.barker", null));
        Map<Long, CohortAllocation> lines = new HashMap<>();
        asCoordinator.call(() -> allocations.ofCohort(cohort)).forEach(l -> lines.put(l.enrolmentId(), l));
        assertEquals("Tom Barker", lines.get(jo).supervisorName());
        assertEquals("tom.barker", lines.get(jo).supervisorUsername());
        assertNull(lines.get(mark).supervisorName());
        for (long id : List.of(jo, mark)) {
            assertEquals(asCoordinator.call(() -> allocations.suggest(id)).map(SupervisorLoad::username).orElse(null),
                    lines.get(id).suggestion() == null ? null : lines.get(id).suggestion().username(),
                    "the cohort's suggestions are those made one by one");
        }
        assertNotEquals("tom.barker", lines.get(jo).suggestion() == null ? null : lines.get(jo).suggestion().username(),
                "the current supervisor is not suggested again");
        move(mark, EnrolmentStatus.WITHDRAWN, "Left the service");
        assertNull(asCoordinator.call(() -> allocations.ofCohort(cohort)).stream().filter(l -> l.enrolmentId() == mark)
                .findFirst().orElseThrow().suggestion(), "nobody is suggested for an enrolment that has ended");
    }

    @Test
    void issue4_aScheduleChangedBySomeoneElseSinceItWasOpenedIsNotOverwritten() throws Exception {
        long cohort = cohort(published(), 5, futureWeeks(11));
        CohortView opened = asCoordinator.call(() -> cohorts.cohort(cohort));
        List<LocalDateTime> later = futureWeeks(11).stream().map(d -> d.plusDays(1)).toList();
        asCoordinator.run(() -> cohorts.reschedule(cohort, later, opened.version()));
        CohortView after = asCoordinator.call(() -> cohorts.cohort(cohort));
        assertEquals(later, after.sessions().stream().map(s -> s.startsAt()).toList());
        assertTrue(after.version() > opened.version(), "a new schedule is a change to the cohort");
        assertRefused("cohort.stale", "Someone else changed this cohort", () -> cohorts.reschedule(cohort,
                futureWeeks(11), opened.version()));
        assertRefused("cohort.stale", "Someone else changed this cohort", () -> cohorts.update(cohort,
                details("Renamed", 5, LocalDate.now()), opened.version()));
        assertEquals(later, asCoordinator.call(() -> cohorts.cohort(cohort)).sessions().stream().map(s -> s.startsAt())
                .toList(), "the refused schedule changed nothing");
        assertEquals(1, sql.count("select count(*) from audit_entry where action = 'COHORT_RESCHEDULED' and subject_id = ?",
                String.valueOf(cohort)));
    }

    // ---------------------------------------------------------------- access

    @Test
    void issue4_recordsAreReadOnlyByTheCandidateTheAllocatedSupervisorAndCoordinatorsAndNotesStayConfidential() throws Exception {
        long cohort = cohort(published(), 5, pastWeeks(11));
        long amaras = asCoordinator.call(() -> enrolling.enrol(cohort, AMARA));
        long jos = asCoordinator.call(() -> enrolling.enrol(cohort, "jo.lee"));
        asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, 100));
        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", 100));
        asCoordinator.run(() -> allocations.allocate(amaras, GRACE, null));
        asCoordinator.run(() -> allocations.allocate(jos, "tom.barker", null));
        asCoordinator.call(() -> confidentialNotes.addNote(amaras, "Discussed a difficult week; agreed extra check-ins."));
        asSupervisor.call(() -> confidentialNotes.addNote(amaras, "Check-in went well."));

        assertEquals(2, asSupervisor.call(() -> records.record(amaras)).notes().size());
        assertEquals(2, asCoordinator.call(() -> records.record(amaras)).notes().size());
        CandidateRecord own = asCandidate.call(() -> records.record(amaras));
        assertTrue(own.notes().isEmpty(), "the candidate does not read confidential notes");
        assertEquals("Grace Mitchell", own.supervisorName());
        assertTrue(asCandidate.call(() -> ownEnrolments.myEnrolments()).stream().anyMatch(e -> e.id() == amaras));

        assertRefused(asCandidate, "enrolment.notFound", "not yours", () -> records.record(jos));
        assertRefused(asCandidate, "enrolment.notFound", "not yours", () -> agreements.acceptAgreement(jos));
        assertRefused(asCandidate, "enrolment.notFound", "not yours", () -> agreements.agreement(jos));
        assertRefused(asSupervisor, "enrolment.notFound", "not yours", () -> records.record(jos));
        assertRefused(asSupervisor, "enrolment.notFound", "not yours", () -> confidentialNotes.addNote(jos, "Not my candidate"));
        assertEquals(0, sql.count("select count(*) from confidential_note where enrolment_id = ?", jos));

        HrRecord hr = asHr.call(() -> hrRecords.hrRecord(amaras));
        assertEquals("Amara Okafor", hr.displayName());
        assertEquals("Community Mental Health Team North", hr.department());
        assertEquals(EnrolmentStatus.ENROLLED, hr.status());
        assertEquals(List.of("enrolmentId", "displayName", "department", "courseCode", "cohortName", "status",
                "enrolledAt", "statusChangedAt", "expectedEndDate", "completedAt"),
                Arrays.stream(HrRecord.class.getRecordComponents()).map(c -> c.getName()).toList(),
                "HR's view carries names, departments, statuses and dates only: no notes");
        assertTrue(asHr.call(() -> hrRecords.hrRecords()).stream().anyMatch(r -> r.enrolmentId() == jos));
        assertTrue(sql.count("select count(*) from audit_entry where action = 'CANDIDATE_RECORD_READ' and subject_id = ?",
                String.valueOf(amaras)) >= 2, "reads of the record by others are audited");
    }

    @Test
    void issue4_theRecordPageShowsTheProfileAndEveryEnrolmentTheReaderMayReadAndNothingMore() throws Exception {
        long course = published();
        long first = cohort(course, 5, pastWeeks(11));
        long later = cohort(course, 5, futureWeeks(11));
        long other = cohort(published(), 5, pastWeeks(11));
        long graces = asCoordinator.call(() -> enrolling.enrol(first, AMARA));
        long toms = asCoordinator.call(() -> enrolling.enrol(other, AMARA));
        long jos = asCoordinator.call(() -> enrolling.enrol(first, "jo.lee"));
        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", 100));
        asCoordinator.run(() -> allocations.allocate(graces, GRACE, "same team"));
        asCoordinator.run(() -> allocations.allocate(toms, "tom.barker", null));
        move(graces, EnrolmentStatus.ACTIVE, null);
        asSupervisor.call(() -> confidentialNotes.addNote(graces, "Asked for <b>extra</b> support with session 3."));
        try {
            PersonRecord coordinators = asCoordinator.call(() -> records.personRecord(graces));
            assertEquals("Amara Okafor", coordinators.displayName());
            assertEquals("Peer Support Worker", coordinators.jobTitle());
            assertEquals("Community Mental Health Team North", coordinators.department());
            assertEquals("Northshire Health and Care NHS Foundation Trust", coordinators.organisation());
            assertEquals("amara.okafor@northshire-demo.nhs.example", coordinators.email());
            assertEquals("Grace Mitchell", coordinators.lineManager(), "the manager's name, read from the directory");
            assertEquals(graces, coordinators.enrolments().get(0).enrolmentId(), "the enrolment asked for comes first");
            assertTrue(ids(coordinators).containsAll(List.of(graces, toms)), "coordinators see every enrolment");
            EnrolmentRecord active = coordinators.enrolments().get(0);
            assertEquals(EnrolmentStatus.ACTIVE, active.status());
            assertEquals(List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.ACTIVE), active.history().stream()
                    .map(h -> h.to()).toList());
            assertEquals(AsCoordinator.ACCOUNT.username(), active.history().get(1).actor());
            assertEquals("Grace Mitchell", coordinators.nameOf(GRACE), "people are named, not shown by username");
            assertEquals(11, active.sessions().size());
            assertEquals("What is Recovery?", active.sessions().get(1).title());
            assertEquals(100, active.attendanceRate().percent(), "nothing marked yet");
            assertEquals("Grace Mitchell", active.supervisorName());
            assertEquals(List.of(GRACE), active.allocations().stream().map(a -> a.supervisorUsername()).toList());
            assertEquals("same team", active.allocations().get(0).reason());
            assertEquals(List.of("Asked for <b>extra</b> support with session 3."), active.notes().stream()
                    .map(n -> n.text()).toList(), "kept as typed: the page escapes it");
            assertEquals("Grace Mitchell", coordinators.nameOf(active.notes().get(0).author()));
            assertEquals(List.of(later), active.deferralCohorts().stream().map(c -> c.id()).toList(),
                    "the later cohort of the same course is offered for deferral");
            assertTrue(coordinators.coordinator());

            long readsBefore = sql.count("select count(*) from audit_entry where action = 'CANDIDATE_RECORD_READ' "
                    + "and subject_id = ?", String.valueOf(graces));
            PersonRecord supervisors = asSupervisor.call(() -> records.personRecord(graces));
            assertEquals(readsBefore + 1, sql.count("select count(*) from audit_entry where action = 'CANDIDATE_RECORD_READ' "
                    + "and subject_id = ?", String.valueOf(graces)), "the supervisor's read is audited");
            assertEquals(graces, supervisors.enrolments().get(0).enrolmentId());
            assertFalse(ids(supervisors).contains(toms), "Grace sees only the enrolments allocated to her");
            assertEquals(1, supervisors.enrolments().get(0).notes().size());
            assertTrue(supervisors.enrolments().get(0).allocations().isEmpty(), "allocation history is for coordinators");
            assertTrue(supervisors.enrolments().get(0).deferralCohorts().isEmpty());
            assertFalse(supervisors.coordinator());
            assertRefused(asSupervisor, "enrolment.notFound", "not yours", () -> records.personRecord(toms));
            assertRefused(asSupervisor, "enrolment.notFound", "not yours", () -> records.personRecord(jos));

            PersonRecord own = asCandidate.call(() -> records.personRecord(toms));
            assertEquals(toms, own.enrolments().get(0).enrolmentId());
            assertTrue(ids(own).containsAll(List.of(graces, toms)), "a candidate sees all of their own enrolments");
            assertTrue(own.enrolments().stream().allMatch(e -> !e.notesVisible() && e.notes().isEmpty()),
                    "the candidate never reads confidential notes");
            assertTrue(own.enrolments().stream().allMatch(e -> e.allocations().isEmpty()));
            assertRefused(asCandidate, "enrolment.notFound", "not yours", () -> records.personRecord(jos));
            assertRefused(asCandidate, "enrolment.notFound", "not yours", () -> records.personRecord(-1));
            assertThrows(EJBAccessException.class, () -> asHr.call(() -> records.personRecord(graces)),
                    "HR never reads a record");

            assertEquals(null, asCoordinator.call(() -> records.personRecord(jos)).lineManager(),
                    "Jo Lee's directory entry names no manager");
            assertEquals("Tom Barker", sql.rows("select line_manager from person where username = 'dylan.hughes'").get(0)
                    .get("line_manager"), "kept on the person record");
        } finally {
            for (long id : List.of(graces, toms, jos)) {
                move(id, EnrolmentStatus.WITHDRAWN, "test data");
            }
        }
    }

    @Test
    void issue4_aCandidateSeesTheirDatedScheduleAndTheAgreementFromTheirFirstSession() throws Exception {
        long course = published();
        List<LocalDateTime> schedule = new ArrayList<>(futureWeeks(11));
        schedule.set(0, LocalDateTime.now().minusWeeks(2).withNano(0));
        schedule.set(1, LocalDateTime.now().minusWeeks(1).withNano(0));
        long started = asCoordinator.call(() -> enrolling.enrol(cohort(course, 5, schedule), AMARA));
        long notYet = asCoordinator.call(() -> enrolling.enrol(cohort(course, 5, futureWeeks(11)), AMARA));
        try {
            MyCourse now = myCourse(started);
            assertEquals(11, now.schedule().size());
            assertEquals(List.of(true, true, false), now.schedule().subList(0, 3).stream().map(s -> s.open()).toList());
            assertEquals("Personal Recovery", now.schedule().get(2).title());
            assertEquals(schedule.get(2), now.schedule().get(2).startsAt());
            assertEquals("Recovery College", now.venue());
            assertTrue(now.agreementDue(), "the first session has begun and the agreement is not accepted");
            assertTrue(now.agreementHtml().toLowerCase().contains("confidential"));
            assertFalse(now.agreementHtml().contains("<script"));

            MyCourse later = myCourse(notYet);
            assertFalse(later.agreementDue(), "not before the first session");
            assertEquals(futureWeeks(11).get(0).toLocalDate(), later.agreementFrom().toLocalDate());
            assertTrue(later.schedule().stream().noneMatch(s -> s.open()));

            asCandidate.run(() -> agreements.acceptAgreement(started));
            MyCourse accepted = myCourse(started);
            assertFalse(accepted.agreementDue());
            assertNotNull(accepted.agreementAcceptedAt());
            assertEquals(EnrolmentStatus.ACTIVE, accepted.status(), "accepting the agreement makes the candidate active");

            move(notYet, EnrolmentStatus.WITHDRAWN, "Changed my mind");
            MyCourse withdrawn = myCourse(notYet);
            assertTrue(withdrawn.schedule().isEmpty(), "no schedule for an enrolment that has ended");
            List<Long> order = asCandidate.call(() -> ownEnrolments.myCourses()).stream().map(MyCourse::enrolmentId).toList();
            assertTrue(order.indexOf(started) < order.indexOf(notYet), "running courses come first");
        } finally {
            for (long id : List.of(started, notYet)) {
                if (status(id).isCurrent()) {
                    move(id, EnrolmentStatus.WITHDRAWN, "test data");
                }
            }
        }
    }

    @Test
    void issue4_staffSeeTheirOwnPlaceRequestsAndTheCoordinatorsReasonForDeclining() throws Exception {
        long cohort = cohort(published(), 5, futureWeeks(11));
        String name = asCoordinator.call(() -> cohorts.cohort(cohort)).name();
        assertFalse(asSupervisor.call(() -> placeRequests.myCohortIds()).contains(cohort));
        long request = asSupervisor.call(() -> placeRequests.requestPlace(cohort, "My manager agreed"));
        MyPlaceRequest pending = asSupervisor.call(() -> placeRequests.myPlaceRequests()).get(0);
        assertEquals(request, pending.id(), "newest first");
        assertEquals(PlaceRequestStatus.PENDING, pending.status());
        assertEquals(name, pending.cohortName());
        assertEquals("My manager agreed", pending.message());
        assertTrue(asCandidate.call(() -> placeRequests.myPlaceRequests()).stream().noneMatch(r -> r.id() == request),
                "only the requester sees their request");

        asCoordinator.run(() -> placeRequests.decline(request, "This cohort is for candidates; ask about the assessor course"));
        MyPlaceRequest declined = asSupervisor.call(() -> placeRequests.myPlaceRequests()).stream()
                .filter(r -> r.id() == request).findFirst().orElseThrow();
        assertEquals(PlaceRequestStatus.DECLINED, declined.status());
        assertEquals("This cohort is for candidates; ask about the assessor course", declined.decisionReason());
        assertNotNull(declined.decidedAt());

        long again = asSupervisor.call(() -> placeRequests.requestPlace(cohort, null));
        long enrolment = asCoordinator.call(() -> placeRequests.approve(again));
        assertEquals(PlaceRequestStatus.APPROVED, asSupervisor.call(() -> placeRequests.myPlaceRequests()).get(0).status());
        assertTrue(asSupervisor.call(() -> placeRequests.myCohortIds()).contains(cohort));
        move(enrolment, EnrolmentStatus.WITHDRAWN, "test data");
    }

    @Test
    void issue4_hrPagesThroughEnrolmentsInTheDatabase() throws Exception {
        long cohort = cohort(published(), 5, pastWeeks(11));
        asCoordinator.call(() -> enrolling.enrol(cohort, "helen.shaw"));
        asCoordinator.call(() -> enrolling.enrol(cohort, "jo.lee"));
        long total = sql.count("select count(*) from enrolment");
        ResultPage<HrRecord> first = asHr.call(() -> hrRecords.hrRecordPage(1, 2));
        assertEquals(total, first.total());
        assertEquals(2, first.rows().size());
        assertEquals((total + 1) / 2, first.pages());
        ResultPage<HrRecord> second = asHr.call(() -> hrRecords.hrRecordPage(2, 2));
        assertTrue(second.rows().stream().noneMatch(r -> first.rows().contains(r)), "pages do not overlap");
        ResultPage<HrRecord> beyond = asHr.call(() -> hrRecords.hrRecordPage(10_000, 2));
        assertEquals(first.pages(), beyond.page(), "a page past the end shows the last page");
        ResultPage<HrRecord> all = asHr.call(() -> hrRecords.hrRecordPage(1, 1000));
        assertEquals(HrRecords.MAX_HR_PAGE, all.pageSize(), "a page is never larger than the maximum");
        assertEquals(Math.min(total, HrRecords.MAX_HR_PAGE), all.rows().size());
        List<HrRecord> everyone = new ArrayList<>();
        for (int page = 1; page <= first.pages(); page++) {
            int number = page;
            everyone.addAll(asHr.call(() -> hrRecords.hrRecordPage(number, 2)).rows());
        }
        assertEquals(total, everyone.size(), "every enrolment is on exactly one page");
        String name = cohortName(cohort);
        HrRecord jo = everyone.stream().filter(r -> r.cohortName().equals(name) && r.displayName().equals("Jo Lee"))
                .findFirst().orElseThrow();
        assertEquals(EnrolmentStatus.ENROLLED, jo.status());
        assertNotNull(jo.enrolledAt(), "dates are read as the entity maps them");
        assertEquals(asCoordinator.call(() -> cohorts.cohort(cohort)).endDate(), jo.expectedEndDate());

        ResultPage<HrRecord> found = asHr.call(() -> hrRecords.hrRecordPage("  jO l ", 1, 25));
        assertTrue(found.rows().stream().anyMatch(r -> r.cohortName().equals(name) && r.displayName().equals("Jo Lee")));
        assertTrue(found.rows().stream().allMatch(r -> r.displayName().toLowerCase().contains("jo l")), found.rows().toString());
        assertEquals(sql.count("select count(*) from enrolment e join person p on p.id = e.person_id "
                + "where lower(p.display_name) like '%jo l%'"), found.total(), "the count is of the people looked up");
        assertEquals(0, asHr.call(() -> hrRecords.hrRecordPage("%", 1, 25)).total(), "a wildcard is matched literally");
        assertEquals(0, asHr.call(() -> hrRecords.hrRecordPage("_o Lee", 1, 25)).total(), "so is a one-letter wildcard");
        assertEquals(total, asHr.call(() -> hrRecords.hrRecordPage(" ", 1, 25)).total(), "a blank name means everyone");
    }

    @Test
    void issue4_everyBoundaryMethodRefusesTheRolesItIsNotFor() throws Exception {
        long course = published();
        long cohort = cohort(course, 5, pastWeeks(11));
        long enrolment = asCoordinator.call(() -> enrolling.enrol(cohort, "jo.lee"));
        long session = asCoordinator.call(() -> cohorts.cohort(cohort)).sessions().get(0).id();
        byte[] csv = "username\nhelen.shaw\n".getBytes(StandardCharsets.UTF_8);
        CohortDetails details = details("Matrix", 5, LocalDate.now().minusMonths(3));
        Set<String> coordinator = Set.of("coordinator");
        Set<String> supervisor = Set.of("supervisor");
        Set<String> candidate = Set.of("candidate");
        Set<String> hr = Set.of("hr");
        // every portal role, the safeguarding lead included (a place on a course is open to all staff)
        Set<String> everyone = Set.of("candidate", "supervisor", "verifier", "coordinator", "hr", "safeguarding");
        List<Check> checks = List.of(
                new Check("Cohorts.create", coordinator, () -> cohorts.create(course, details, pastWeeks(11))),
                new Check("Cohorts.update", coordinator, () -> cohorts.update(cohort, details, -1)),
                new Check("Cohorts.reschedule", coordinator, () -> cohorts.reschedule(cohort, List.of(), 0)),
                new Check("Cohorts.openEarly", coordinator, () -> cohorts.openEarly(cohort, 99)),
                new Check("Cohorts.cohortPage", coordinator, () -> cohorts.cohortPage(null, true, 1, 10)),
                new Check("Cohorts.cohort", coordinator, () -> cohorts.cohort(cohort)),
                new Check("Cohorts.courseVersions", coordinator, () -> cohorts.courseVersions()),
                new Check("Cohorts.openCohortPage", everyone, () -> cohorts.openCohortPage(null, 1, 10)),
                new Check("Enrolling.searchDirectory", coordinator, () -> enrolling.searchDirectory("okafor")),
                new Check("Enrolling.enrol", coordinator, () -> enrolling.enrol(-1, "jo.lee")),
                new Check("Enrolling.previewCsv", coordinator, () -> enrolling.previewCsv(cohort, csv)),
                new Check("Enrolling.confirmCsv", coordinator, () -> enrolling.confirmCsv(-1, csv)),
                new Check("Enrolling.enrolGroup", coordinator, () -> enrolling.enrolGroup(-1, "p2p-candidates")),
                new Check("Enrolments.enrolments", coordinator, () -> enrolments.enrolments(cohort)),
                new Check("Enrolments.changeStatus", coordinator, () -> enrolments.changeStatus(enrolment,
                        EnrolmentStatus.COMPLETED, null, -1)),
                new Check("Enrolments.defer", coordinator, () -> enrolments.defer(enrolment, cohort, "x", -1)),
                new Check("PlaceRequests.requestPlace", everyone, () -> placeRequests.requestPlace(-1, null)),
                new Check("PlaceRequests.placeRequests", coordinator, () -> placeRequests.placeRequests(cohort)),
                new Check("PlaceRequests.approve", coordinator, () -> placeRequests.approve(-1)),
                new Check("PlaceRequests.decline", coordinator, () -> placeRequests.decline(-1, "x")),
                new Check("PlaceRequests.waitingPlaceRequests", coordinator, () -> placeRequests.waitingPlaceRequests(5)),
                new Check("Agreements.agreement", candidate, () -> agreements.agreement(enrolment)),
                new Check("Agreements.acceptAgreement", candidate, () -> agreements.acceptAgreement(enrolment)),
                new Check("Attendance.register", coordinator, () -> attendance.register(session)),
                new Check("Attendance.registerSession", coordinator, () -> attendance.registerSession(session)),
                new Check("Attendance.mark", coordinator, () -> attendance.mark(session, -1, AttendanceKind.PRESENT)),
                new Check("Attendance.markAll", coordinator, () -> attendance.markAll(session, Map.of(-1L, AttendanceKind.LATE))),
                new Check("Attendance.rates", coordinator, () -> attendance.rates(cohort)),
                new Check("AttendanceRegisterExport.fileName", coordinator, () -> registerExport.fileName(cohort, ExportFormat.CSV)),
                new Check("AttendanceRegisterExport.write", coordinator,
                        () -> registerExport.write(cohort, ExportFormat.CSV, OutputStream.nullOutputStream())),
                new Check("Allocations.setCaseloadCap", coordinator, () -> allocations.setCaseloadCap("no.such.person", 1)),
                new Check("Allocations.supervisors", coordinator, () -> allocations.supervisors()),
                new Check("Allocations.suggest", coordinator, () -> allocations.suggest(enrolment)),
                new Check("Allocations.ofCohort", coordinator, () -> allocations.ofCohort(cohort)),
                new Check("Allocations.allocate", coordinator, () -> allocations.allocate(enrolment, "no.such.person", null)),
                new Check("Allocations.history", coordinator, () -> allocations.history(enrolment)),
                new Check("Allocations.declareConflict", supervisor, () -> allocations.declareConflict("no.such.person", null)),
                new Check("Allocations.myCaseload", supervisor, () -> allocations.myCaseload()),
                new Check("Allocations.findPeople", supervisor, () -> allocations.findPeople("okafor")),
                new Check("Allocations.myConflicts", supervisor, () -> allocations.myConflicts()),
                new Check("OwnEnrolments.myEnrolments", candidate, () -> ownEnrolments.myEnrolments()),
                new Check("CandidateRecords.record", Set.of("candidate", "supervisor", "coordinator"), () -> records.record(enrolment)),
                new Check("ConfidentialNotes.addNote", Set.of("supervisor", "coordinator"), () -> confidentialNotes.addNote(enrolment, " ")),
                new Check("CandidateRecords.personRecord", Set.of("candidate", "supervisor", "coordinator"),
                        () -> records.personRecord(enrolment)),
                new Check("OwnEnrolments.myCourses", candidate, () -> ownEnrolments.myCourses()),
                new Check("HrRecords.hrRecordPage", hr, () -> hrRecords.hrRecordPage(1, 10)),
                new Check("HrRecords.hrRecordPage(name)", hr, () -> hrRecords.hrRecordPage("lee", 1, 10)),
                new Check("PlaceRequests.myPlaceRequests", everyone, () -> placeRequests.myPlaceRequests()),
                new Check("PlaceRequests.myCohortIds", everyone, () -> placeRequests.myCohortIds()),
                new Check("HrRecords.hrRecords", hr, () -> hrRecords.hrRecords()),
                new Check("HrRecords.hrRecord", hr, () -> hrRecords.hrRecord(enrolment)));
        Set<String> checked = checks.stream().map(c -> c.name().replaceAll("\\(.*", "")).collect(Collectors.toSet());
        assertEquals(List.of(), Stream.of(Cohorts.class, Enrolling.class, Enrolments.class, PlaceRequests.class,
                        Agreements.class, Attendance.class, Allocations.class, CandidateRecords.class, OwnEnrolments.class,
                        ConfidentialNotes.class, HrRecords.class, AttendanceRegisterExport.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                        .filter(m -> !m.isSynthetic()).map(m -> type.getSimpleName() + "." + m.getName()))
                .filter(name -> !checked.contains(name)).distinct().sorted().toList(),
                "every public method of the candidate boundaries is tried as every role");
        Map<String, Runner> roles = Map.of(
                "candidate", call -> asCandidate.run(call::run),
                "supervisor", call -> asSupervisor.run(call::run),
                "verifier", call -> asVerifier.run(call::run),
                "coordinator", call -> asCoordinator.run(call::run),
                "hr", call -> asHr.run(call::run),
                "safeguarding", call -> asSafeguardingLead.run(call::run),
                "governance", RoleMatrix.runner(asGovernance));
        RoleMatrix.assertOnlyAllowedRolesCall(checks, roles);
        assertEquals(EnrolmentStatus.ENROLLED, status(enrolment), "no refused call changed anything");
        assertEquals(0, sql.count("select count(*) from confidential_note where enrolment_id = ?", enrolment));
    }

    // ---------------------------------------------------------------- helpers

    private static List<Long> ids(PersonRecord record) {
        return record.enrolments().stream().map(EnrolmentRecord::enrolmentId).toList();
    }

    private MyCourse myCourse(long enrolmentId) throws Exception {
        return asCandidate.call(() -> ownEnrolments.myCourses()).stream().filter(c -> c.enrolmentId() == enrolmentId)
                .findFirst().orElseThrow();
    }

    private String cohortName(long cohortId) throws Exception {
        return asCoordinator.call(() -> cohorts.cohort(cohortId)).name();
    }

    private long published() throws Exception {
        return published(UnaryOperator.identity());
    }

    /** A published copy of Peer2Peer, its manifest changed by {@code manifest}. */
    private long published(UnaryOperator<String> manifest) throws Exception {
        String code = CoursePackageZips.newCode();
        long id = asCoordinator.call(() -> packages.importPackage(new ByteArrayInputStream(
                CoursePackageZips.peer2peerZip(code, manifest)))).courseId();
        asCoordinator.run(() -> versions.publish(id));
        return id;
    }

    /** Enrols Amara on a new cohort of the course whose first two sessions have opened; her person id. */
    private long enrolAmaraWithTwoSessionsOpen(long courseId) throws Exception {
        List<LocalDateTime> schedule = new ArrayList<>(futureWeeks(11));
        schedule.set(0, LocalDateTime.now().minusWeeks(2));
        schedule.set(1, LocalDateTime.now().minusWeeks(1));
        asCoordinator.call(() -> enrolling.enrol(cohort(courseId, 5, schedule), AMARA));
        return sql.count("select id from person where username = ?", AMARA);
    }

    private String sessionSlug(long courseId, int number) throws SQLException {
        return (String) sql.rows("select slug from course_session where course_id = ? and number = ?", courseId, number)
                .get(0).get("slug");
    }

    private String code(long courseId) throws SQLException {
        return (String) sql.rows("select code from course where id = ?", courseId).get(0).get("code");
    }

    private long cohort(long courseId, int capacity, List<LocalDateTime> schedule) throws Exception {
        CohortDetails details = details("Cohort " + CoursePackageZips.newCode(), capacity, schedule.get(0).toLocalDate());
        return asCoordinator.call(() -> cohorts.create(courseId, details, schedule));
    }

    private static CohortDetails details(String name, int capacity, LocalDate start) {
        return new CohortDetails(name, start, start.plusMonths(6), "Recovery College", null, "Sana Iqbal", capacity, null);
    }

    private static List<LocalDateTime> pastWeeks(int count) {
        LocalDateTime first = LocalDateTime.now().minusWeeks(count + 1L).withNano(0);
        List<LocalDateTime> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(first.plusWeeks(i));
        }
        return dates;
    }

    private static List<LocalDateTime> weeklyFrom(LocalDate start, int count) {
        List<LocalDateTime> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(start.atTime(10, 0).plusWeeks(i));
        }
        return dates;
    }

    private static List<LocalDateTime> futureWeeks(int count) {
        LocalDateTime first = LocalDateTime.now().plusWeeks(1).withNano(0);
        List<LocalDateTime> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(first.plusWeeks(i));
        }
        return dates;
    }

    private void move(long enrolmentId, EnrolmentStatus to, String reason) throws Exception {
        long version = version(enrolmentId);
        asCoordinator.run(() -> enrolments.changeStatus(enrolmentId, to, reason, version));
    }

    private long version(long enrolmentId) throws SQLException {
        return ((Number) sql.rows("select version from enrolment where id = ?", enrolmentId).get(0).get("version")).longValue();
    }

    private EnrolmentStatus status(long enrolmentId) throws SQLException {
        return EnrolmentStatus.valueOf((String) sql.rows("select status from enrolment where id = ?", enrolmentId).get(0)
                .get("status"));
    }

    private List<EnrolmentSummary> enrolled(long cohortId) throws Exception {
        return asCoordinator.call(() -> enrolments.enrolments(cohortId));
    }

    private Map<Long, AttendanceKind> register(long sessionId) throws Exception {
        Map<Long, AttendanceKind> marks = new HashMap<>();
        asCoordinator.call(() -> attendance.register(sessionId)).forEach(l -> marks.put(l.enrolmentId(), l.mark()));
        return marks;
    }

    private Map<String, Long> loads() throws Exception {
        Map<String, Long> loads = new HashMap<>();
        asCoordinator.call(() -> allocations.supervisors()).forEach(s -> loads.put(s.username(), s.caseload()));
        return loads;
    }

    private void assertRefused(String key, String text, Call call) {
        BusinessException refused = assertThrows(BusinessException.class, () -> asCoordinator.run(call::run));
        assertEquals(key, refused.key(), refused.getMessage());
        assertTrue(refused.getMessage().contains(text), refused.getMessage());
        // issue 15: what a person reads is the bundle's wording, the same words
        assertEquals(refused.getMessage(), org.peersupport.portal.platform.boundary.Messages.text(
                java.util.ResourceBundle.getBundle(org.peersupport.portal.platform.boundary.Messages.BUNDLE,
                        java.util.Locale.UK), refused), "the bundle's wording for " + key);
    }

    private void assertRefused(Object as, String key, String text, Call call) {
        BusinessException refused = assertThrows(BusinessException.class, () -> {
            if (as instanceof AsCandidate c) {
                c.run(call::run);
            } else if (as instanceof AsSupervisor s) {
                s.run(call::run);
            } else {
                throw new IllegalArgumentException(String.valueOf(as));
            }
        });
        assertEquals(key, refused.key(), refused.getMessage());
        assertTrue(refused.getMessage().contains(text), refused.getMessage());
        // issue 15: what a person reads is the bundle's wording, the same words
        assertEquals(refused.getMessage(), org.peersupport.portal.platform.boundary.Messages.text(
                java.util.ResourceBundle.getBundle(org.peersupport.portal.platform.boundary.Messages.BUNDLE,
                        java.util.Locale.UK), refused), "the bundle's wording for " + key);
    }
}
