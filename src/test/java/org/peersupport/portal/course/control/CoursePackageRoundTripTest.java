package org.peersupport.portal.course.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.platform.control.BusinessException;

/** Writing a package and reading it back gives the same course. */
class CoursePackageRoundTripTest {

    @TempDir
    Path dir;

    private final CoursePackageReader reader = new CoursePackageReader(CoursePackageReader.Limits.DEFAULT, null);
    private final CoursePackageWriter writer = new CoursePackageWriter();

    @Test
    void peer2peerSurvivesAFolderRoundTrip() throws Exception {
        try (LoadedCoursePackage original = reader.read(TestPackages.PEER2PEER)) {
            Path copy = dir.resolve("copy");
            writer.write(original.coursePackage(), original, copy);
            try (LoadedCoursePackage again = reader.read(copy)) {
                assertEquals(original.coursePackage(), again.coursePackage());
                CoursePackageZipTest.assertSameExerciseBytes(original, again);
            }
            assertTrue(Files.exists(copy.resolve("sessions/02-what-is-recovery.md")));
            assertEquals(Files.readString(TestPackages.PEER2PEER.resolve("sessions/02-what-is-recovery.md")),
                    Files.readString(copy.resolve("sessions/02-what-is-recovery.md")), "the lesson file is unchanged");
        }
    }

    @Test
    void peer2peerSurvivesAZipRoundTrip() throws Exception {
        try (LoadedCoursePackage original = reader.read(TestPackages.PEER2PEER)) {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            writer.writeZip(original.coursePackage(), original, zip);
            try (LoadedCoursePackage again = reader.readZip(new ByteArrayInputStream(zip.toByteArray()))) {
                assertEquals(original.coursePackage(), again.coursePackage());
                CoursePackageZipTest.assertSameExerciseBytes(original, again);
            }
        }
    }

    @Test
    void packageWithoutOptionalPartsSurvivesARoundTrip() throws Exception {
        CoursePackage bare = new CoursePackage("BARE", "Bare: a course", "Only what is required.", "2.0", null,
                CompletionMode.ON_VIEW, 0, null, List.of(),
                List.of(new PackageSession(1, "only", "Only session", "Aims with 'quotes', a # and: a colon.",
                        "Line one\n\n  indented line\n\n- a list", List.of(), null)),
                List.of(), List.of(), List.of());
        Path copy = dir.resolve("bare");
        writer.write(bare, file -> { throw new AssertionError("no exercise files"); }, copy);
        try (LoadedCoursePackage again = reader.read(copy)) {
            assertEquals(bare, again.coursePackage());
        }
    }

    @Test
    void theAttendanceThresholdSurvivesWritingReadingImportExportAndANewDraft() throws Exception {
        CoursePackage p = new CoursePackage("ATT", "Attendance", "A course that needs 65% attendance.", "1.0", null,
                CompletionMode.MANUAL, 65, null, List.of(),
                List.of(new PackageSession(1, "only", "Only session", "Aims.", "Lesson.", List.of(), null)),
                List.of(), List.of(), List.of());
        Path copy = dir.resolve("threshold");
        writer.write(p, file -> { throw new AssertionError("no exercise files"); }, copy);
        assertTrue(Files.readString(copy.resolve("course.yaml")).contains("\n  attendanceThreshold: 65\n"));
        try (LoadedCoursePackage again = reader.read(copy)) {
            assertEquals(65, again.coursePackage().attendanceThreshold());
        }

        Course course = CoursePackageMapping.toCourse(p, 1, Instant.now(), file -> { throw new AssertionError(); });
        assertEquals(65, course.getAttendanceThreshold(), "import keeps it");
        assertEquals(p, CoursePackageMapping.toPackage(course), "export writes it");
        assertEquals(65, course.newDraft(2, Instant.now()).getAttendanceThreshold(), "a new draft copies it");
        BusinessException refused = assertThrows(BusinessException.class, () -> course.describe("Attendance", "S", "1.0",
                null, null, null, CompletionMode.MANUAL, 101));
        assertEquals("course.details.threshold", refused.key());
        assertEquals(65, course.getAttendanceThreshold(), "a refused threshold changes nothing");
    }

    @Test
    void awkwardTextSurvivesARoundTrip() throws Exception {
        String longLine = "- Starts like a list item, has a colon: here, a hash # there, two  spaces, ‘curly quotes’ "
                + "and is far longer than the eighty characters after which the writer folds lines";
        CoursePackage awkward = new CoursePackage("AWK", "yes", "123", "1.10", new Award("no", 1, 40),
                CompletionMode.MANUAL, 100, new ParticipationAgreement("# A\n\nB", false), List.of(),
                List.of(new PackageSession(1, "s", "null", longLine, "trailing spaces   \nkept inside", List.of(),
                        new ContentWarning(List.of("a, b", "[c]"), null,
                                List.of(new SignpostContact("999", "999", null, null, null))))),
                List.of(new GlossaryEntry("true", longLine + "\n\n" + longLine, true, null)),
                List.of(new UsefulResource("~", "https://example.org/a?b=c#d", null)), List.of());
        Path copy = dir.resolve("awkward");
        writer.write(awkward, file -> { throw new AssertionError("no exercise files"); }, copy);
        try (LoadedCoursePackage again = reader.read(copy)) {
            assertEquals(awkward, again.coursePackage());
        }
    }

    @Test
    void exerciseFileSharedByTwoSessionsIsWrittenOnceAndOpensForBoth() throws Exception {
        String manifest = TestPackages.manifestWith("    about: sessions/second.md\n", """
                    about: sessions/second.md
                    exerciseFiles:
                      - title: The same worksheet, again
                        file: exercises/worksheet.txt
                """);
        try (LoadedCoursePackage original = reader.read(TestPackages.minimalPackage(dir.resolve("shared"), manifest))) {
            List<ExerciseFile> files = original.coursePackage().exerciseFiles();
            assertEquals(2, files.size());
            files.forEach(f -> assertEquals("Worksheet\n", new String(TestPackages.bytesOf(original, f))));
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            writer.writeZip(original.coursePackage(), original, zip);
            try (LoadedCoursePackage again = reader.readZip(new ByteArrayInputStream(zip.toByteArray()))) {
                assertEquals(original.coursePackage(), again.coursePackage());
            }
        }
    }

    @Test
    void writtenManifestIsReadableByAPerson() throws Exception {
        try (LoadedCoursePackage original = reader.read(TestPackages.PEER2PEER)) {
            String manifest = writer.manifest(original.coursePackage());
            assertTrue(manifest.contains("\nformatVersion: 1\n"), manifest);
            assertTrue(manifest.contains("    about: sessions/10-positive-risk-taking-and-boundaries.md\n"), manifest);
            assertTrue(manifest.contains("topics: [trauma, suicidality, risk]"), manifest);
            assertTrue(manifest.contains("phone: 116 123"), manifest);
            assertTrue(manifest.contains("\n  completion: manual\n  attendanceThreshold: 80\n"), manifest);
        }
    }

    @Test
    void refusesToWriteOverAnotherFolder() throws Exception {
        Files.writeString(dir.resolve("something.txt"), "keep me");
        try (LoadedCoursePackage original = reader.read(TestPackages.PEER2PEER)) {
            assertThrows(IllegalArgumentException.class, () -> writer.write(original.coursePackage(), original, dir));
        }
        assertEquals("keep me", Files.readString(dir.resolve("something.txt")));
    }
}
