package org.peersupport.portal.course.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading packages from ZIP uploads. */
class CoursePackageZipTest {

    @TempDir
    Path dir;

    private Path spool;
    private CoursePackageReader reader;

    @BeforeEach
    void spoolInsideTheTestFolder() throws Exception {
        spool = Files.createDirectories(dir.resolve("spool"));
        reader = new CoursePackageReader(CoursePackageReader.Limits.DEFAULT, spool);
    }

    @Test
    void zipOfPeer2PeerReadsTheSameAsTheFolder() throws Exception {
        try (LoadedCoursePackage fromFolder = reader.read(TestPackages.PEER2PEER);
                LoadedCoursePackage fromZip = readZip(TestPackages.zipOf(TestPackages.PEER2PEER, ""))) {
            assertEquals(fromFolder.coursePackage(), fromZip.coursePackage());
            assertSameExerciseBytes(fromFolder, fromZip);
        }
    }

    @Test
    void zipMadeFromThePackageFolderItselfReads() throws Exception {
        try (LoadedCoursePackage fromFolder = reader.read(TestPackages.PEER2PEER);
                LoadedCoursePackage fromZip = readZip(TestPackages.zipOf(TestPackages.PEER2PEER, "peer2peer/"))) {
            assertEquals(fromFolder.coursePackage(), fromZip.coursePackage());
            assertSameExerciseBytes(fromFolder, fromZip);
        }
    }

    @Test
    void closingDeletesTheUnpackedFiles() throws Exception {
        LoadedCoursePackage loaded = readZip(TestPackages.zipOf(TestPackages.PEER2PEER, ""));
        assertFalse(TestPackages.filesUnder(spool).isEmpty());
        ExerciseFile log = loaded.coursePackage().exerciseFiles().get(0);
        loaded.close();
        assertEquals(List.of(), TestPackages.filesUnder(spool));
        assertThrows(IllegalStateException.class, () -> loaded.open(log));
    }

    @Test
    void zipSlipEntryIsRefusedAndNothingIsWrittenOutsideOrImported() throws Exception {
        Path pkg = TestPackages.minimalPackage(dir.resolve("pkg"));
        List<String> entries = new ArrayList<>(entriesOf(pkg));
        entries.add("../../evil.txt");
        entries.add("overwritten");
        CoursePackageException e = assertThrows(CoursePackageException.class,
                () -> readZip(TestPackages.zipOf(entries.toArray(String[]::new))));
        assertEquals(1, e.problems().size(), e.problems().toString());
        PackageProblem problem = e.problems().get(0);
        assertEquals("../../evil.txt", problem.file());
        assertNull(problem.line());
        assertTrue(problem.message().contains("was refused"), problem.message());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
        assertFalse(Files.exists(dir.getParent().resolve("evil.txt")));
        assertEquals(List.of(), TestPackages.filesUnder(spool), "nothing is kept");
    }

    @Test
    void absoluteAndBackslashEntriesAreRefused() {
        CoursePackageException e = assertThrows(CoursePackageException.class,
                () -> readZip(TestPackages.zipOf("/etc/cron.d/evil", "x", "..\\..\\evil.txt", "x")));
        assertEquals(List.of("/etc/cron.d/evil", "..\\..\\evil.txt", "course.yaml"),
                e.problems().stream().map(PackageProblem::file).toList(), "both refused, and no manifest left");
    }

    @Test
    void zipProblemsAndManifestProblemsAreReportedTogether() throws Exception {
        Path pkg = TestPackages.minimalPackage(dir.resolve("pkg"));
        Files.delete(pkg.resolve("sessions/first.md"));
        List<String> entries = new ArrayList<>(entriesOf(pkg));
        entries.add("../evil.txt");
        entries.add("x");
        CoursePackageException e = assertThrows(CoursePackageException.class,
                () -> readZip(TestPackages.zipOf(entries.toArray(String[]::new))));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertEquals("../evil.txt", e.problems().get(0).file());
        assertTrue(e.problems().get(1).message().contains("'sessions/first.md' is not in the package"));
    }

    @Test
    void tooManyEntriesStopsTheUpload() {
        CoursePackageReader strict = new CoursePackageReader(new CoursePackageReader.Limits(3, 1_000, 10_000, 1_000, 1_000), spool);
        CoursePackageException e = assertThrows(CoursePackageException.class, () -> strict.readZip(
                new ByteArrayInputStream(TestPackages.zipOf("a", "1", "b", "2", "c", "3", "d", "4", "e", "5"))));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).message().contains("more than 3 files and folders"), e.getMessage());
        assertEquals(List.of(), TestPackages.filesUnder(spool));
    }

    @Test
    void oversizedFileStopsTheUploadWithoutTrustingTheDeclaredSize() {
        CoursePackageReader strict = new CoursePackageReader(new CoursePackageReader.Limits(100, 1_000, 1_000_000, 1_000, 1_000), spool);
        String big = "x".repeat(5_000); // compresses to a few bytes: only counting what is unpacked catches it
        CoursePackageException e = assertThrows(CoursePackageException.class,
                () -> strict.readZip(new ByteArrayInputStream(TestPackages.zipOf("exercises/big.txt", big))));
        assertEquals("exercises/big.txt", e.problems().get(0).file());
        assertTrue(e.problems().get(0).message().contains("larger than"), e.getMessage());
        assertEquals(List.of(), TestPackages.filesUnder(spool));
    }

    @Test
    void tooMuchInAllStopsTheUpload() {
        CoursePackageReader strict = new CoursePackageReader(new CoursePackageReader.Limits(100, 1_000, 2_500, 1_000, 1_000), spool);
        String part = "y".repeat(900);
        CoursePackageException e = assertThrows(CoursePackageException.class, () -> strict.readZip(
                new ByteArrayInputStream(TestPackages.zipOf("a.txt", part, "b.txt", part, "c.txt", part))));
        assertTrue(e.problems().get(0).message().contains("unpacks to more than"), e.getMessage());
    }

    @Test
    void somethingThatIsNotAZipIsReported() {
        CoursePackageException e = assertThrows(CoursePackageException.class,
                () -> readZip("formatVersion: 1\n".getBytes()));
        assertTrue(e.problems().get(0).message().contains("not a ZIP"), e.getMessage());
    }

    @Test
    void onlyThePackagesOwnExerciseFilesCanBeOpened() throws Exception {
        try (LoadedCoursePackage loaded = reader.read(TestPackages.PEER2PEER)) {
            ExerciseFile manifest = new ExerciseFile("course.yaml", "Manifest", null, 10);
            assertThrows(IllegalArgumentException.class, () -> loaded.open(manifest));
        }
    }

    private LoadedCoursePackage readZip(byte[] zip) throws Exception {
        try (InputStream in = new ByteArrayInputStream(zip)) {
            return reader.readZip(in);
        }
    }

    /** The package's files as name, content pairs for {@link TestPackages#zipOf(String...)}. */
    private static List<String> entriesOf(Path pkg) throws Exception {
        List<String> entries = new ArrayList<>();
        for (Path file : TestPackages.filesUnder(pkg)) {
            if (Files.isRegularFile(file)) {
                entries.add(pkg.relativize(file).toString().replace('\\', '/'));
                entries.add(Files.readString(file));
            }
        }
        return entries;
    }

    static void assertSameExerciseBytes(LoadedCoursePackage expected, LoadedCoursePackage actual) {
        List<ExerciseFile> files = expected.coursePackage().exerciseFiles();
        assertEquals(files, actual.coursePackage().exerciseFiles());
        for (ExerciseFile file : files) {
            assertArrayEquals(TestPackages.bytesOf(expected, file), TestPackages.bytesOf(actual, file), file.path());
        }
    }
}
