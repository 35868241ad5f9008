package org.peersupport.portal.course;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.peersupport.portal.course.boundary.CourseAdministration;
import org.peersupport.portal.course.boundary.CourseCatalog;
import org.peersupport.portal.course.boundary.CourseDetails;
import org.peersupport.portal.course.boundary.CourseOverview;
import org.peersupport.portal.course.boundary.CourseSummary;
import org.peersupport.portal.course.boundary.CourseVersionSummary;
import org.peersupport.portal.course.boundary.ExerciseFileDownload;
import org.peersupport.portal.course.boundary.GlossaryEntryView;
import org.peersupport.portal.course.boundary.ImportResult;
import org.peersupport.portal.course.boundary.Lesson;
import org.peersupport.portal.course.boundary.SessionEditView;
import org.peersupport.portal.course.boundary.SessionSummary;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.control.CoursePackageReader;
import org.peersupport.portal.course.control.ExerciseFile;
import org.peersupport.portal.course.control.LoadedCoursePackage;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsCoordinator;
import org.peersupport.portal.support.AsHr;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.Sql;

/**
 * Issue 3, the course, through its boundaries as real roles (see {@link RunAsDeployment}), inside Payara Micro
 * on PostgreSQL. Each test imports the Peer2Peer package under a course code of its own, so tests share no
 * course and run in any order.
 */
@ExtendWith(ArquillianExtension.class)
class CourseIT {

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(CourseIT.class, CoursePackageZips.class, Sql.class,
                DemoAccount.class));
    }

    @Inject
    CourseAdministration admin;

    @Inject
    CourseCatalog catalog;

    @Inject
    AsCoordinator asCoordinator;

    @Inject
    AsCandidate asCandidate;

    @Inject
    AsHr asHr;

    @Inject
    Sql sql;

    @BeforeEach
    void everyoneHasAPersonRecord() throws SQLException {
        for (DemoAccount account : List.of(AsCandidate.ACCOUNT, AsCoordinator.ACCOUNT, AsHr.ACCOUNT)) {
            sql.update("insert into person (id, directory_id, username, display_name, created_at, updated_at) "
                    + "select nextval('person_seq'), ?, ?, ?, now(), now() "
                    + "where not exists (select 1 from person where lower(username) = lower(?))",
                    "course-it-" + account.username(), account.username(), account.displayName(), account.username());
        }
    }

    // ---------------------------------------------------------------- import and publish

    @Test
    void issue3_theDemoRunLoadsAndPublishesPeer2Peer() throws Exception {
        List<CourseSummary> published = asHr.call(catalog::publishedCourses);
        CourseSummary peer2peer = published.stream().filter(c -> c.code().equals("PEER2PEER")).findFirst().orElseThrow();
        assertEquals(11, peer2peer.sessionCount());
        assertEquals("Professional Development Award in Mental Health Peer Support", peer2peer.awardName());
        assertEquals(7, peer2peer.scqfLevel());

        CourseOverview overview = asCandidate.call(() -> catalog.overview("PEER2PEER"));
        assertEquals(11, overview.sessions().size());
        assertEquals("What is Recovery?", overview.sessions().get(1).title());
        assertTrue(overview.sessions().get(9).contentWarning(), "session 10 carries a content warning");

        Lesson tenth = asCandidate.call(() -> catalog.lesson("PEER2PEER", 10));
        assertNotNull(tenth.contentWarning());
        assertEquals(List.of("trauma", "suicidality", "risk"), tenth.contentWarning().topics());
        assertTrue(tenth.contentWarning().signposting().stream()
                .anyMatch(c -> c.name().equals("Samaritans") && "116 123".equals(c.phone())), "Samaritans on 116 123");
        assertEquals(9, tenth.previousNumber());
        assertEquals(11, tenth.nextNumber());

        List<GlossaryEntryView> glossary = asCandidate.call(() -> catalog.glossary("PEER2PEER"));
        assertEquals(11, glossary.size());
        assertEquals(3, glossary.stream().filter(GlossaryEntryView::restored).count(), "three restored headings");
        Lesson second = asCandidate.call(() -> catalog.lesson("PEER2PEER", 2));
        assertTrue(org.jsoup.Jsoup.parseBodyFragment(second.aboutHtml()).select("a[href]").stream()
                .anyMatch(a -> a.attr("href").startsWith("glossary.xhtml?course=PEER2PEER#")),
                "glossary terms are linked to the glossary page: " + second.aboutHtml());
    }

    @Test
    void issue3_aCoordinatorImportsThePeer2PeerPackageAndPublishesIt() throws Exception {
        String code = CoursePackageZips.newCode();
        ImportResult imported = asCoordinator.call(() -> admin.importPackage(zip(code)));
        assertEquals(code, imported.code());
        assertEquals(1, imported.versionNumber());
        assertEquals(11, imported.sessionCount());
        assertEquals(1, imported.exerciseFileCount());
        assertEquals(CourseStatus.DRAFT, version(code, 1).status());
        assertThrows(BusinessException.class, () -> asCandidate.call(() -> catalog.overview(code)),
                "a draft is not visible to candidates");

        asCoordinator.run(() -> admin.publish(imported.courseId()));

        assertEquals(CourseStatus.PUBLISHED, version(code, 1).status());
        Lesson sixth = asCandidate.call(() -> catalog.lesson(code, 6));
        assertEquals(1, sixth.exerciseFiles().size());
        assertEquals("reflective-log.md", sixth.exerciseFiles().get(0).fileName());
        assertEquals(CompletionMode.MANUAL, sixth.completionMode());
        assertFalse(sixth.completed());
    }

    @Test
    void issue3_aBadPackageImportsNothingAndReportsEveryProblemWithFileAndLine() throws Exception {
        String code = CoursePackageZips.newCode();
        long storedFiles = sql.count("select count(*) from stored_file");
        byte[] bad = CoursePackageZips.peer2peerZip(code, yaml -> yaml
                .replace("about: sessions/02-what-is-recovery.md", "about: sessions/02-missing.md")
                .replace("kind: essay", "kind: poem")
                .replace("scqfLevel: 7", "scqfLevel: 13"));

        BusinessException refused = assertThrows(BusinessException.class,
                () -> asCoordinator.call(() -> admin.importPackage(new ByteArrayInputStream(bad))));

        assertTrue(refused.getMessage().contains("nothing was imported"), refused.getMessage());
        assertEquals(3, refused.details().size(), String.join("\n", refused.details()));
        assertTrue(refused.details().stream().allMatch(d -> d.matches("course\\.yaml:\\d+: .+")),
                "each problem names the file and line: " + refused.details());
        assertTrue(refused.details().stream().anyMatch(d -> d.contains("02-missing.md")), refused.details().toString());
        assertEquals(0, sql.count("select count(*) from course where code = ?", code));
        assertEquals(storedFiles, sql.count("select count(*) from stored_file"), "no file was stored");
    }

    @Test
    void issue3_exportThenImportGivesAnEqualCourse() throws Exception {
        String code = CoursePackageZips.newCode();
        Path original = CoursePackageZips.peer2peerFolder(code, UnaryOperator.identity(), Files.createTempDirectory("course-it-"));
        ImportResult first = asCoordinator.call(() -> admin.importPackage(new ByteArrayInputStream(CoursePackageZips.zip(original))));

        byte[] exported = export(first.courseId());
        ImportResult second = asCoordinator.call(() -> admin.importPackage(new ByteArrayInputStream(exported)));
        byte[] exportedAgain = export(second.courseId());
        assertEquals(2, second.versionNumber(), "a re-import is the next version of the same course");

        CoursePackageReader reader = new CoursePackageReader();
        try (LoadedCoursePackage source = reader.read(original);
                LoadedCoursePackage once = reader.readZip(new ByteArrayInputStream(exported));
                LoadedCoursePackage twice = reader.readZip(new ByteArrayInputStream(exportedAgain))) {
            assertEquals(source.coursePackage(), once.coursePackage());
            assertEquals(source.coursePackage(), twice.coursePackage());
            for (ExerciseFile file : source.coursePackage().exerciseFiles()) {
                byte[] expected = source.open(file).readAllBytes();
                assertArrayEquals(expected, once.open(file).readAllBytes(), file.path());
                assertArrayEquals(expected, twice.open(file).readAllBytes(), file.path());
            }
        }
    }

    // ---------------------------------------------------------------- versions and progress

    @Test
    void issue3_candidatesKeepTheirVersionUntilTheySwitchAndTheirProgressCarriesOverBySession() throws Exception {
        String code = CoursePackageZips.newCode();
        long v1 = published(code);
        for (int number = 1; number <= 3; number++) {
            int n = number;
            asCandidate.run(() -> catalog.markComplete(code, n));
        }
        CourseOverview before = asCandidate.call(() -> catalog.overview(code));
        assertEquals(3, before.completedCount());
        assertEquals(27, before.percentComplete());

        long v2 = asCoordinator.call(() -> admin.newDraftFrom(v1));
        SessionEditView third = sessions(v2).get(2);
        assertEquals("personal-recovery", third.slug());
        asCoordinator.run(() -> admin.removeSession(third.sessionId()));
        assertEquals(10, sessions(v2).size());
        assertEquals(3, sessions(v2).get(2).number(), "the sessions after it move up");
        asCoordinator.run(() -> admin.publish(v2));
        assertEquals(CourseStatus.ARCHIVED, version(code, 1).status());
        assertEquals(CourseStatus.PUBLISHED, version(code, 2).status());

        CourseOverview pinned = asCandidate.call(() -> catalog.overview(code));
        assertEquals(1, pinned.versionNumber(), "the candidate keeps the version they started");
        assertEquals(11, pinned.sessions().size());
        assertEquals(3, pinned.completedCount());
        assertTrue(pinned.newerVersionAvailable());
        assertEquals(2, pinned.latestVersionNumber());
        assertEquals("Personal Recovery", asCandidate.call(() -> catalog.lesson(code, 3)).title());

        asCandidate.run(() -> catalog.switchToLatestVersion(code));

        CourseOverview switched = asCandidate.call(() -> catalog.overview(code));
        assertEquals(2, switched.versionNumber());
        assertEquals(10, switched.sessions().size());
        assertFalse(switched.newerVersionAvailable());
        assertEquals(List.of(true, true, false), switched.sessions().subList(0, 3).stream().map(SessionSummary::completed).toList());
        assertEquals("what-is-peer-support", switched.sessions().get(2).slug());
        assertEquals(2, switched.completedCount());
        assertEquals(20, switched.percentComplete());

        asCandidate.run(() -> catalog.markIncomplete(code, 2));
        assertEquals(1, asCandidate.call(() -> catalog.overview(code)).completedCount());
    }

    @Test
    void issue3_aPublishedVersionCannotBeEditedOnlyCopiedToANewDraft() throws Exception {
        String code = CoursePackageZips.newCode();
        long v1 = published(code);
        SessionEditView first = sessions(v1).get(0);
        BusinessException refused = assertThrows(BusinessException.class, () -> asCoordinator.run(() ->
                admin.updateSession(first.sessionId(), "New title", first.aims(), first.aboutHtml(), first.version())));
        assertTrue(refused.getMessage().contains("Create a new draft"), refused.getMessage());
        asCoordinator.run(() -> admin.newDraftFrom(v1));
        BusinessException second = assertThrows(BusinessException.class, () -> asCoordinator.call(() -> admin.newDraftFrom(v1)));
        assertTrue(second.getMessage().contains("already a draft"), second.getMessage());
    }

    @Test
    void issue3_sessionsMoveAndRenumber() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        SessionEditView second = sessions(draft).get(1);
        asCoordinator.run(() -> admin.moveSession(second.sessionId(), -1));
        List<SessionEditView> moved = sessions(draft);
        assertEquals(List.of("what-is-recovery", "introduction", "personal-recovery"),
                moved.subList(0, 3).stream().map(SessionEditView::slug).toList());
        assertEquals(List.of(1, 2, 3), moved.subList(0, 3).stream().map(SessionEditView::number).toList());
    }

    // ---------------------------------------------------------------- editing

    @Test
    void issue3_lessonHtmlIsSanitisedOnTheServer() throws Exception {
        String code = CoursePackageZips.newCode();
        long draft = draft(code);
        SessionEditView first = sessions(draft).get(0);
        asCoordinator.run(() -> admin.updateSession(first.sessionId(), "Introduction", "Get to know each other.",
                "<p>Welcome</p><script>alert(1)</script><img src=x onerror=alert(1)>", first.version()));

        String stored = (String) sql.rows("select about_html from course_session where id = ?", first.sessionId())
                .get(0).get("about_html");
        Lesson preview = asCoordinator.call(() -> catalog.previewLesson(draft, 1));
        for (String html : List.of(stored, preview.aboutHtml(), sessions(draft).get(0).aboutHtml())) {
            assertTrue(html.contains("Welcome"), html);
            assertFalse(html.toLowerCase().contains("<script"), html);
            assertFalse(html.toLowerCase().contains("onerror"), html);
        }
        assertTrue(preview.preview());
        assertEquals("Get to know each other.", preview.aims());
    }

    @Test
    void issue3_aSecondEditFromTheSameVersionIsRefusedNotSilentlyOverwritten() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        SessionEditView second = sessions(draft).get(1);
        asCoordinator.run(() -> admin.updateSession(second.sessionId(), "What is Recovery? (edited)", second.aims(),
                second.aboutHtml(), second.version()));
        BusinessException stale = assertThrows(BusinessException.class, () -> asCoordinator.run(() ->
                admin.updateSession(second.sessionId(), "Another title", second.aims(), second.aboutHtml(), second.version())));
        assertTrue(stale.getMessage().startsWith("Someone else changed this session"), stale.getMessage());
        assertTrue(stale.getMessage().contains("reload to see their change"), stale.getMessage());
        assertEquals("What is Recovery? (edited)", sessions(draft).get(1).title(), "the first edit stands");
    }

    @Test
    void issue3_uploadsAreCheckedByContentAndStreamBackByteForByte() throws Exception {
        String code = CoursePackageZips.newCode();
        long draft = draft(code);
        SessionEditView sixth = sessions(draft).get(5);
        long storedFiles = sql.count("select count(*) from stored_file");

        byte[] executable = windowsExecutable();
        BusinessException refused = assertThrows(BusinessException.class, () -> asCoordinator.call(() ->
                admin.addExerciseFile(sixth.sessionId(), new ByteArrayInputStream(executable), "notes.pdf", "Notes")));
        assertTrue(refused.getMessage().contains("notes.pdf"), refused.getMessage());
        assertEquals(storedFiles, sql.count("select count(*) from stored_file"), "nothing is stored");
        assertEquals(1, sessions(draft).get(5).exerciseFiles().size());

        byte[] pdf = pdf(600 * 1024);
        long fileId = asCoordinator.call(() -> admin.addExerciseFile(sixth.sessionId(), new ByteArrayInputStream(pdf),
                "Session 6 notes.pdf", "Session notes"));
        assertEquals(3, sql.count("select count(*) from stored_file_chunk c join exercise_file f "
                + "on f.stored_file_id = c.file_id where f.id = ?", fileId), "600 KiB is three 256 KiB chunks");

        ExerciseFileDownload download = asCoordinator.call(() -> catalog.exerciseFile(fileId));
        assertEquals("application/pdf", download.mediaType());
        assertEquals("Session-6-notes.pdf", download.fileName());
        assertEquals(pdf.length, download.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)), download.sha256());
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        download.writeTo(streamed);
        assertArrayEquals(pdf, streamed.toByteArray());

        assertThrows(BusinessException.class, () -> asCandidate.call(() -> catalog.exerciseFile(fileId)),
                "a candidate cannot download a draft's file");
        asCoordinator.run(() -> admin.publish(draft));
        ByteArrayOutputStream asCandidateSees = new ByteArrayOutputStream();
        asCandidate.call(() -> catalog.exerciseFile(fileId)).writeTo(asCandidateSees);
        assertArrayEquals(pdf, asCandidateSees.toByteArray());
    }

    @Test
    void issue3_removingAnExerciseFileKeepsBytesOtherVersionsStillUse() throws Exception {
        String code = CoursePackageZips.newCode();
        long v1 = published(code);
        long v2 = asCoordinator.call(() -> admin.newDraftFrom(v1));
        long fileId = sessions(v2).get(5).exerciseFiles().get(0).id();
        long v1FileId = sessions(v1).get(5).exerciseFiles().get(0).id();
        asCoordinator.run(() -> admin.removeExerciseFile(fileId));
        assertTrue(sessions(v2).get(5).exerciseFiles().isEmpty());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        asCandidate.call(() -> catalog.exerciseFile(v1FileId)).writeTo(bytes);
        assertArrayEquals(Files.readAllBytes(CoursePackageZips.peer2peer().resolve("exercises/reflective-log.md")),
                bytes.toByteArray());
    }

    // ---------------------------------------------------------------- access and audit

    @Test
    void issue3_onlyCoordinatorsAdministerCourses() throws Exception {
        String code = CoursePackageZips.newCode();
        long draft = draft(code);
        SessionEditView first = sessions(draft).get(0);
        long fileId = sessions(draft).get(5).exerciseFiles().get(0).id();
        List<AsCandidate.Work> administration = List.of(
                () -> admin.importPackage(zip(CoursePackageZips.newCode())),
                () -> admin.importPackageFolder(CoursePackageZips.peer2peer()),
                () -> admin.exportPackage(draft, new ByteArrayOutputStream()),
                () -> admin.courses(),
                () -> admin.publish(draft),
                () -> admin.newDraftFrom(draft),
                () -> admin.updateCourseDetails(draft, details(), 0),
                () -> admin.sessions(draft),
                () -> admin.updateSession(first.sessionId(), "t", "a", "<p>x</p>", first.version()),
                () -> admin.moveSession(first.sessionId(), 1),
                () -> admin.removeSession(first.sessionId()),
                () -> admin.addExerciseFile(first.sessionId(), new ByteArrayInputStream(pdf(100)), "x.pdf", "x"),
                () -> admin.removeExerciseFile(fileId),
                () -> admin.glossaryTerms(draft),
                () -> admin.addGlossaryTerm(draft, "Term", "<p>Definition</p>", null),
                () -> admin.updateGlossaryTerm(1L, "Term", "<p>Definition</p>", null, 0),
                () -> admin.removeGlossaryTerm(1L),
                () -> admin.usefulResources(draft),
                () -> admin.addUsefulResource(draft, "Samaritans", "https://www.samaritans.org", null),
                () -> admin.updateUsefulResource(1L, "Samaritans", "https://www.samaritans.org", null, 0),
                () -> admin.removeUsefulResource(1L),
                () -> catalog.previewLesson(draft, 1));
        List<Executable> refusals = new ArrayList<>();
        for (int i = 0; i < administration.size(); i++) {
            AsCandidate.Work work = administration.get(i);
            int index = i;
            refusals.add(() -> assertThrows(EJBAccessException.class, () -> asCandidate.run(work), "call " + index));
        }
        assertAll(refusals);
        assertEquals(1, sql.count("select count(*) from course where code = ?", code), "the candidate changed nothing");
        assertEquals(11, sessions(draft).size());

        assertThrows(BusinessException.class, () -> asCandidate.call(() -> catalog.lesson(code, 1)),
                "a candidate cannot read a draft lesson");
        assertThrows(BusinessException.class, () -> asHr.call(() -> catalog.overview(code)));
        assertTrue(asHr.call(() -> catalog.overview("PEER2PEER")).sessions().size() == 11, "HR reads published courses");
        assertTrue(asHr.call(() -> catalog.lesson("PEER2PEER", 1)).title().equals("Introduction"));
    }

    @Test
    void issue3_everyAdministrationChangeIsAudited() throws Exception {
        String code = CoursePackageZips.newCode();
        String coordinator = AsCoordinator.ACCOUNT.username();
        long[] ids = new long[3];
        audited("COURSE_IMPORTED", () -> ids[0] = admin.importPackage(zip(code)).courseId());
        long draft = ids[0];
        SessionEditView first = sessions(draft).get(0);
        audited("COURSE_DETAILS_UPDATED", () -> admin.updateCourseDetails(draft, details(), version(code, 1).version()));
        audited("SESSION_UPDATED", () -> admin.updateSession(first.sessionId(), "Introduction", first.aims(),
                "<p>Welcome.</p>", first.version()));
        audited("SESSION_MOVED", () -> admin.moveSession(first.sessionId(), 1));
        audited("EXERCISE_FILE_ADDED", () -> ids[1] = admin.addExerciseFile(first.sessionId(),
                new ByteArrayInputStream(pdf(2000)), "handout.pdf", "Handout"));
        audited("EXERCISE_FILE_REMOVED", () -> admin.removeExerciseFile(ids[1]));
        audited("GLOSSARY_TERM_ADDED", () -> ids[2] = admin.addGlossaryTerm(draft, "Mutuality", "<p>Shared respect.</p>", null));
        long termVersion = asCoordinator.call(() -> admin.glossaryTerms(draft)).stream()
                .filter(t -> t.termId() == ids[2]).findFirst().orElseThrow().version();
        audited("GLOSSARY_TERM_UPDATED", () -> admin.updateGlossaryTerm(ids[2], "Mutuality",
                "<p>Respect and responsibility, shared.</p>", null, termVersion));
        audited("GLOSSARY_TERM_REMOVED", () -> admin.removeGlossaryTerm(ids[2]));
        audited("RESOURCE_ADDED", () -> ids[2] = admin.addUsefulResource(draft, "Samaritans", "https://www.samaritans.org", null));
        long resourceVersion = asCoordinator.call(() -> admin.usefulResources(draft)).stream()
                .filter(r -> r.resourceId() == ids[2]).findFirst().orElseThrow().version();
        audited("RESOURCE_UPDATED", () -> admin.updateUsefulResource(ids[2], "Samaritans",
                "https://www.samaritans.org", "Free, 24 hours a day.", resourceVersion));
        audited("RESOURCE_REMOVED", () -> admin.removeUsefulResource(ids[2]));
        audited("SESSION_REMOVED", () -> admin.removeSession(sessions(draft).get(10).sessionId()));
        audited("COURSE_PUBLISHED", () -> admin.publish(draft));
        audited("COURSE_DRAFT_CREATED", () -> admin.newDraftFrom(draft));
        audited("COURSE_EXPORTED", () -> admin.exportPackage(draft, new ByteArrayOutputStream()));
        assertTrue(sql.count("select count(*) from audit_entry where actor = ? and subject_type = 'Course' "
                + "and subject_id = ?", coordinator, Long.toString(draft)) >= 4);
    }

    // ---------------------------------------------------------------- helpers

    private void audited(String action, AsCoordinator.Work work) throws Exception {
        String actor = AsCoordinator.ACCOUNT.username();
        long before = sql.count("select count(*) from audit_entry where actor = ? and action = ?", actor, action);
        asCoordinator.run(work);
        assertEquals(before + 1, sql.count("select count(*) from audit_entry where actor = ? and action = ?", actor, action),
                action + " is written to the audit trail");
    }

    private static ByteArrayInputStream zip(String code) {
        return new ByteArrayInputStream(CoursePackageZips.peer2peerZip(code, UnaryOperator.identity()));
    }

    private long draft(String code) throws Exception {
        return asCoordinator.call(() -> admin.importPackage(zip(code))).courseId();
    }

    private long published(String code) throws Exception {
        long id = draft(code);
        asCoordinator.run(() -> admin.publish(id));
        return id;
    }

    private List<SessionEditView> sessions(long courseId) throws Exception {
        return asCoordinator.call(() -> admin.sessions(courseId));
    }

    private CourseVersionSummary version(String code, int number) throws Exception {
        return asCoordinator.call(admin::courses).stream().filter(c -> c.code().equals(code) && c.versionNumber() == number)
                .findFirst().orElseThrow();
    }

    private byte[] export(long courseId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        asCoordinator.run(() -> admin.exportPackage(courseId, out));
        return out.toByteArray();
    }

    private static CourseDetails details() {
        return new CourseDetails("Peer2Peer", "Peer support training.", "1.1",
                "Professional Development Award in Mental Health Peer Support", 7, 24, CompletionMode.MANUAL,
                "<p>We keep what is shared here confidential.</p>", true);
    }

    /** The start of a real Windows executable: an MZ header and the DOS stub's message. */
    private static byte[] windowsExecutable() {
        byte[] bytes = new byte[4096];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[2] = (byte) 0x90;
        bytes[0x3c] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 0x4e, stub.length);
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    /** A small valid PDF of about this many bytes (padded with PDF comments). */
    private static byte[] pdf(int size) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n");
        int line = 0;
        while (pdf.length() < size - 80) {
            pdf.append("% padding line ").append(line++).append(" of a test document for the portal\n");
        }
        pdf.append("trailer << /Root 1 0 R >>\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
