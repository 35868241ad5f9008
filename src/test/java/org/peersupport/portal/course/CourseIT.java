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
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.peersupport.portal.candidate.boundary.Cohorts;
import org.peersupport.portal.candidate.boundary.Enrolling;
import org.peersupport.portal.candidate.entity.CohortDetails;
import org.peersupport.portal.course.boundary.AssessmentTaskView;
import org.peersupport.portal.course.boundary.ContentWarningEditView;
import org.peersupport.portal.course.boundary.ContentWarnings;
import org.peersupport.portal.course.boundary.CourseGlossary;
import org.peersupport.portal.course.boundary.CoursePackages;
import org.peersupport.portal.course.boundary.CourseSessions;
import org.peersupport.portal.course.boundary.CourseVersionAdministration;
import org.peersupport.portal.course.boundary.ExerciseFiles;
import org.peersupport.portal.course.boundary.UsefulResources;
import org.peersupport.portal.course.boundary.CourseCatalog;
import org.peersupport.portal.course.boundary.CourseDetails;
import org.peersupport.portal.course.boundary.CourseEditView;
import org.peersupport.portal.course.boundary.CourseOverview;
import org.peersupport.portal.course.boundary.CourseStructure;
import org.peersupport.portal.course.boundary.CourseSummary;
import org.peersupport.portal.course.boundary.CourseVersionSummary;
import org.peersupport.portal.course.boundary.EvidenceRequirementView;
import org.peersupport.portal.course.boundary.ExerciseFileDownload;
import org.peersupport.portal.course.boundary.GlossaryEntryView;
import org.peersupport.portal.course.boundary.ImportResult;
import org.peersupport.portal.course.boundary.Lesson;
import org.peersupport.portal.course.boundary.OutcomeView;
import org.peersupport.portal.course.boundary.SessionEditView;
import org.peersupport.portal.course.boundary.SessionSummary;
import org.peersupport.portal.course.boundary.UnitView;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.control.CoursePackageReader;
import org.peersupport.portal.course.control.ExerciseFile;
import org.peersupport.portal.course.control.LoadedCoursePackage;
import org.peersupport.portal.course.control.SignpostContact;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsCoordinator;
import org.peersupport.portal.support.AsHr;
import org.peersupport.portal.support.AuditActors;
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
    CoursePackages packages;

    @Inject
    CourseVersionAdministration versions;

    @Inject
    CourseSessions courseSessions;

    @Inject
    ExerciseFiles exerciseFiles;

    @Inject
    CourseGlossary courseGlossary;

    @Inject
    UsefulResources usefulResources;

    @Inject
    ContentWarnings warnings;

    @Inject
    CourseCatalog catalog;

    @Inject
    CourseStructure structure;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrolling enrolling;

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
        ImportResult imported = asCoordinator.call(() -> packages.importPackage(zip(code)));
        assertEquals(code, imported.code());
        assertEquals(1, imported.versionNumber());
        assertEquals(11, imported.sessionCount());
        assertEquals(1, imported.exerciseFileCount());
        assertEquals(CourseStatus.DRAFT, version(code, 1).status());
        assertThrows(BusinessException.class, () -> asCandidate.call(() -> catalog.overview(code)),
                "a draft is not visible to candidates");

        asCoordinator.run(() -> versions.publish(imported.courseId()));
        enrolTheCandidate(imported.courseId());

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
                () -> asCoordinator.call(() -> packages.importPackage(new ByteArrayInputStream(bad))));

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
        ImportResult first = asCoordinator.call(() -> packages.importPackage(new ByteArrayInputStream(CoursePackageZips.zip(original))));

        byte[] exported = export(first.courseId());
        ImportResult second = asCoordinator.call(() -> packages.importPackage(new ByteArrayInputStream(exported)));
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
        enrolTheCandidate(v1);
        for (int number = 1; number <= 3; number++) {
            int n = number;
            asCandidate.run(() -> catalog.markComplete(code, n));
        }
        CourseOverview before = asCandidate.call(() -> catalog.overview(code));
        assertEquals(3, before.completedCount());
        assertEquals(27, before.percentComplete());

        long v2 = asCoordinator.call(() -> versions.newDraftFrom(v1));
        SessionEditView third = sessions(v2).get(2);
        assertEquals("personal-recovery", third.slug());
        asCoordinator.run(() -> courseSessions.removeSession(third.sessionId()));
        assertEquals(10, sessions(v2).size());
        assertEquals(3, sessions(v2).get(2).number(), "the sessions after it move up");
        asCoordinator.run(() -> versions.publish(v2));
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
                courseSessions.updateSession(first.sessionId(), "New title", first.aims(), first.aboutHtml(), first.version())));
        assertTrue(refused.getMessage().contains("Create a new draft"), refused.getMessage());
        asCoordinator.run(() -> versions.newDraftFrom(v1));
        BusinessException second = assertThrows(BusinessException.class, () -> asCoordinator.call(() -> versions.newDraftFrom(v1)));
        assertTrue(second.getMessage().contains("already a draft"), second.getMessage());
    }

    @Test
    void issue4_aDraftsAttendanceThresholdIsSavedRefusedOutside0To100AndCopiedToTheNextDraftAndTheExport() throws Exception {
        String code = CoursePackageZips.newCode();
        long v1 = draft(code);
        assertEquals(80, edit(v1).details().attendanceThreshold(), "a package without attendanceThreshold gives 80%");

        asCoordinator.run(() -> versions.updateCourseDetails(v1, details(), edit(v1).version()));
        assertEquals(75, edit(v1).details().attendanceThreshold());
        assertEquals(75, sql.count("select attendance_threshold from course where id = ?", v1));

        for (Integer bad : new Integer[] {101, -1, null}) {
            CourseDetails refused = withThreshold(bad);
            assertRefused("course.details.threshold", "from 0 to 100",
                    () -> versions.updateCourseDetails(v1, refused, edit(v1).version()));
        }
        assertEquals(75, edit(v1).details().attendanceThreshold(), "a refused threshold changes nothing");
        long seen = edit(v1).version();
        asCoordinator.run(() -> versions.updateCourseDetails(v1, withThreshold(60), seen));
        assertRefused("course.edit.stale", "Someone else changed these course details",
                () -> versions.updateCourseDetails(v1, withThreshold(90), seen));
        assertEquals(60, edit(v1).details().attendanceThreshold(), "the first edit stands");

        asCoordinator.run(() -> versions.publish(v1));
        assertRefused("course.notDraft", "cannot be changed",
                () -> versions.updateCourseDetails(v1, withThreshold(50), edit(v1).version()));
        long v2 = asCoordinator.call(() -> versions.newDraftFrom(v1));
        assertEquals(60, edit(v2).details().attendanceThreshold(), "a new draft copies the threshold");
        try (LoadedCoursePackage exported = new CoursePackageReader().readZip(new ByteArrayInputStream(export(v2)))) {
            assertEquals(60, exported.coursePackage().attendanceThreshold(), "the export writes it");
        }
    }

    @Test
    void issue3_sessionsMoveAndRenumber() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        SessionEditView second = sessions(draft).get(1);
        asCoordinator.run(() -> courseSessions.moveSession(second.sessionId(), -1));
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
        asCoordinator.run(() -> courseSessions.updateSession(first.sessionId(), "Introduction", "Get to know each other.",
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
        asCoordinator.run(() -> courseSessions.updateSession(second.sessionId(), "What is Recovery? (edited)", second.aims(),
                second.aboutHtml(), second.version()));
        BusinessException stale = assertThrows(BusinessException.class, () -> asCoordinator.run(() ->
                courseSessions.updateSession(second.sessionId(), "Another title", second.aims(), second.aboutHtml(), second.version())));
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
                exerciseFiles.addExerciseFile(sixth.sessionId(), new ByteArrayInputStream(executable), "notes.pdf", "Notes")));
        assertTrue(refused.getMessage().contains("notes.pdf"), refused.getMessage());
        assertEquals(storedFiles, sql.count("select count(*) from stored_file"), "nothing is stored");
        assertEquals(1, sessions(draft).get(5).exerciseFiles().size());

        byte[] pdf = pdf(600 * 1024);
        long fileId = asCoordinator.call(() -> exerciseFiles.addExerciseFile(sixth.sessionId(), new ByteArrayInputStream(pdf),
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
        asCoordinator.run(() -> versions.publish(draft));
        enrolTheCandidate(draft);
        ByteArrayOutputStream asCandidateSees = new ByteArrayOutputStream();
        asCandidate.call(() -> catalog.exerciseFile(fileId)).writeTo(asCandidateSees);
        assertArrayEquals(pdf, asCandidateSees.toByteArray());
    }

    @Test
    void issue3_removingAnExerciseFileKeepsBytesOtherVersionsStillUse() throws Exception {
        String code = CoursePackageZips.newCode();
        long v1 = published(code);
        enrolTheCandidate(v1);
        long v2 = asCoordinator.call(() -> versions.newDraftFrom(v1));
        long fileId = sessions(v2).get(5).exerciseFiles().get(0).id();
        long v1FileId = sessions(v1).get(5).exerciseFiles().get(0).id();
        asCoordinator.run(() -> exerciseFiles.removeExerciseFile(fileId));
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
                () -> packages.importPackage(zip(CoursePackageZips.newCode())),
                () -> packages.importPackageFolder(CoursePackageZips.peer2peer()),
                () -> packages.exportPackage(draft, new ByteArrayOutputStream()),
                () -> versions.courses(),
                () -> versions.publish(draft),
                () -> versions.newDraftFrom(draft),
                () -> versions.updateCourseDetails(draft, details(), 0),
                () -> courseSessions.sessions(draft),
                () -> courseSessions.updateSession(first.sessionId(), "t", "a", "<p>x</p>", first.version()),
                () -> courseSessions.moveSession(first.sessionId(), 1),
                () -> courseSessions.removeSession(first.sessionId()),
                () -> exerciseFiles.addExerciseFile(first.sessionId(), new ByteArrayInputStream(pdf(100)), "x.pdf", "x"),
                () -> exerciseFiles.removeExerciseFile(fileId),
                () -> courseGlossary.glossaryTerms(draft),
                () -> courseGlossary.addGlossaryTerm(draft, "Term", "<p>Definition</p>", null),
                () -> courseGlossary.updateGlossaryTerm(1L, "Term", "<p>Definition</p>", null, 0),
                () -> courseGlossary.removeGlossaryTerm(1L),
                () -> usefulResources.usefulResources(draft),
                () -> usefulResources.addUsefulResource(draft, "Samaritans", "https://www.samaritans.org", null),
                () -> usefulResources.updateUsefulResource(1L, "Samaritans", "https://www.samaritans.org", null, 0),
                () -> usefulResources.removeUsefulResource(1L),
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
        audited("COURSE_IMPORTED", () -> ids[0] = packages.importPackage(zip(code)).courseId());
        long draft = ids[0];
        SessionEditView first = sessions(draft).get(0);
        audited("COURSE_DETAILS_UPDATED", () -> versions.updateCourseDetails(draft, details(), version(code, 1).version()));
        audited("SESSION_UPDATED", () -> courseSessions.updateSession(first.sessionId(), "Introduction", first.aims(),
                "<p>Welcome.</p>", first.version()));
        audited("SESSION_MOVED", () -> courseSessions.moveSession(first.sessionId(), 1));
        audited("EXERCISE_FILE_ADDED", () -> ids[1] = exerciseFiles.addExerciseFile(first.sessionId(),
                new ByteArrayInputStream(pdf(2000)), "handout.pdf", "Handout"));
        audited("EXERCISE_FILE_REMOVED", () -> exerciseFiles.removeExerciseFile(ids[1]));
        audited("GLOSSARY_TERM_ADDED", () -> ids[2] = courseGlossary.addGlossaryTerm(draft, "Mutuality", "<p>Shared respect.</p>", null));
        long termVersion = asCoordinator.call(() -> courseGlossary.glossaryTerms(draft)).stream()
                .filter(t -> t.termId() == ids[2]).findFirst().orElseThrow().version();
        audited("GLOSSARY_TERM_UPDATED", () -> courseGlossary.updateGlossaryTerm(ids[2], "Mutuality",
                "<p>Respect and responsibility, shared.</p>", null, termVersion));
        audited("GLOSSARY_TERM_REMOVED", () -> courseGlossary.removeGlossaryTerm(ids[2]));
        audited("RESOURCE_ADDED", () -> ids[2] = usefulResources.addUsefulResource(draft, "Samaritans", "https://www.samaritans.org", null));
        long resourceVersion = asCoordinator.call(() -> usefulResources.usefulResources(draft)).stream()
                .filter(r -> r.resourceId() == ids[2]).findFirst().orElseThrow().version();
        audited("RESOURCE_UPDATED", () -> usefulResources.updateUsefulResource(ids[2], "Samaritans",
                "https://www.samaritans.org", "Free, 24 hours a day.", resourceVersion));
        audited("RESOURCE_REMOVED", () -> usefulResources.removeUsefulResource(ids[2]));
        audited("SESSION_REMOVED", () -> courseSessions.removeSession(sessions(draft).get(10).sessionId()));
        audited("COURSE_PUBLISHED", () -> versions.publish(draft));
        audited("COURSE_DRAFT_CREATED", () -> versions.newDraftFrom(draft));
        audited("COURSE_EXPORTED", () -> packages.exportPackage(draft, new ByteArrayOutputStream()));
        assertTrue(sql.count("select count(*) from audit_entry where " + AuditActors.BY_PERSON + " and subject_type = 'Course' "
                + "and subject_id = ?", coordinator, Long.toString(draft)) >= 4);
    }

    // ---------------------------------------------------------------- structure and content warnings

    private static final String STALE = "Someone else changed this while you were editing. Your changes were not saved; "
            + "reload the page to see theirs.";

    @Test
    void issue3_aCoordinatorEditsADraftsUnitsOutcomesAndEvidenceRequirements() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        List<UnitView> imported = units(draft);
        assertEquals(List.of("RC", "DP"), imported.stream().map(UnitView::code).toList());
        OutcomeView rc1 = imported.get(0).outcomes().get(0);
        assertEquals("RC.1", rc1.code());
        assertTrue(rc1.draft(), "imported outcomes are drafts for the centre to confirm");
        assertEquals(List.of("RC.1.1", "RC.1.2", "RC.1.3"), rc1.evidenceRequirements().stream()
                .map(EvidenceRequirementView::code).toList());
        assertEquals(List.of("Personal recovery story essay"), rc1.assessedBy());

        long unitId = asCoordinator.call(() -> structure.addUnit(draft, "OPT", "Optional unit"));
        long outcomeId = asCoordinator.call(() -> structure.addOutcome(unitId, "OPT.1", "Reflect on practice.", true));
        long requirementId = asCoordinator.call(() -> structure.addEvidenceRequirement(outcomeId, "OPT.1.1",
                "Keep a reflective log.", true));
        UnitView added = units(draft).get(2);
        assertEquals(3, added.position());
        assertEquals("Optional unit", added.title());
        assertEquals("OPT.1.1", added.outcomes().get(0).evidenceRequirements().get(0).code());

        asCoordinator.run(() -> structure.updateUnit(unitId, "OPT-A", "Optional unit A", added.version()));
        OutcomeView outcome = units(draft).get(2).outcomes().get(0);
        asCoordinator.run(() -> structure.updateOutcome(outcomeId, "OPT-A.1", "Reflect on your practice.", false,
                outcome.version()));
        EvidenceRequirementView requirement = units(draft).get(2).outcomes().get(0).evidenceRequirements().get(0);
        asCoordinator.run(() -> structure.updateEvidenceRequirement(requirementId, "OPT-A.1.1", "Keep a log.", false,
                requirement.version()));
        UnitView edited = units(draft).get(2);
        assertEquals("OPT-A", edited.code());
        assertEquals("Optional unit A", edited.title());
        assertEquals("OPT-A.1", edited.outcomes().get(0).code());
        assertFalse(edited.outcomes().get(0).draft(), "the centre has confirmed it");
        assertEquals("Keep a log.", edited.outcomes().get(0).evidenceRequirements().get(0).text());

        long rc11 = rc1.evidenceRequirements().get(0).requirementId();
        asCoordinator.run(() -> structure.removeEvidenceRequirement(rc11));
        List<EvidenceRequirementView> left = units(draft).get(0).outcomes().get(0).evidenceRequirements();
        assertEquals(List.of("RC.1.2", "RC.1.3"), left.stream().map(EvidenceRequirementView::code).toList());
        assertEquals(List.of(1, 2), left.stream().map(EvidenceRequirementView::position).toList(), "renumbered");

        asCoordinator.run(() -> structure.removeOutcome(outcomeId));
        assertTrue(units(draft).get(2).outcomes().isEmpty());
        asCoordinator.run(() -> structure.removeUnit(unitId));
        assertEquals(List.of("RC", "DP"), units(draft).stream().map(UnitView::code).toList());
        assertEquals(0, sql.count("select count(*) from evidence_requirement where id = ?", requirementId));
    }

    @Test
    void issue3_codesStayUniqueInAVersionAndBlankFieldsAreRefusedOneByOne() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        List<UnitView> units = units(draft);
        UnitView dp = units.get(1);
        OutcomeView dp1 = dp.outcomes().get(0);
        EvidenceRequirementView dp11 = dp1.evidenceRequirements().get(0);

        assertRefused("structure.code.taken", "RC", () -> structure.addUnit(draft, "RC", "Another unit"));
        assertRefused("structure.code.taken", "RC.1", () -> structure.addOutcome(dp.unitId(), "RC.1", "Text", false));
        assertRefused("structure.code.taken", "RC.1.2", () -> structure.updateEvidenceRequirement(
                dp11.requirementId(), "RC.1.2", dp11.text(), false, dp11.version()));
        assertRefused("structure.code.taken", "RC.2", () -> structure.updateOutcome(dp1.outcomeId(), "RC.2", dp1.text(),
                true, dp1.version()));

        assertRefused("structure.code.required", "Enter a code.", () -> structure.addUnit(draft, " ", "A title"));
        assertRefused("structure.title.required", "Enter a title.", () -> structure.addUnit(draft, "NEW", ""));
        assertRefused("structure.text.required", "Enter the text.", () -> structure.addOutcome(dp.unitId(), "NEW.1", null, false));
        assertRefused("structure.text.required", "Enter the text.", () -> structure.addEvidenceRequirement(dp1.outcomeId(),
                "NEW.1.1", "  ", false));
        assertRefused("structure.code.format", "letters, digits", () -> structure.addUnit(draft, "two words", "Title"));
        assertEquals(units, units(draft), "nothing changed");
    }

    @Test
    void issue3_anOutcomeATaskAssessesCannotBeRemovedUntilTheTaskNoLongerAssessesIt() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        UnitView rc = units(draft).get(0);
        OutcomeView rc1 = rc.outcomes().get(0);
        assertRefused("structure.remove.assessed.outcome", "Personal recovery story essay",
                () -> structure.removeOutcome(rc1.outcomeId()));
        assertRefused("structure.remove.assessed.unit", "Untick its outcomes", () -> structure.removeUnit(rc.unitId()));

        AssessmentTaskView essay = asCoordinator.call(() -> structure.assessmentTasks(draft)).get(0);
        assertEquals("ESSAY", essay.code());
        assertEquals(6, essay.setAtSession());
        assertEquals(List.of("RC.1", "RC.2", "RC.3"), essay.outcomeCodes());
        assertRefused("structure.setAt.unknown", "no session 12", () -> structure.updateAssessmentTask(essay.taskId(),
                essay.title(), essay.description(), 12, null, essay.outcomeCodes(), essay.version()));
        assertRefused("structure.outcomes.unknown", "XX.9", () -> structure.updateAssessmentTask(essay.taskId(),
                essay.title(), essay.description(), 6, 7, List.of("RC.2", "XX.9"), essay.version()));
        assertRefused("structure.outcomes.required", "at least one", () -> structure.updateAssessmentTask(essay.taskId(),
                essay.title(), essay.description(), 6, 7, List.of(), essay.version()));
        assertRefused("structure.dueAt.beforeSet", "before it is set", () -> structure.updateAssessmentTask(essay.taskId(),
                essay.title(), essay.description(), 6, 5, List.of("RC.2"), essay.version()));

        asCoordinator.run(() -> structure.updateAssessmentTask(essay.taskId(), "Recovery story essay", essay.description(),
                5, 7, List.of("RC.2", "RC.3"), essay.version()));
        AssessmentTaskView changed = asCoordinator.call(() -> structure.assessmentTasks(draft)).get(0);
        assertEquals("Recovery story essay", changed.title());
        assertEquals(5, changed.setAtSession());
        assertEquals(7, changed.dueAtSession());
        assertEquals(List.of("RC.2", "RC.3"), changed.outcomeCodes());
        assertTrue(units(draft).get(0).outcomes().get(0).assessedBy().isEmpty());

        asCoordinator.run(() -> structure.removeOutcome(rc1.outcomeId()));
        assertEquals(List.of("RC.2", "RC.3"), units(draft).get(0).outcomes().stream().map(OutcomeView::code).toList());
        assertEquals(List.of(1, 2), units(draft).get(0).outcomes().stream().map(OutcomeView::position).toList());
    }

    @Test
    void issue3_aPublishedVersionsStructureAndWarningsCannotBeChanged() throws Exception {
        long published = published(CoursePackageZips.newCode());
        UnitView rc = units(published).get(0);
        OutcomeView rc1 = rc.outcomes().get(0);
        EvidenceRequirementView rc11 = rc1.evidenceRequirements().get(0);
        AssessmentTaskView essay = asCoordinator.call(() -> structure.assessmentTasks(published)).get(0);
        ContentWarningEditView warning = warning(published, 10);
        assertFalse(warning.editable());
        List<AsCoordinator.Work> changes = List.of(
                () -> structure.addUnit(published, "NEW", "New unit"),
                () -> structure.updateUnit(rc.unitId(), "RC", "Renamed", rc.version()),
                () -> structure.removeUnit(rc.unitId()),
                () -> structure.addOutcome(rc.unitId(), "RC.9", "Text", false),
                () -> structure.updateOutcome(rc1.outcomeId(), "RC.1", "Text", false, rc1.version()),
                () -> structure.removeOutcome(rc1.outcomeId()),
                () -> structure.addEvidenceRequirement(rc1.outcomeId(), "RC.1.9", "Text", false),
                () -> structure.updateEvidenceRequirement(rc11.requirementId(), "RC.1.1", "Text", false, rc11.version()),
                () -> structure.removeEvidenceRequirement(rc11.requirementId()),
                () -> structure.updateAssessmentTask(essay.taskId(), "Essay", "Text", 6, null, List.of("RC.1"), essay.version()),
                () -> warnings.updateContentWarning(warning.sessionId(), List.of(), null, List.of(), warning.version()));
        List<Executable> refusals = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            AsCoordinator.Work change = changes.get(i);
            int index = i;
            refusals.add(() -> {
                BusinessException refused = assertThrows(BusinessException.class, () -> asCoordinator.run(change), "call " + index);
                assertTrue(refused.getMessage().contains("cannot be changed"), "call " + index + ": " + refused.getMessage());
            });
        }
        assertAll(refusals);
        assertEquals(units(published), List.of(rc, units(published).get(1)));
        assertTrue(warning(published, 10).hasWarning());
    }

    @Test
    void issue3_aSecondStructureEditFromTheSameVersionIsRefused() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        UnitView rc = units(draft).get(0);
        OutcomeView rc2 = rc.outcomes().get(1);
        EvidenceRequirementView rc21 = rc2.evidenceRequirements().get(0);
        AssessmentTaskView essay = asCoordinator.call(() -> structure.assessmentTasks(draft)).get(0);
        ContentWarningEditView warning = warning(draft, 10);

        asCoordinator.run(() -> structure.updateUnit(rc.unitId(), "RC", "Recovery Context (edited)", rc.version()));
        assertRefused("admin.stale", STALE, () -> structure.updateUnit(rc.unitId(), "RC", "Another title", rc.version()));
        asCoordinator.run(() -> structure.updateOutcome(rc2.outcomeId(), "RC.2", "Edited.", false, rc2.version()));
        assertRefused("admin.stale", STALE, () -> structure.updateOutcome(rc2.outcomeId(), "RC.2", "Other.", true, rc2.version()));
        asCoordinator.run(() -> structure.updateEvidenceRequirement(rc21.requirementId(), "RC.2.1", "Edited.", false, rc21.version()));
        assertRefused("admin.stale", STALE, () -> structure.updateEvidenceRequirement(rc21.requirementId(), "RC.2.1", "Other.",
                false, rc21.version()));
        asCoordinator.run(() -> structure.updateAssessmentTask(essay.taskId(), essay.title(), essay.description(), 6, 11,
                essay.outcomeCodes(), essay.version()));
        assertRefused("admin.stale", STALE, () -> structure.updateAssessmentTask(essay.taskId(), essay.title(),
                essay.description(), 6, null, List.of("RC.1"), essay.version()));
        asCoordinator.run(() -> warnings.updateContentWarning(warning.sessionId(), warning.topics(), warning.note(),
                warning.contacts().subList(0, 1), warning.version()));
        assertRefused("admin.stale", STALE, () -> warnings.updateContentWarning(warning.sessionId(), warning.topics(),
                warning.note(), warning.contacts(), warning.version()));

        UnitView after = units(draft).get(0);
        assertEquals("Recovery Context (edited)", after.title(), "the first edit stands");
        assertEquals("Edited.", after.outcomes().get(1).text());
        assertEquals("Edited.", after.outcomes().get(1).evidenceRequirements().get(0).text());
        assertEquals(11, asCoordinator.call(() -> structure.assessmentTasks(draft)).get(0).dueAtSession());
        assertEquals(1, warning(draft, 10).contacts().size());
    }

    @Test
    void issue3_aCoordinatorChangesAndRemovesASessionsContentWarning() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        ContentWarningEditView tenth = warning(draft, 10);
        assertTrue(tenth.editable());
        assertEquals(List.of("trauma", "suicidality", "risk"), tenth.topics());
        assertTrue(tenth.contacts().stream().anyMatch(c -> c.name().equals("Samaritans") && "116 123".equals(c.phone())));

        SignpostContact samaritans = new SignpostContact("Samaritans", "116 123", null, "https://www.samaritans.org",
                "Free, any time, day or night.");
        SignpostContact shout = new SignpostContact("Shout", null, "85258", null, null);
        asCoordinator.run(() -> warnings.updateContentWarning(tenth.sessionId(), List.of("self-harm", " ", "suicide"),
                "Take a break whenever you need to.", List.of(samaritans, shout), tenth.version()));
        ContentWarningEditView changed = warning(draft, 10);
        assertEquals(List.of("self-harm", "suicide"), changed.topics(), "blank topics are dropped");
        assertEquals("Take a break whenever you need to.", changed.note());
        assertEquals(List.of(samaritans, shout), changed.contacts());
        assertEquals(List.of("self-harm", "suicide"), asCoordinator.call(() -> catalog.previewLesson(draft, 10))
                .contentWarning().topics(), "candidates see the new warning");

        SignpostContact ftp = new SignpostContact("Samaritans", null, null, "ftp://samaritans.org", null);
        assertRefused("warning.contact.url.format", "should start with https://", () -> warnings.updateContentWarning(
                tenth.sessionId(), List.of("suicide"), null, List.of(ftp), changed.version()));
        SignpostContact badPhone = new SignpostContact("Samaritans", "call us", null, null, null);
        assertRefused("warning.contact.phone.format", "digits and spaces", () -> warnings.updateContentWarning(
                tenth.sessionId(), List.of("suicide"), null, List.of(badPhone), changed.version()));
        assertRefused("warning.topics.required", "at least one topic", () -> warnings.updateContentWarning(
                tenth.sessionId(), List.of(" "), null, List.of(samaritans), changed.version()));
        assertEquals(changed, warning(draft, 10), "a refused change changes nothing");

        asCoordinator.run(() -> warnings.updateContentWarning(tenth.sessionId(), List.of(), "ignored", List.of(),
                changed.version()));
        ContentWarningEditView removed = warning(draft, 10);
        assertFalse(removed.hasWarning());
        assertTrue(removed.contacts().isEmpty());
        assertEquals(null, removed.note());
        assertEquals(null, asCoordinator.call(() -> catalog.previewLesson(draft, 10)).contentWarning());
        assertEquals(0, sql.count("select count(*) from signpost_contact where session_id = ?", tenth.sessionId()));
    }

    @Test
    void issue3_onlyCoordinatorsEditTheStructure() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        UnitView rc = units(draft).get(0);
        OutcomeView rc1 = rc.outcomes().get(0);
        EvidenceRequirementView rc11 = rc1.evidenceRequirements().get(0);
        ContentWarningEditView warning = warning(draft, 10);
        List<AsCandidate.Work> calls = List.of(
                () -> structure.heading(draft),
                () -> structure.units(draft),
                () -> structure.addUnit(draft, "NEW", "New unit"),
                () -> structure.updateUnit(rc.unitId(), "RC", "Renamed", rc.version()),
                () -> structure.removeUnit(rc.unitId()),
                () -> structure.addOutcome(rc.unitId(), "RC.9", "Text", false),
                () -> structure.updateOutcome(rc1.outcomeId(), "RC.1", "Text", false, rc1.version()),
                () -> structure.removeOutcome(rc1.outcomeId()),
                () -> structure.addEvidenceRequirement(rc1.outcomeId(), "RC.1.9", "Text", false),
                () -> structure.updateEvidenceRequirement(rc11.requirementId(), "RC.1.1", "Text", false, rc11.version()),
                () -> structure.removeEvidenceRequirement(rc11.requirementId()),
                () -> structure.assessmentTasks(draft),
                () -> structure.updateAssessmentTask(1L, "Essay", "Text", 6, null, List.of("RC.1"), 0),
                () -> warnings.contentWarning(warning.sessionId()),
                () -> warnings.updateContentWarning(warning.sessionId(), List.of(), null, List.of(), warning.version()));
        List<Executable> refusals = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            AsCandidate.Work call = calls.get(i);
            int index = i;
            refusals.add(() -> assertThrows(EJBAccessException.class, () -> asCandidate.run(call), "call " + index));
        }
        assertAll(refusals);
        assertEquals(List.of(rc, units(draft).get(1)), units(draft), "the candidate changed nothing");
        assertEquals(warning, warning(draft, 10));
    }

    @Test
    void issue3_everyStructureChangeIsAudited() throws Exception {
        long draft = draft(CoursePackageZips.newCode());
        long[] ids = new long[3];
        audited("UNIT_ADDED", () -> ids[0] = structure.addUnit(draft, "AUD", "Audited unit"));
        audited("UNIT_UPDATED", () -> structure.updateUnit(ids[0], "AUD", "Audited unit, renamed", units(draft).get(2).version()));
        audited("OUTCOME_ADDED", () -> ids[1] = structure.addOutcome(ids[0], "AUD.1", "An outcome.", true));
        audited("OUTCOME_UPDATED", () -> structure.updateOutcome(ids[1], "AUD.1", "An outcome, confirmed.", false,
                units(draft).get(2).outcomes().get(0).version()));
        audited("EVIDENCE_REQUIREMENT_ADDED", () -> ids[2] = structure.addEvidenceRequirement(ids[1], "AUD.1.1", "Evidence.", true));
        audited("EVIDENCE_REQUIREMENT_UPDATED", () -> structure.updateEvidenceRequirement(ids[2], "AUD.1.1", "Evidence.", false,
                units(draft).get(2).outcomes().get(0).evidenceRequirements().get(0).version()));
        audited("EVIDENCE_REQUIREMENT_REMOVED", () -> structure.removeEvidenceRequirement(ids[2]));
        audited("OUTCOME_REMOVED", () -> structure.removeOutcome(ids[1]));
        audited("UNIT_REMOVED", () -> structure.removeUnit(ids[0]));
        AssessmentTaskView essay = asCoordinator.call(() -> structure.assessmentTasks(draft)).get(0);
        audited("ASSESSMENT_TASK_UPDATED", () -> structure.updateAssessmentTask(essay.taskId(), essay.title(),
                essay.description(), 6, 11, essay.outcomeCodes(), essay.version()));
        ContentWarningEditView warning = warning(draft, 10);
        audited("CONTENT_WARNING_UPDATED", () -> warnings.updateContentWarning(warning.sessionId(), List.of("suicide"),
                null, warning.contacts(), warning.version()));
        audited("CONTENT_WARNING_REMOVED", () -> warnings.updateContentWarning(warning.sessionId(), List.of(), null,
                List.of(), warning(draft, 10).version()));
        assertEquals(1, sql.count("select count(*) from audit_entry where action = 'UNIT_ADDED' and subject_id = ? "
                + "and detail like '%unit AUD'", Long.toString(ids[0])));
    }

    private void assertRefused(String key, String text, AsCoordinator.Work work) {
        BusinessException refused = assertThrows(BusinessException.class, () -> asCoordinator.run(work));
        assertEquals(key, refused.key(), refused.getMessage());
        assertTrue(refused.getMessage().contains(text), refused.getMessage());
        // issue 15: what a person reads is the bundle's wording, the same words
        assertEquals(refused.getMessage(), org.peersupport.portal.platform.boundary.Messages.text(
                java.util.ResourceBundle.getBundle(org.peersupport.portal.platform.boundary.Messages.BUNDLE,
                        java.util.Locale.UK), refused), "the bundle's wording for " + key);
    }

    private List<UnitView> units(long courseId) throws Exception {
        return asCoordinator.call(() -> structure.units(courseId));
    }

    private ContentWarningEditView warning(long courseId, int number) throws Exception {
        long sessionId = sessions(courseId).get(number - 1).sessionId();
        return asCoordinator.call(() -> warnings.contentWarning(sessionId));
    }

    // ---------------------------------------------------------------- helpers

    private void audited(String action, AsCoordinator.Work work) throws Exception {
        String actor = AsCoordinator.ACCOUNT.username();
        long before = sql.count("select count(*) from audit_entry where " + AuditActors.BY_PERSON + " and action = ?", actor, action);
        asCoordinator.run(work);
        assertEquals(before + 1, sql.count("select count(*) from audit_entry where " + AuditActors.BY_PERSON + " and action = ?", actor, action),
                action + " is written to the audit trail");
    }

    private static ByteArrayInputStream zip(String code) {
        return new ByteArrayInputStream(CoursePackageZips.peer2peerZip(code, UnaryOperator.identity()));
    }

    private long draft(String code) throws Exception {
        return asCoordinator.call(() -> packages.importPackage(zip(code))).courseId();
    }

    /**
     * Issue 4: a person who is only a candidate reads a course while enrolled on a cohort of it, each lesson from
     * its session's date; this puts the test's candidate on a cohort of the version whose sessions have all begun.
     */
    private void enrolTheCandidate(long courseId) throws Exception {
        int count = sessions(courseId).size();
        LocalDate start = LocalDate.now().minusMonths(4);
        List<LocalDateTime> schedule = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            schedule.add(start.plusWeeks(i).atTime(10, 0));
        }
        long cohort = asCoordinator.call(() -> cohorts.create(courseId, new CohortDetails("Course IT cohort", start,
                start.plusMonths(6), "Room 1", null, null, 20, null), schedule));
        asCoordinator.call(() -> enrolling.enrol(cohort, AsCandidate.ACCOUNT.username()));
    }

    private long published(String code) throws Exception {
        long id = draft(code);
        asCoordinator.run(() -> versions.publish(id));
        return id;
    }

    private List<SessionEditView> sessions(long courseId) throws Exception {
        return asCoordinator.call(() -> courseSessions.sessions(courseId));
    }

    private CourseVersionSummary version(String code, int number) throws Exception {
        return asCoordinator.call(versions::courses).stream().filter(c -> c.code().equals(code) && c.versionNumber() == number)
                .findFirst().orElseThrow();
    }

    private byte[] export(long courseId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        asCoordinator.run(() -> packages.exportPackage(courseId, out));
        return out.toByteArray();
    }

    private CourseEditView edit(long courseId) throws Exception {
        return asCoordinator.call(() -> versions.courseForEdit(courseId));
    }

    private static CourseDetails withThreshold(Integer threshold) {
        CourseDetails d = details();
        return new CourseDetails(d.title(), d.summary(), d.versionLabel(), d.awardName(), d.scqfLevel(), d.credits(),
                d.completionMode(), threshold, d.agreementHtml(), d.agreementDraft());
    }

    private static CourseDetails details() {
        return new CourseDetails("Peer2Peer", "Peer support training.", "1.1",
                "Professional Development Award in Mental Health Peer Support", 7, 24, CompletionMode.MANUAL, 75,
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
