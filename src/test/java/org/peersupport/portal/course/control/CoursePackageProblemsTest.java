package org.peersupport.portal.course.control;

import static org.peersupport.portal.course.control.TestPackages.MINIMAL_MANIFEST;
import static org.peersupport.portal.course.control.TestPackages.lineOf;
import static org.peersupport.portal.course.control.TestPackages.manifestWith;
import static org.peersupport.portal.course.control.TestPackages.minimalPackage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad packages: every problem is reported with its file and line, and nothing is imported. */
class CoursePackageProblemsTest {

    @TempDir
    Path dir;

    private final CoursePackageReader reader = new CoursePackageReader();

    @Test
    void theSmallValidPackageReads() throws Exception {
        try (LoadedCoursePackage loaded = reader.read(minimalPackage(dir))) {
            assertEquals(2, loaded.coursePackage().sessions().size());
            assertEquals(CompletionMode.ON_VIEW, loaded.coursePackage().completion());
            assertEquals(80, loaded.coursePackage().attendanceThreshold(), "without attendanceThreshold, 80%");
        }
    }

    @Test
    void theAttendanceThresholdIsReadFromTheCourse() throws Exception {
        String manifest = manifestWith("  completion: on-view\n", "  completion: on-view\n  attendanceThreshold: 75\n");
        try (LoadedCoursePackage loaded = reader.read(minimalPackage(dir, manifest))) {
            assertEquals(75, loaded.coursePackage().attendanceThreshold());
        }
    }

    @Test
    void anAttendanceThresholdOutsideZeroToAHundredOrNotANumberIsReportedWithItsLine() {
        for (String bad : List.of("101", "-1")) {
            String manifest = manifestWith("  completion: on-view\n", "  completion: on-view\n  attendanceThreshold: " + bad + "\n");
            assertProblem(onlyProblem(manifest), lineOf(manifest, "attendanceThreshold:"), "attendanceThreshold",
                    "from 0 to 100", "not " + bad + ".");
        }
        String words = manifestWith("  completion: on-view\n", "  completion: on-view\n  attendanceThreshold: 80%\n");
        assertProblem(onlyProblem(words), lineOf(words, "attendanceThreshold:"), "'attendanceThreshold' should be a whole number",
                "not '80%'");
        String misspelt = manifestWith("  completion: on-view\n", "  completion: on-view\n  attendanceThreshhold: 75\n");
        assertProblem(onlyProblem(misspelt), lineOf(misspelt, "attendanceThreshhold:"), "Did you mean 'attendanceThreshold'?");
    }

    @Test
    void missingRequiredFieldNamesTheFieldAndTheSessionsLine() {
        String manifest = manifestWith("    title: Second\n", "");
        PackageProblem problem = onlyProblem(manifest);
        assertProblem(problem, lineOf(manifest, "number: 2"), "Session 2", "'title' is missing");
    }

    @Test
    void duplicateSessionNumberPointsAtTheSecondUse() {
        String manifest = manifestWith("number: 2", "number: 1").replace("dueAtSession: 2", "dueAtSession: 1");
        PackageProblem problem = onlyProblem(manifest);
        assertProblem(problem, lineOf(manifest, "number: 1", 2), "Session number 1 is used twice",
                "first on line " + lineOf(manifest, "number: 1"));
    }

    @Test
    void duplicateOutcomeCodeIsReported() {
        String manifest = manifestWith("            text: Evidence one.\n",
                "            text: Evidence one.\n      - code: U1.1\n        text: The same code again.\n");
        PackageProblem problem = onlyProblem(manifest);
        assertProblem(problem, lineOf(manifest, "- code: U1.1", 3), "Outcome code 'U1.1' is used twice",
                "first on line " + lineOf(manifest, "- code: U1.1"));
    }

    @Test
    void missingMarkdownFileNamesTheFileAtTheLineThatRefersToIt() throws Exception {
        minimalPackage(dir);
        Files.delete(dir.resolve("sessions/second.md"));
        PackageProblem problem = onlyProblem(dir);
        assertProblem(problem, lineOf(MINIMAL_MANIFEST, "about: sessions/second.md"), "Session 2",
                "'sessions/second.md' is not in the package");
    }

    @Test
    void missingExerciseFileNamesTheFile() throws Exception {
        minimalPackage(dir);
        Files.delete(dir.resolve("exercises/worksheet.txt"));
        PackageProblem problem = onlyProblem(dir);
        assertProblem(problem, lineOf(MINIMAL_MANIFEST, "file: exercises/worksheet.txt"),
                "Session 1, exercise file 1", "'exercises/worksheet.txt' is not in the package");
    }

    @Test
    void assessmentTaskPointingAtAnUnknownOutcomeIsReported() {
        String manifest = manifestWith("assesses: [U1.1]", "assesses: [U1.1, U9.9]");
        PackageProblem problem = onlyProblem(manifest);
        assertProblem(problem, lineOf(manifest, "assesses:"), "Assessment task 'T1'", "outcome 'U9.9'",
                "no unit has an outcome with that code");
    }

    @Test
    void assessmentTaskPointingAtAnUnknownSessionIsReported() {
        String manifest = manifestWith("dueAtSession: 2", "dueAtSession: 12");
        PackageProblem problem = onlyProblem(manifest);
        assertProblem(problem, lineOf(manifest, "dueAtSession: 12"), "Assessment task 'T1'", "session 12",
                "no session with that number");
    }

    @Test
    void unknownFormatVersionIsReportedAlone() {
        String manifest = manifestWith("formatVersion: 1", "formatVersion: 2").replace("    title: Second\n", "");
        PackageProblem problem = onlyProblem(manifest);
        assertProblem(problem, 1, "format version 2", "format version 1 only");
    }

    @Test
    void missingFormatVersionIsReported() {
        String manifest = manifestWith("formatVersion: 1\n", "");
        assertProblem(onlyProblem(manifest), 1, "'formatVersion' is missing");
    }

    @Test
    void malformedYamlGivesTheLineOfTheMistake() {
        String manifest = manifestWith("    title: Second\n", "    title: Second: the sequel\n");
        PackageProblem problem = onlyProblem(manifest);
        assertProblem(problem, lineOf(manifest, "Second: the sequel"), "not valid YAML");
    }

    @Test
    void missingManifestIsReported() throws Exception {
        minimalPackage(dir);
        Files.delete(dir.resolve("course.yaml"));
        PackageProblem problem = onlyProblem(dir);
        assertEquals("course.yaml", problem.file());
        assertTrue(problem.message().contains("no course.yaml"), problem.message());
    }

    @Test
    void fieldGivenTwiceIsReported() {
        String manifest = manifestWith("  title: Test course\n", "  title: Test course\n  title: Another\n");
        assertProblem(onlyProblem(manifest), lineOf(manifest, "title: Another"), "Course", "'title' appears twice");
    }

    @Test
    void misspeltFieldSuggestsTheRightOne() {
        String manifest = manifestWith("    aims: Second aims.", "    aim: Second aims.");
        List<PackageProblem> problems = problems(manifest);
        assertEquals(2, problems.size(), problems.toString());
        assertProblem(problems.get(0), lineOf(manifest, "aim: Second"), "unknown field 'aim'", "Did you mean 'aims'?");
        assertProblem(problems.get(1), lineOf(manifest, "number: 2"), "'aims' is missing");
    }

    @Test
    void pathLeavingThePackageIsRefused() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("outside")).resolve("secret.md"), "not for import");
        Path pkg = dir.resolve("pkg");
        String manifest = manifestWith("about: sessions/second.md", "about: ../outside/secret.md");
        minimalPackage(pkg, manifest);
        PackageProblem problem = onlyProblem(pkg);
        assertProblem(problem, lineOf(manifest, "../outside/secret.md"), "uses '..'");
    }

    @Test
    void linkToAFileOutsideThePackageIsRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not for import");
        Path pkg = minimalPackage(dir.resolve("pkg"));
        Files.delete(pkg.resolve("exercises/worksheet.txt"));
        Files.createSymbolicLink(pkg.resolve("exercises/worksheet.txt"), secret);
        assertProblem(onlyProblem(pkg), lineOf(MINIMAL_MANIFEST, "file: exercises/worksheet.txt"),
                "link to a file outside the package");
    }

    @Test
    void yamlTagThatWouldCreateJavaObjectsIsRefused() {
        String manifest = manifestWith("summary: A course for tests.",
                "summary: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]");
        List<PackageProblem> problems = problems(manifest);
        assertTrue(problems.stream().allMatch(p -> p.line() == lineOf(manifest, "javax.script")), problems.toString());
        assertTrue(problems.get(0).message().contains("YAML tag '!!javax.script.ScriptEngineManager'"), problems.toString());
    }

    @Test
    void localYamlTagIsRefused() {
        String manifest = manifestWith("  title: Test course", "  title: !shout Test course");
        assertProblem(onlyProblem(manifest), lineOf(manifest, "!shout"), "YAML tag '!shout'");
    }

    @Test
    void aliasBombIsRefusedWithoutExpanding() {
        StringBuilder bomb = new StringBuilder("  summary: A course for tests.\nbomb:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            bomb.append("  ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }
        String manifest = manifestWith("  summary: A course for tests.\n", bomb.toString());
        PackageProblem problem = onlyProblem(manifest);
        assertTrue(problem.message().contains("YAML aliases"), problem.message());
    }

    @Test
    void badValuesAreExplained() {
        String manifest = manifestWith("completion: on-view", "completion: sometimes")
                .replace("kind: essay", "kind: exam")
                .replace("slug: second", "slug: Second Session");
        List<PackageProblem> problems = problems(manifest);
        assertEquals(3, problems.size(), problems.toString());
        assertProblem(problems.get(0), lineOf(manifest, "completion:"), "'manual'", "'on-view'", "not 'sometimes'");
        assertProblem(problems.get(1), lineOf(manifest, "slug: Second"), "lower-case letters");
        assertProblem(problems.get(2), lineOf(manifest, "kind: exam"), "'essay' or 'portfolio'");
    }

    @Test
    void sessionsOutOfOrderOrWithAGapAreReported() {
        String gap = manifestWith("number: 2", "number: 3").replace("dueAtSession: 2", "dueAtSession: 3");
        assertProblem(onlyProblem(gap), lineOf(gap, "sessions:"), "without gaps", "session 2 is missing");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        String manifest = manifestWith("    title: Second\n", "")
                .replace("assesses: [U1.1]", "assesses: [U1.2]")
                .replace("slug: first", "slug: second")
                .replace("completion: on-view", "completion: always");
        minimalPackage(dir, manifest);
        Files.delete(dir.resolve("exercises/worksheet.txt"));
        List<PackageProblem> problems = problems(dir);
        assertEquals(5, problems.size(), problems.toString());
        assertProblem(problems.get(0), lineOf(manifest, "completion: always"), "completion must be");
        assertProblem(problems.get(1), lineOf(manifest, "file: exercises/worksheet.txt"), "is not in the package");
        assertProblem(problems.get(2), lineOf(manifest, "slug: second", 2), "Session slug 'second' is used twice");
        assertProblem(problems.get(3), lineOf(manifest, "number: 2"), "'title' is missing");
        assertProblem(problems.get(4), lineOf(manifest, "assesses:"), "outcome 'U1.2'");
    }

    @Test
    void badZipImportsNothingAndLeavesNoFilesBehind() throws Exception {
        Path source = minimalPackage(dir.resolve("source"), manifestWith("    title: Second\n", ""));
        Path spool = Files.createDirectories(dir.resolve("spool"));
        CoursePackageReader spooling = new CoursePackageReader(CoursePackageReader.Limits.DEFAULT, spool);
        CoursePackageException e = assertThrows(CoursePackageException.class,
                () -> spooling.readZip(new ByteArrayInputStream(TestPackages.zipOf(source, ""))));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals(List.of(), TestPackages.filesUnder(spool), "the unpacked files are deleted");
        assertTrue(e.getMessage().contains("The course package has 1 problem"), e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private List<PackageProblem> problems(String manifest) {
        return problems(minimalPackage(dir.resolve("pkg-" + System.nanoTime()), manifest));
    }

    private List<PackageProblem> problems(Path pkg) {
        try (LoadedCoursePackage loaded = reader.read(pkg)) {
            fail("expected the package to be refused, but it read as " + loaded.coursePackage());
            return List.of();
        } catch (CoursePackageException e) {
            return e.problems();
        }
    }

    private PackageProblem onlyProblem(String manifest) {
        List<PackageProblem> problems = problems(manifest);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private PackageProblem onlyProblem(Path pkg) {
        List<PackageProblem> problems = problems(pkg);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static void assertProblem(PackageProblem problem, int line, String... phrases) {
        assertEquals("course.yaml", problem.file(), problem.toString());
        assertEquals(line, problem.line(), problem.toString());
        for (String phrase : phrases) {
            assertTrue(problem.message().contains(phrase), "'" + phrase + "' not in: " + problem);
        }
    }
}
