package org.peersupport.portal.course.control;

import java.nio.file.Path;
import java.util.List;

import org.peersupport.portal.course.control.CourseHeadRules.CourseHead;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks the manifest of a package that is on disk, with the Markdown and exercise files
 * it names, reporting every problem at once.
 *
 * <p>The work is shared out: {@link ManifestFiles} checks the files, {@link ManifestYaml} loads the
 * YAML safely into a node tree (so every problem can name its line), {@link ManifestFields} reads
 * typed fields, and one {@code ...Rules} class per section checks what that section says.
 */
final class ManifestParser {

    static final String MANIFEST = "course.yaml";
    static final int FORMAT_VERSION = 1;
    /** How problem messages name the manifest's top-level fields. */
    static final String TOP_CONTEXT = "The manifest";

    private final Path root;
    private final CoursePackageReader.Limits limits;
    private final ManifestProblems problems;

    ManifestParser(Path root, CoursePackageReader.Limits limits, List<PackageProblem> problems) {
        this.root = root;
        this.limits = limits;
        this.problems = new ManifestProblems(problems);
    }

    /** The package, or {@code null} when problems were found (they are added to the list given). */
    CoursePackage parse() {
        int before = problems.count();
        ManifestFiles files = ManifestFiles.of(root, limits, problems);
        if (files == null) {
            return null;
        }
        String text = files.manifestText();
        if (text == null) {
            return null;
        }
        Node document = ManifestYaml.load(text, limits.maxManifestBytes(), problems);
        if (document == null) {
            return null;
        }
        ManifestFields top = ManifestFields.of(document, TOP_CONTEXT, problems, files);
        if (top == null || !readableVersion(top)) {
            return null;
        }
        top.allowOnly("formatVersion", "course", "units", "sessions", "glossary", "resources", "assessmentTasks");

        CourseHead head = new CourseHeadRules(problems).read(top);
        UnitRules unitRules = new UnitRules(problems);
        List<PackageUnit> units = unitRules.read(top);
        SessionRules sessionRules = new SessionRules(problems);
        List<PackageSession> sessions = sessionRules.read(top);
        List<GlossaryEntry> glossary = new GlossaryRules(problems).read(top);
        List<UsefulResource> resources = new ResourceRules(problems).read(top);
        List<PackageAssessmentTask> tasks = new AssessmentTaskRules(problems, unitRules.outcomeCodesSeen(),
                sessionRules.sessionNumbersSeen()).read(top);
        if (problems.count() != before || head == null) {
            return null;
        }
        return new CoursePackage(head.code(), head.title(), head.summary(), head.version(), head.award(),
                head.completion(), head.attendanceThreshold(), head.agreement(), units, sessions, glossary, resources,
                tasks);
    }

    /** Whether the manifest is written in the format version this portal reads (reported if not). */
    private boolean readableVersion(ManifestFields top) {
        Integer version = top.whole("formatVersion", true);
        if (version == null) {
            return false;
        }
        if (version != FORMAT_VERSION) {
            problems.add(top.line("formatVersion"), "This package is written in course package format version "
                    + version + ", but this portal reads format version " + FORMAT_VERSION + " only.");
            return false;
        }
        return true;
    }

    /** A size as package problems give it: "12 KB" below a megabyte, else "1.5 MB". */
    static String megabytes(long bytes) {
        return ManifestFiles.megabytes(bytes);
    }
}
