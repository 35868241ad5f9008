package org.peersupport.portal.portfolio;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.peersupport.portal.candidate.boundary.Allocations;
import org.peersupport.portal.candidate.boundary.Cohorts;
import org.peersupport.portal.candidate.boundary.Enrolling;
import org.peersupport.portal.candidate.boundary.Enrolments;
import org.peersupport.portal.candidate.control.StaffDirectory;
import org.peersupport.portal.candidate.entity.CohortDetails;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.course.CoursePackageZips;
import org.peersupport.portal.course.boundary.CoursePackages;
import org.peersupport.portal.course.boundary.CourseVersionAdministration;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.boundary.EvidenceItems;
import org.peersupport.portal.portfolio.boundary.ItemEdit;
import org.peersupport.portal.portfolio.boundary.ItemPage;
import org.peersupport.portal.portfolio.boundary.ItemView;
import org.peersupport.portal.portfolio.boundary.MatrixCell;
import org.peersupport.portal.portfolio.boundary.PortfolioStatus;
import org.peersupport.portal.portfolio.boundary.PortfolioSummary;
import org.peersupport.portal.portfolio.boundary.Portfolios;
import org.peersupport.portal.portfolio.boundary.Saved;
import org.peersupport.portal.portfolio.boundary.SubmissionView;
import org.peersupport.portal.portfolio.boundary.Submissions;
import org.peersupport.portal.portfolio.boundary.SubmitOutcome;
import org.peersupport.portal.portfolio.boundary.TaskLine;
import org.peersupport.portal.portfolio.boundary.Testimonies;
import org.peersupport.portal.portfolio.boundary.TestimonyRequest;
import org.peersupport.portal.portfolio.control.RequirementState;
import org.peersupport.portal.portfolio.entity.EvidenceKind;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;
import org.peersupport.portal.portfolio.entity.Testimony;
import org.peersupport.portal.portfolio.entity.WitnessStatus;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsCoordinator;
import org.peersupport.portal.support.AsHr;
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

/**
 * Issue 5 (first half), the portfolio of evidence, through the boundaries as real roles (see {@link RunAsDeployment})
 * inside Payara Micro on PostgreSQL with the demo directory. Each test imports the Peer2Peer package under a course
 * code of its own and enrols Amara Okafor (candidate) on a cohort of it, supervised by Grace Mitchell, so tests share
 * no portfolio and run in any order. The test settings limit evidence files to 1 MB.
 */
@ExtendWith(ArquillianExtension.class)
class PortfolioIT {

    private static final String AMARA = AsCandidate.ACCOUNT.username();
    private static final String GRACE = AsSupervisor.ACCOUNT.username();
    private static final String HELEN = AsVerifier.ACCOUNT.username();
    private static final String DECLARATION = "I declare that this work is my own.";

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(PortfolioIT.class, PortfolioIT.Fixture.class, CoursePackageZips.class,
                Sql.class, DemoAccount.class));
    }

    @Inject
    CoursePackages packages;

    @Inject
    CourseVersionAdministration versions;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrolments enrolments;

    @Inject
    Enrolling enrolling;

    @Inject
    Allocations allocations;

    @Inject
    Portfolios portfolios;

    @Inject
    EvidenceItems evidenceItems;

    @Inject
    Submissions submissions;

    @Inject
    Testimonies testimonies;

    @Inject
    StaffDirectory staff;

    @Inject
    AsCoordinator asCoordinator;

    @Inject
    AsCandidate asCandidate;

    @Inject
    AsSupervisor asSupervisor;

    @Inject
    AsVerifier asVerifier;

    @Inject
    AsHr asHr;

    @Inject
    Sql sql;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    /** A course version of the test's own, a cohort of it, and Amara's active enrolment on it, supervised by Grace. */
    record Fixture(long course, long cohort, long enrolment) {
    }

    /** Enrolments this test made, withdrawn afterwards so that they leave the supervisors' caseloads as they were. */
    private final List<Long> enrolled = new ArrayList<>();

    @BeforeEach
    void supervisorsHaveRoom() throws Exception {
        asCoordinator.run(() -> allocations.setCaseloadCap(GRACE, 100));
        asCoordinator.run(() -> allocations.setCaseloadCap("tom.barker", 100));
    }

    @AfterEach
    void withdrawTheTestsEnrolments() throws Exception {
        for (long id : enrolled) {
            String status = (String) sql.rows("select status from enrolment where id = ?", id).get(0).get("status");
            if (EnrolmentStatus.valueOf(status).isCurrent()) {
                move(id, EnrolmentStatus.WITHDRAWN, "test finished");
            }
        }
    }

    // ---------------------------------------------------------------- the four kinds

    @Test
    void issue5_aCandidateCreatesEachKindOfEvidenceAndTheServerSanitisesAndCountsWrittenWork() throws Exception {
        Fixture f = enrolled();
        long written = asCandidate.call(() -> evidenceItems.createWritten(f.enrolment(), "My recovery story"));
        String typed = "<p>My story</p><script>alert('stolen')</script>"
                + "<p onclick=\"steal()\">Hope <img src=x onerror=\"steal()\"> and <a href=\"javascript:steal()\">change</a></p>";
        Saved saved = asCandidate.call(() -> evidenceItems.save(written, edit("My recovery story", typed, Set.of()),
                version(written)));
        ItemView piece = asCandidate.call(() -> portfolios.itemPage(written).item());
        assertEquals(EvidenceKind.WRITTEN, piece.kind());
        assertFalse(piece.bodyHtml().contains("script") || piece.bodyHtml().contains("stolen"), piece.bodyHtml());
        assertFalse(piece.bodyHtml().contains("onclick") || piece.bodyHtml().contains("<img")
                || piece.bodyHtml().contains("javascript"), piece.bodyHtml());
        assertTrue(piece.bodyHtml().contains("<p>My story</p>") && piece.bodyHtml().contains("Hope"), piece.bodyHtml());
        assertEquals(5, saved.wordCount(), "counted on the server, from the sanitised text");
        assertEquals(5, piece.wordCount());

        Saved autosaved = asCandidate.call(() -> evidenceItems.autosave(written,
                "<p>My story, continued as I type</p>", version(written)));
        assertEquals(6, autosaved.wordCount());
        assertNotNull(asCandidate.call(() -> portfolios.itemPage(written).item()).draftSavedAt());
        long old = autosaved.version() - 1;
        assertRefused(asCandidate, "evidence.stale", "another tab", () -> evidenceItems.autosave(written, "<p>old tab</p>", old));
        assertEquals("<p>My story, continued as I type</p>", asCandidate.call(() -> portfolios.itemPage(written).item()).bodyHtml(),
                "the stale save changed nothing");

        LocalDate day = LocalDate.now().minusDays(3);
        long reflection = asCandidate.call(() -> evidenceItems.createReflection(f.enrolment(), "After session 4", day));
        asCandidate.call(() -> evidenceItems.autosave(reflection, "<p>What I noticed about <em>mutuality</em></p>",
                version(reflection)));
        ItemView log = asCandidate.call(() -> portfolios.itemPage(reflection).item());
        assertEquals(EvidenceKind.REFLECTION, log.kind());
        assertEquals(day, log.reflectionDate());
        assertEquals(5, log.wordCount());

        byte[] pdf = pdf("Observation notes");
        long file = asCandidate.call(() -> evidenceItems.createFile(f.enrolment(), "Observation notes",
                new ByteArrayInputStream(pdf), "observation.pdf"));
        ItemView upload = asCandidate.call(() -> portfolios.itemPage(file).item());
        assertEquals("observation.pdf", upload.file().fileName());
        assertEquals("application/pdf", upload.file().mediaType());
        assertEquals(pdf.length, upload.file().size());
        assertArrayEquals(pdf, download(asCandidate.call(() -> portfolios.itemFile(file))));

        // a testimony the candidate writes, confirmed by the witness they name (here Mark Evans, from the directory)
        long asked = asCandidate.call(() -> testimonies.request(f.enrolment(), "Supporting a new starter", "mark.evans",
                new Testimony(null, "Workforce Development Officer", "Supervised my induction work",
                        "Amara welcomed a new peer worker and shared her own experience with care.")));
        ItemView awaiting = asCandidate.call(() -> portfolios.itemPage(asked).item());
        assertEquals(WitnessStatus.AWAITING, awaiting.testimony().status());
        assertEquals("Mark Evans", awaiting.testimony().name(), "the witness's name comes from the directory");
        assertRefused(asCandidate, "testimony.witness.self", "someone else", () -> testimonies.request(f.enrolment(),
                "Me", AMARA, new Testimony(null, "Peer worker", "Myself", "I did well.")));
        assertRefused(asCoordinator, "evidence.notFound", "not yours", () -> testimonies.confirm(asked, version(asked)));
        List<TestimonyRequest> waiting = asHr.call(() -> testimonies.toConfirm());
        TestimonyRequest request = waiting.stream().filter(r -> r.itemId() == asked).findFirst().orElseThrow();
        assertEquals("Amara Okafor", request.candidateName());
        assertTrue(request.testimony().statement().contains("shared her own experience"));
        assertEquals(1, sql.count("select count(*) from audit_entry where action = 'TESTIMONY_READ' and " + AuditActors.BY_PERSON + " "
                + "and subject_id = ?", "mark.evans", String.valueOf(asked)), "the witness's read is audited");
        asHr.run(() -> testimonies.confirm(asked, request.version()));
        assertEquals(WitnessStatus.CONFIRMED, asCandidate.call(() -> portfolios.itemPage(asked).item()).testimony().status());
        assertTrue(asHr.call(() -> testimonies.toConfirm()).stream().noneMatch(r -> r.itemId() == asked));

        // a testimony the allocated supervisor records
        long recorded = asSupervisor.call(() -> testimonies.record(f.enrolment(), "Facilitating the Tuesday group",
                new Testimony("Sam Patel", "Volunteer coordinator", "Observed the group",
                        "Amara kept the group safe and let everyone speak.")));
        ItemView heard = asCandidate.call(() -> portfolios.itemPage(recorded).item());
        assertEquals(WitnessStatus.RECORDED, heard.testimony().status());
        assertEquals(GRACE, heard.testimony().recordedBy());

        var portfolio = asCandidate.call(() -> portfolios.portfolio(f.enrolment()));
        assertEquals(Set.of(written, reflection, file, asked, recorded),
                Set.copyOf(portfolio.items().stream().map(i -> i.id()).toList()));
        assertEquals(List.of("ESSAY", "PORTFOLIO"), portfolio.tasks().stream().map(TaskLine::code).toList());
        assertTrue(portfolio.tasks().stream().allMatch(TaskLine::canSubmit));
        PortfolioSummary summary = asCandidate.call(() -> portfolios.myPortfolios()).stream()
                .filter(p -> p.heading().enrolmentId() == f.enrolment()).findFirst().orElseThrow();
        assertEquals(5, summary.items());
        assertEquals(5, sql.count("select count(*) from audit_entry where action in ('EVIDENCE_CREATED', "
                + "'TESTIMONY_REQUESTED', 'TESTIMONY_RECORDED') and subject_type = 'EvidenceItem' and subject_id in (?, ?, ?, ?, ?)",
                String.valueOf(written), String.valueOf(reflection), String.valueOf(file), String.valueOf(asked),
                String.valueOf(recorded)), "every creation is audited");
    }

    @Test
    void issue5_uploadsAreCheckedByTheirContentAndTheSizeLimitAndReplacingAFileKeepsStoredFilesImmutable() throws Exception {
        Fixture f = enrolled();
        long before = sql.count("select count(*) from stored_file");
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        exe[128] = 'P';
        exe[129] = 'E';
        BusinessException disguised = assertThrows(BusinessException.class, () -> asCandidate.call(() ->
                evidenceItems.createFile(f.enrolment(), "Notes", new ByteArrayInputStream(exe), "notes.pdf")));
        assertTrue(disguised.key().startsWith("evidence.upload.refused"), disguised.key());
        assertTrue(disguised.getMessage().startsWith("notes.pdf is not a PDF"), disguised.getMessage());

        byte[] large = new byte[1024 * 1024 + 1];
        System.arraycopy(pdf("big"), 0, large, 0, 20);
        BusinessException tooLarge = assertThrows(BusinessException.class, () -> asCandidate.call(() ->
                evidenceItems.createFile(f.enrolment(), "Recording", new ByteArrayInputStream(large), "recording.pdf")));
        assertEquals("recording.pdf is over the 1 MB limit for uploads.", tooLarge.getMessage());
        assertEquals(before, sql.count("select count(*) from stored_file"), "a refused upload stores nothing");
        assertTrue(asCandidate.call(() -> portfolios.portfolio(f.enrolment())).items().isEmpty());

        long item = asCandidate.call(() -> evidenceItems.createFile(f.enrolment(), null, new ByteArrayInputStream(
                "Reflective notes from my placement.\n".getBytes(StandardCharsets.UTF_8)), "placement notes.txt"));
        ItemView first = asCandidate.call(() -> portfolios.itemPage(item).item());
        assertEquals("placement notes.txt", first.title(), "the file's name when no title is given");
        assertEquals("text/plain", first.file().mediaType());
        long firstFile = storedFileOf(item);
        asCandidate.call(() -> evidenceItems.replaceFile(item, new ByteArrayInputStream(pdf("v2")), "notes-v2.pdf",
                version(item)));
        long secondFile = storedFileOf(item);
        assertNotEquals(firstFile, secondFile, "a replaced file is a new stored file");
        assertEquals(0, sql.count("select count(*) from stored_file where id = ?", firstFile),
                "an unsubmitted previous file is deleted");
        assertRefused(asCandidate, "evidence.upload.refused.type_not_allowed", "not a PDF", () -> evidenceItems.replaceFile(item,
                new ByteArrayInputStream(exe), "v3.pdf", version(item)));
        assertEquals(secondFile, storedFileOf(item), "a refused replacement changes nothing");
        assertThrows(SQLException.class, () -> sql.update("update stored_file set sha256 = 'x' where id = ?", secondFile),
                "stored files are immutable in the database");
        assertThrows(SQLException.class, () -> sql.update("update stored_file_chunk set data = '\\x00' where file_id = ?",
                secondFile));
    }

    // ---------------------------------------------------------------- mapping and the matrix

    @Test
    void issue5_itemsMapToTheirCoursesRequirementsAndTheMatrixShowsWhereEachStands() throws Exception {
        Fixture f = enrolled();
        List<MatrixCell> cells = asCandidate.call(() -> portfolios.matrix(f.enrolment())).cells();
        assertEquals(16, cells.size(), "Peer2Peer has 16 evidence requirements in two units");
        assertTrue(cells.stream().allMatch(c -> c.state() == RequirementState.NOT_STARTED));

        long rc21 = requirement(f, "RC.2.1");
        long rc22 = requirement(f, "RC.2.2");
        long essay = asCandidate.call(() -> evidenceItems.createWritten(f.enrolment(), "Essay draft"));
        asCandidate.call(() -> evidenceItems.save(essay, edit("Essay draft", "<p>My story</p>", Set.of(rc21, rc22)),
                version(essay)));
        long notes = asCandidate.call(() -> evidenceItems.createReflection(f.enrolment(), "Notes", null));
        asCandidate.call(() -> evidenceItems.save(notes, new ItemEdit("Notes", false, Set.of(rc21), "<p>More</p>",
                LocalDate.now(), null, null), version(notes)));
        assertEquals(List.of("RC.2.1", "RC.2.2"), asCandidate.call(() -> portfolios.itemPage(essay).item()).requirementCodes());

        Map<String, MatrixCell> matrix = matrix(f);
        assertEquals(RequirementState.WORKING_TOWARDS, matrix.get("RC.2.1").state());
        assertEquals(2, matrix.get("RC.2.1").mappedItems());
        assertEquals(RequirementState.WORKING_TOWARDS, matrix.get("RC.2.2").state());
        assertEquals(RequirementState.NOT_STARTED, matrix.get("RC.1.1").state());

        // the evidence page reads the item with its portfolio's matrix in one call: the same mapping, states and counts
        ItemPage page = asCandidate.call(() -> portfolios.itemPage(essay));
        assertEquals(List.of("RC.2.1", "RC.2.2"), page.item().requirementCodes());
        assertEquals(Set.of(rc21, rc22), page.item().requirementIds());
        assertEquals(asCandidate.call(() -> portfolios.matrix(f.enrolment())).cells(), page.matrix().cells());

        Fixture other = enrolled();
        long foreign = requirement(other, "RC.2.1");
        assertRefused(asCandidate, "evidence.requirements.invalid", "of your course", () -> evidenceItems.save(essay,
                edit("Essay draft", "<p>My story</p>", Set.of(rc21, foreign)), version(essay)));

        // the assessment feature judges requirements met in requirement_judgement: the latest judgement counts
        judge(f, rc21, true);
        assertEquals(RequirementState.MET, matrix(f).get("RC.2.1").state());
        judge(f, rc21, false);
        assertEquals(RequirementState.WORKING_TOWARDS, matrix(f).get("RC.2.1").state());
        judge(f, rc22, true);
        assertEquals(RequirementState.MET, matrix(f).get("RC.2.2").state());
        assertThrows(SQLException.class, () -> sql.update("delete from requirement_judgement where enrolment_id = ?",
                f.enrolment()), "judgements are append-only");

        // the allocated supervisor, coordinators and HR see the matrix's statuses too
        assertEquals(RequirementState.MET, asSupervisor.call(() -> portfolios.matrix(f.enrolment())).cells().stream()
                .filter(c -> c.code().equals("RC.2.2")).findFirst().orElseThrow().state());
        assertEquals(16, asHr.call(() -> portfolios.matrix(f.enrolment())).cells().size());

        // unmapping moves a requirement back
        asCandidate.call(() -> evidenceItems.save(notes, new ItemEdit("Notes", false, Set.of(), "<p>More</p>",
                LocalDate.now(), null, null), version(notes)));
        assertEquals(1, matrix(f).get("RC.2.1").mappedItems());

        // a paused candidate's portfolio is read-only
        move(f.enrolment(), EnrolmentStatus.PAUSED, "A break");
        assertRefused(asCandidate, "portfolio.closed", "paused", () -> evidenceItems.createWritten(f.enrolment(), "New"));
        assertEquals(2, asCandidate.call(() -> portfolios.portfolio(f.enrolment())).items().size());
        assertFalse(asCandidate.call(() -> portfolios.portfolio(f.enrolment())).heading().editable());
    }

    // ---------------------------------------------------------------- submissions

    @Test
    void issue5_aSubmissionIsAFrozenNumberedSnapshotThatLaterEditsNeverChange() throws Exception {
        Fixture f = enrolled();
        long essay = task(f, "ESSAY");
        long rc21 = requirement(f, "RC.2.1");
        long piece = asCandidate.call(() -> evidenceItems.createWritten(f.enrolment(), "My recovery story"));
        asCandidate.call(() -> evidenceItems.save(piece, edit("My recovery story", "<p>First draft of my story</p>",
                Set.of(rc21)), version(piece)));
        byte[] firstPdf = pdf("first");
        long file = asCandidate.call(() -> evidenceItems.createFile(f.enrolment(), "Reading list",
                new ByteArrayInputStream(firstPdf), "reading.pdf"));
        long unconfirmed = asCandidate.call(() -> testimonies.request(f.enrolment(), "Ward shadowing", "mark.evans",
                new Testimony(null, "Officer", "Manager", "Statement")));

        assertRefused(asCandidate, "submission.declaration.required", "declaration", () -> submissions.submit(f.enrolment(),
                essay, List.of(piece), false, DECLARATION, token()));
        assertRefused(asCandidate, "submission.items.required", "at least one", () -> submissions.submit(f.enrolment(),
                essay, List.of(), true, DECLARATION, token()));
        assertRefused(asCandidate, "submission.item.unconfirmed", "not confirmed", () -> submissions.submit(f.enrolment(),
                essay, List.of(piece, unconfirmed), true, DECLARATION, token()));
        assertEquals(0, submissionCount(f, essay), "refused submissions leave nothing behind");

        SubmitOutcome first = asCandidate.call(() -> submissions.submit(f.enrolment(), essay, List.of(piece, file), true,
                DECLARATION, token()));
        assertTrue(first.created());
        assertEquals(1, first.attempt());

        // the candidate keeps editing the drafts
        asCandidate.call(() -> evidenceItems.save(piece, edit("My recovery story, revised", "<p>Second draft</p>", Set.of()),
                version(piece)));
        long firstStored = storedFileOf(file);
        asCandidate.call(() -> evidenceItems.replaceFile(file, new ByteArrayInputStream(pdf("second")), "reading-2.pdf",
                version(file)));

        SubmissionView frozen = asCandidate.call(() -> submissions.submission(first.submissionId()));
        assertEquals(SubmissionStatus.SUBMITTED, frozen.status());
        assertEquals(DECLARATION, frozen.declaration());
        assertEquals(AMARA, frozen.submittedBy());
        assertEquals(List.of("My recovery story", "Reading list"), frozen.items().stream().map(i -> i.title()).toList());
        assertEquals("<p>First draft of my story</p>", frozen.items().get(0).bodyHtml());
        assertEquals(List.of("RC.2.1"), frozen.items().get(0).requirementCodes());
        assertEquals("reading.pdf", frozen.items().get(1).file().fileName());
        assertEquals(1, sql.count("select count(*) from stored_file where id = ?", firstStored),
                "the submitted file is kept when the draft's file is replaced");
        assertArrayEquals(firstPdf, download(asCandidate.call(() -> submissions.submittedFile(frozen.items().get(1).id()))));

        // the database refuses to change a snapshot, and lets only the status of a submission change
        assertThrows(SQLException.class, () -> sql.update("update submission_item set title = 'x' where submission_id = ?",
                first.submissionId()));
        assertThrows(SQLException.class, () -> sql.update("delete from submission_item where submission_id = ?",
                first.submissionId()));
        assertThrows(SQLException.class, () -> sql.update("update submission set declaration = 'x' where id = ?",
                first.submissionId()));
        assertThrows(SQLException.class, () -> sql.update("delete from submission where id = ?", first.submissionId()));
        assertThrows(SQLException.class, () -> sql.update("delete from stored_file where id = ?", firstStored),
                "a submitted file cannot be deleted");

        // no second attempt while the first waits for review: the existing one comes back
        SubmitOutcome again = asCandidate.call(() -> submissions.submit(f.enrolment(), essay, List.of(piece), true,
                DECLARATION, token()));
        assertFalse(again.created());
        assertEquals(first.submissionId(), again.submissionId());
        assertEquals(1, submissionCount(f, essay));
        TaskLine line = asCandidate.call(() -> portfolios.portfolio(f.enrolment())).tasks().get(0);
        assertFalse(line.canSubmit());

        // once referred back (the assessment feature sets the status), attempt 2 freezes the revised draft
        sql.update("update submission set status = 'REFERRED_BACK', status_changed_at = now() where id = ?",
                first.submissionId());
        SubmitOutcome second = asCandidate.call(() -> submissions.submit(f.enrolment(), essay, List.of(piece), true,
                DECLARATION, token()));
        assertTrue(second.created());
        assertEquals(2, second.attempt());
        assertEquals("<p>Second draft</p>", asCandidate.call(() -> submissions.submission(second.submissionId()))
                .items().get(0).bodyHtml());
        assertEquals("<p>First draft of my story</p>", asCandidate.call(() -> submissions.submission(first.submissionId()))
                .items().get(0).bodyHtml());
        assertEquals(List.of(2, 1), asCandidate.call(() -> portfolios.portfolio(f.enrolment())).tasks().get(0)
                .submissions().stream().map(s -> s.attempt()).toList());
        assertEquals(2, sql.count("select count(*) from audit_entry where action = 'SUBMISSION_CREATED' and subject_id in (?, ?)",
                String.valueOf(first.submissionId()), String.valueOf(second.submissionId())));

        // deleting the draft leaves the submissions as they were
        asCandidate.run(() -> evidenceItems.delete(piece, version(piece)));
        assertEquals("<p>Second draft</p>", asCandidate.call(() -> submissions.submission(second.submissionId()))
                .items().get(0).bodyHtml());
    }

    @Test
    void issue5_submittingTwiceWithTheSameTokenOrTwoRacingRequestsMakesOneSubmission() throws Exception {
        Fixture f = enrolled();
        long piece = asCandidate.call(() -> evidenceItems.createWritten(f.enrolment(), "Essay"));
        asCandidate.call(() -> evidenceItems.save(piece, edit("Essay", "<p>Text</p>", Set.of()), version(piece)));

        long essay = task(f, "ESSAY");
        String token = token();
        SubmitOutcome first = asCandidate.call(() -> submissions.submit(f.enrolment(), essay, List.of(piece), true,
                DECLARATION, token));
        SubmitOutcome doubleClick = asCandidate.call(() -> submissions.submit(f.enrolment(), essay, List.of(piece), true,
                DECLARATION, token));
        assertTrue(first.created());
        assertFalse(doubleClick.created());
        assertEquals(first.submissionId(), doubleClick.submissionId());
        assertEquals(1, submissionCount(f, essay));

        // two tabs submit the portfolio task at the same moment, each with its own form's token
        long portfolioTask = task(f, "PORTFOLIO");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<SubmitOutcome>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String tabToken = token();
                racing.add(threads.submit(() -> {
                    start.await();
                    return asCandidate.call(() -> submissions.submit(f.enrolment(), portfolioTask, List.of(piece), true,
                            DECLARATION, tabToken));
                }));
            }
            start.countDown();
            SubmitOutcome a = racing.get(0).get(60, TimeUnit.SECONDS);
            SubmitOutcome b = racing.get(1).get(60, TimeUnit.SECONDS);
            assertEquals(1, (a.created() ? 1 : 0) + (b.created() ? 1 : 0), "exactly one request made the submission");
            assertEquals(a.submissionId(), b.submissionId(), "the other got the same submission back");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, submissionCount(f, portfolioTask));
        assertEquals(1, sql.count("select count(*) from submission_item si join submission s on s.id = si.submission_id "
                + "where s.enrolment_id = ? and s.task_id = ?", f.enrolment(), portfolioTask), "one frozen copy");
    }

    // ---------------------------------------------------------------- who reads evidence

    @Test
    void issue5_evidenceIsReadOnlyByTheCandidateTheAllocatedSupervisorAndASampledVerifierAndEveryOtherReadIsAudited()
            throws Exception {
        Fixture f = enrolled();
        long written = asCandidate.call(() -> evidenceItems.createWritten(f.enrolment(), "My story"));
        asCandidate.call(() -> evidenceItems.save(written, edit("My story", "<p>Private words</p>", Set.of()), version(written)));
        long privateFile = asCandidate.call(() -> evidenceItems.createFile(f.enrolment(), "Care plan", new ByteArrayInputStream(
                pdf("care plan")), "care-plan.pdf"));
        asCandidate.call(() -> evidenceItems.save(privateFile, new ItemEdit("Care plan", true, Set.of(), null, null, null, null),
                version(privateFile)));
        SubmitOutcome submitted = asCandidate.call(() -> submissions.submit(f.enrolment(), task(f, "ESSAY"),
                List.of(written, privateFile), true, DECLARATION, token()));
        long submission = submitted.submissionId();
        SubmissionView asSubmitted = asCandidate.call(() -> submissions.submission(submission));
        long submittedPrivateFile = asSubmitted.items().get(1).id();

        // another candidate's evidence on the same cohort: Jo Lee, also supervised by Grace
        long jo = asCoordinator.call(() -> enrolling.enrol(f.cohort(), "jo.lee"));
        enrolled.add(jo);
        move(jo, EnrolmentStatus.ACTIVE, null);
        asCoordinator.run(() -> allocations.allocate(jo, GRACE, null));
        long josItem = asSupervisor.call(() -> testimonies.record(jo, "Jo's group work", new Testimony("Kim", "Lead",
                "Observed", "Jo did well.")));

        // the candidate reads their own, unaudited, and never another candidate's
        asCandidate.call(() -> portfolios.itemPage(written).item());
        asCandidate.call(() -> submissions.submission(submission));
        assertEquals(0, reads(AMARA), "the candidate's own reads are not audited");
        assertRefused(asCandidate, "evidence.notFound", "not yours", () -> portfolios.itemPage(josItem).item());
        assertRefused(asCandidate, "evidence.notFound", "not yours", () -> portfolios.portfolio(jo));

        // the allocated supervisor reads everything, "assessor only" included, and each read is audited
        long graceReads = reads(GRACE);
        assertEquals("<p>Private words</p>", asSupervisor.call(() -> portfolios.itemPage(written).item()).bodyHtml());
        assertEquals(graceReads + 1, reads(GRACE));
        assertTrue(asSupervisor.call(() -> portfolios.itemPage(privateFile).item()).assessorOnly());
        assertEquals(pdf("care plan").length, download(asSupervisor.call(() -> portfolios.itemFile(privateFile))).length);
        assertEquals(2, asSupervisor.call(() -> portfolios.supervisorPortfolio(f.enrolment())).items().size());
        SubmissionView supervisorView = asSupervisor.call(() -> submissions.submission(submission));
        assertEquals(2, supervisorView.items().size());
        assertEquals(0, supervisorView.withheld());
        assertEquals(graceReads + 1 + 1 + 1 + 2 + 1, reads(GRACE), "item, item, file, two items of the portfolio, submission");
        assertEquals(1, sql.count("select count(*) from audit_entry where " + AuditActors.BY_PERSON + " and action = 'SUBMISSION_READ' "
                + "and subject_id = ?", GRACE, String.valueOf(submission)));

        // a verifier reads a submission only once it is sampled to them, and never its "assessor only" items
        assertThrows(EJBAccessException.class, () -> asVerifier.call(() -> portfolios.itemPage(written).item()),
                "verifiers read submissions, not drafts");
        assertRefused(asVerifier, "evidence.notFound", "not yours", () -> submissions.submission(submission));
        sample(submission, HELEN);
        long helenReads = reads(HELEN); // other test classes' verifications are Helen's reads too
        SubmissionView verifierView = asVerifier.call(() -> submissions.submission(submission));
        assertEquals(List.of("My story"), verifierView.items().stream().map(i -> i.title()).toList());
        assertEquals(1, verifierView.withheld());
        assertRefused(asVerifier, "evidence.notFound", "not yours", () -> submissions.submittedFile(submittedPrivateFile));
        assertEquals(helenReads + 1, reads(HELEN), "the verifier's read is audited");

        // coordinators and HR: statuses and dates only, and refused content whatever the record
        for (Object role : List.of(asCoordinator, asHr)) {
            Runner as = runner(role);
            assertThrows(EJBAccessException.class, () -> as.run(() -> portfolios.itemPage(written).item()));
            assertThrows(EJBAccessException.class, () -> as.run(() -> portfolios.itemFile(privateFile)));
            assertThrows(EJBAccessException.class, () -> as.run(() -> submissions.submission(submission)));
            assertThrows(EJBAccessException.class, () -> as.run(() -> submissions.submittedFile(submittedPrivateFile)));
            assertThrows(EJBAccessException.class, () -> as.run(() -> portfolios.supervisorPortfolio(f.enrolment())));
        }
        PortfolioStatus status = asHr.call(() -> portfolios.statuses(f.enrolment()));
        assertEquals(2, status.items().size());
        assertEquals(SubmissionStatus.SUBMITTED, status.tasks().get(0).submissions().get(0).status());
        assertEquals(List.of("id", "kind", "createdAt", "updatedAt"), Arrays.stream(PortfolioStatus.ItemStatus.class
                .getRecordComponents()).map(c -> c.getName()).toList(), "no title, text, file or testimony");
        assertEquals(2, asCoordinator.call(() -> portfolios.statuses(f.enrolment())).items().size());

        // once the candidate is reallocated, Grace reads nothing more; Tom Barker does
        asCoordinator.run(() -> allocations.allocate(f.enrolment(), "tom.barker", "Grace is on leave"));
        assertRefused(asSupervisor, "evidence.notFound", "not yours", () -> portfolios.itemPage(written).item());
        assertRefused(asSupervisor, "evidence.notFound", "not yours", () -> portfolios.supervisorPortfolio(f.enrolment()));
        assertRefused(asSupervisor, "evidence.notFound", "not yours", () -> submissions.submission(submission));
        assertRefused(asSupervisor, "evidence.notFound", "not yours", () -> portfolios.matrix(f.enrolment()));
        assertEquals("Jo's group work", asSupervisor.call(() -> portfolios.itemPage(josItem).item()).title(),
                "she still reads her own allocated candidate's");
    }

    @Test
    void issue5_everyPortfolioBoundaryMethodRefusesTheRolesItIsNotFor() throws Exception {
        Fixture f = enrolled();
        long item = asCandidate.call(() -> evidenceItems.createWritten(f.enrolment(), "Piece"));
        long task = task(f, "ESSAY");
        Set<String> candidate = Set.of("candidate");
        Set<String> supervisor = Set.of("supervisor");
        Set<String> readers = Set.of("candidate", "supervisor");
        Set<String> submissionReaders = Set.of("candidate", "supervisor", "verifier");
        Set<String> statuses = Set.of("coordinator", "hr");
        ItemEdit edit = edit("Piece", "<p>x</p>", Set.of());
        List<Check> checks = List.of(
                new Check("Portfolios.myPortfolios", candidate, () -> portfolios.myPortfolios()),
                new Check("Portfolios.portfolio", candidate, () -> portfolios.portfolio(f.enrolment())),
                new Check("Portfolios.supervisorPortfolio", supervisor, () -> portfolios.supervisorPortfolio(-1)),
                new Check("Portfolios.itemPage", readers, () -> portfolios.itemPage(-1)),
                new Check("Portfolios.itemFile", readers, () -> portfolios.itemFile(-1)),
                new Check("Portfolios.matrix", Set.of("candidate", "supervisor", "coordinator", "hr"), () -> portfolios.matrix(-1)),
                new Check("Portfolios.statuses", statuses, () -> portfolios.statuses(-1)),
                new Check("EvidenceItems.createWritten", candidate, () -> evidenceItems.createWritten(-1, "x")),
                new Check("EvidenceItems.createReflection", candidate, () -> evidenceItems.createReflection(-1, "x", null)),
                new Check("EvidenceItems.createFile", candidate, () -> evidenceItems.createFile(-1, "x",
                        new ByteArrayInputStream(new byte[0]), "x.txt")),
                new Check("EvidenceItems.save", candidate, () -> evidenceItems.save(item, edit, -1)),
                new Check("EvidenceItems.autosave", candidate, () -> evidenceItems.autosave(item, "<p>x</p>", -1)),
                new Check("EvidenceItems.replaceFile", candidate, () -> evidenceItems.replaceFile(item,
                        new ByteArrayInputStream(new byte[0]), "x.txt", -1)),
                new Check("EvidenceItems.delete", candidate, () -> evidenceItems.delete(item, -1)),
                new Check("Submissions.submitForm", candidate, () -> submissions.submitForm(f.enrolment(), task)),
                new Check("Submissions.submit", candidate, () -> submissions.submit(f.enrolment(), task, List.of(), false,
                        DECLARATION, token())),
                new Check("Submissions.submission", submissionReaders, () -> submissions.submission(-1)),
                new Check("Submissions.submittedFile", submissionReaders, () -> submissions.submittedFile(-1)),
                new Check("Testimonies.request", candidate, () -> testimonies.request(-1, "x", "mark.evans", null)),
                new Check("Testimonies.record", supervisor, () -> testimonies.record(-1, "x", null)));
        Map<String, Runner> roles = Map.of("candidate", runner(asCandidate), "supervisor", runner(asSupervisor),
                "verifier", runner(asVerifier), "coordinator", runner(asCoordinator), "hr", runner(asHr));
        RoleMatrix.assertOnlyAllowedRolesCall(checks, roles);
        assertEquals(1, sql.count("select count(*) from evidence_item where enrolment_id = ?", f.enrolment()),
                "no refused call changed anything");
        assertEquals(0, submissionCount(f, task));
    }

    // ---------------------------------------------------------------- helpers

    private Fixture enrolled() throws Exception {
        String code = CoursePackageZips.newCode();
        long course = asCoordinator.call(() -> packages.importPackage(new ByteArrayInputStream(
                CoursePackageZips.peer2peerZip(code, UnaryOperator.identity())))).courseId();
        asCoordinator.run(() -> versions.publish(course));
        List<LocalDateTime> schedule = new ArrayList<>();
        LocalDateTime first = LocalDateTime.now().minusWeeks(12).withNano(0);
        for (int i = 0; i < 11; i++) {
            schedule.add(first.plusWeeks(i));
        }
        CohortDetails details = new CohortDetails("Cohort " + code, first.toLocalDate(), first.toLocalDate().plusMonths(6),
                "Recovery College", null, "Sana Iqbal", 10, null);
        long cohort = asCoordinator.call(() -> cohorts.create(course, details, schedule));
        long enrolment = asCoordinator.call(() -> enrolling.enrol(cohort, AMARA));
        enrolled.add(enrolment);
        move(enrolment, EnrolmentStatus.ACTIVE, null);
        asCoordinator.run(() -> allocations.allocate(enrolment, GRACE, null));
        return new Fixture(course, cohort, enrolment);
    }

    private void move(long enrolmentId, EnrolmentStatus to, String reason) throws Exception {
        long version = ((Number) sql.rows("select version from enrolment where id = ?", enrolmentId).get(0).get("version"))
                .longValue();
        asCoordinator.run(() -> enrolments.changeStatus(enrolmentId, to, reason, version));
    }

    private long requirement(Fixture f, String code) throws SQLException {
        return ((Number) sql.rows("select r.id from evidence_requirement r join learning_outcome o on o.id = r.outcome_id "
                + "join course_unit u on u.id = o.unit_id where u.course_id = ? and r.code = ?", f.course(), code).get(0)
                .get("id")).longValue();
    }

    private long task(Fixture f, String code) throws SQLException {
        return ((Number) sql.rows("select id from assessment_task where course_id = ? and code = ?", f.course(), code)
                .get(0).get("id")).longValue();
    }

    private long version(long itemId) throws SQLException {
        return ((Number) sql.rows("select version from evidence_item where id = ?", itemId).get(0).get("version")).longValue();
    }

    private long storedFileOf(long itemId) throws SQLException {
        return ((Number) sql.rows("select stored_file_id from evidence_item where id = ?", itemId).get(0)
                .get("stored_file_id")).longValue();
    }

    private long submissionCount(Fixture f, long taskId) throws SQLException {
        return sql.count("select count(*) from submission where enrolment_id = ? and task_id = ?", f.enrolment(), taskId);
    }

    private Map<String, MatrixCell> matrix(Fixture f) throws Exception {
        Map<String, MatrixCell> cells = new java.util.HashMap<>();
        asCandidate.call(() -> portfolios.matrix(f.enrolment())).cells().forEach(c -> cells.put(c.code(), c));
        return cells;
    }

    /** Records a judgement as the assessment feature will: a new row in requirement_judgement. */
    private void judge(Fixture f, long requirementId, boolean met) throws SQLException {
        sql.update("insert into requirement_judgement (id, enrolment_id, requirement_id, met, judged_by, judged_at) "
                + "values (nextval('requirement_judgement_seq'), ?, ?, ?, ?, clock_timestamp())", f.enrolment(),
                requirementId, met, GRACE);
    }

    /** Samples a submission to a verifier as the assessment feature will; her person record is made as a sign-in makes it. */
    private void sample(long submissionId, String verifier) throws Exception {
        transaction.begin();
        long verifierId = staff.byUsername(verifier).getId();
        transaction.commit();
        sql.update("insert into verification_sample (id, submission_id, verifier_id, sampled_by, sampled_at) "
                + "values (nextval('verification_sample_seq'), ?, ?, 'assessment test', now())", submissionId, verifierId);
    }

    /** Audited reads of evidence content by a person. */
    private long reads(String actor) throws SQLException {
        return sql.count("select count(*) from audit_entry where " + AuditActors.BY_PERSON + " and action in ('EVIDENCE_READ', "
                + "'EVIDENCE_FILE_READ', 'SUBMISSION_READ', 'SUBMISSION_FILE_READ')", actor);
    }

    private static ItemEdit edit(String title, String html, Set<Long> requirements) {
        return new ItemEdit(title, false, requirements, html, null, null, null);
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }

    /** A tiny PDF: Tika knows it from its first bytes. */
    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] download(org.peersupport.portal.portfolio.boundary.EvidenceDownload file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        file.writeTo(out);
        return out.toByteArray();
    }

    private static Runner runner(Object as) {
        return RoleMatrix.runner((org.peersupport.portal.support.RunAsCaller) as);
    }

    private void assertRefused(Object as, String key, String text, Call call) {
        Runner runner = runner(as);
        BusinessException refused = assertThrows(BusinessException.class, () -> runner.run(call));
        assertEquals(key, refused.key(), refused.getMessage());
        assertTrue(refused.getMessage().contains(text), refused.getMessage());
        // issue 15: what a person reads is the bundle's wording, the same words
        assertEquals(refused.getMessage(), org.peersupport.portal.platform.boundary.Messages.text(
                java.util.ResourceBundle.getBundle(org.peersupport.portal.platform.boundary.Messages.BUNDLE,
                        java.util.Locale.UK), refused), "the bundle's wording for " + key);
    }
}
