package org.peersupport.portal.course.control;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes a {@link CoursePackage} as a course package (format version 1, see docs/course-packages.md)
 * to a folder or a ZIP, so that reading the result gives an equal package. Markdown bodies go to
 * {@code agreement.md} and {@code sessions/NN-slug.md}; exercise files keep their paths and are
 * copied as streams from the given {@link ExerciseSource}. Thread-safe.
 */
public final class CoursePackageWriter {

    static final String AGREEMENT_FILE = "agreement.md";

    private static final String HEADER = """
            # Course package manifest, format version 1: see docs/course-packages.md.
            # Edit with any text editor; keep the indentation. Markdown bodies are in the .md files named here.
            """;

    /**
     * Writes the package into a folder, which is created if needed and must otherwise be empty.
     *
     * @throws IllegalArgumentException when the folder is not empty, or an exercise file's path is
     *                                  one the writer uses for a Markdown body
     */
    public void write(CoursePackage coursePackage, ExerciseSource exercises, Path folder) throws IOException {
        Map<String, Object> files = plan(coursePackage);
        Files.createDirectories(folder);
        try (Stream<Path> existing = Files.list(folder)) {
            if (existing.findAny().isPresent()) {
                throw new IllegalArgumentException("The folder to write the course package into is not empty: " + folder);
            }
        }
        for (Map.Entry<String, Object> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                writeContent(file.getValue(), exercises, out);
            }
        }
    }

    /**
     * Writes the package as a ZIP with the manifest at its top. The stream is finished but not closed.
     *
     * @throws IllegalArgumentException when an exercise file's path is one the writer uses for a Markdown body
     */
    public void writeZip(CoursePackage coursePackage, ExerciseSource exercises, OutputStream out) throws IOException {
        Map<String, Object> files = plan(coursePackage);
        OutputStream keepOpen = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        };
        try (ZipOutputStream zip = new ZipOutputStream(keepOpen, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Object> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                writeContent(file.getValue(), exercises, zip);
                zip.closeEntry();
            }
        }
    }

    /** The text of the package's course.yaml. */
    public String manifest(CoursePackage coursePackage) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(100);
        options.setAllowUnicode(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        StringWriter text = new StringWriter();
        text.write(HEADER);
        new Yaml(options).serialize(manifestNode(coursePackage), text);
        return text.toString();
    }

    static String aboutFile(PackageSession session) {
        return String.format("sessions/%02d-%s.md", session.number(), session.slug());
    }

    /** Every file of the package by path: a String for text, an ExerciseFile for bytes to copy. */
    private Map<String, Object> plan(CoursePackage p) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put(ManifestParser.MANIFEST, manifest(p));
        if (p.agreement() != null) {
            files.put(AGREEMENT_FILE, p.agreement().markdown() + "\n");
        }
        for (PackageSession session : p.sessions()) {
            files.put(aboutFile(session), session.aboutMarkdown() + "\n");
        }
        for (ExerciseFile exercise : p.exerciseFiles()) {
            Object earlier = files.putIfAbsent(exercise.path(), exercise);
            if (earlier instanceof String) {
                throw new IllegalArgumentException("The exercise file path '" + exercise.path()
                        + "' is already used for another file of the package");
            }
        }
        return files;
    }

    private static void writeContent(Object content, ExerciseSource exercises, OutputStream out) throws IOException {
        if (content instanceof String text) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ExerciseFile exercise = (ExerciseFile) content;
        long copied;
        try (InputStream in = exercises.open(exercise)) {
            copied = in.transferTo(out);
        }
        if (copied != exercise.size()) {
            throw new IOException("The exercise file '" + exercise.path() + "' has " + copied
                    + " bytes, but the course package says " + exercise.size());
        }
    }

    // ---------------------------------------------------------------- manifest nodes

    private static Node manifestNode(CoursePackage p) {
        Fields top = new Fields();
        top.number("formatVersion", ManifestParser.FORMAT_VERSION);

        Fields course = new Fields();
        course.text("code", p.code());
        course.text("title", p.title());
        course.text("summary", p.summary());
        course.text("version", p.version());
        course.text("completion", p.completion().packageValue());
        course.number("attendanceThreshold", p.attendanceThreshold());
        if (p.award() != null) {
            Fields award = new Fields();
            award.text("name", p.award().name());
            award.number("scqfLevel", p.award().scqfLevel());
            if (p.award().credits() != null) {
                award.number("credits", p.award().credits());
            }
            course.put("award", award.node());
        }
        if (p.agreement() != null) {
            Fields agreement = new Fields();
            agreement.text("file", AGREEMENT_FILE);
            agreement.flag("draft", p.agreement().draft());
            course.put("agreement", agreement.node());
        }
        top.put("course", course.node());

        top.list("units", p.units().stream().map(CoursePackageWriter::unitNode).toList());
        top.list("sessions", p.sessions().stream().map(CoursePackageWriter::sessionNode).toList());
        top.list("glossary", p.glossary().stream().map(g -> {
            Fields entry = new Fields();
            entry.text("term", g.term());
            entry.text("definition", g.definition());
            entry.flag("restored", g.restored());
            entry.text("note", g.note());
            return entry.node();
        }).toList());
        top.list("resources", p.resources().stream().map(r -> {
            Fields resource = new Fields();
            resource.text("title", r.title());
            resource.text("url", r.url());
            resource.text("description", r.description());
            return resource.node();
        }).toList());
        top.list("assessmentTasks", p.assessmentTasks().stream().map(t -> {
            Fields task = new Fields();
            task.text("code", t.code());
            task.text("title", t.title());
            task.text("kind", t.kind().packageValue());
            if (t.setAtSession() != null) {
                task.number("setAtSession", t.setAtSession());
            }
            if (t.dueAtSession() != null) {
                task.number("dueAtSession", t.dueAtSession());
            }
            task.text("description", t.description());
            task.put("assesses", flowList(t.assesses()));
            return task.node();
        }).toList());
        return top.node();
    }

    private static Node unitNode(PackageUnit u) {
        Fields unit = new Fields();
        unit.text("code", u.code());
        unit.text("title", u.title());
        unit.list("outcomes", u.outcomes().stream().map(o -> {
            Fields outcome = new Fields();
            outcome.text("code", o.code());
            outcome.text("text", o.text());
            outcome.flag("draft", o.draft());
            outcome.list("evidenceRequirements", o.evidenceRequirements().stream().map(e -> {
                Fields evidence = new Fields();
                evidence.text("code", e.code());
                evidence.text("text", e.text());
                evidence.flag("draft", e.draft());
                return evidence.node();
            }).toList());
            return outcome.node();
        }).toList());
        return unit.node();
    }

    private static Node sessionNode(PackageSession s) {
        Fields session = new Fields();
        session.number("number", s.number());
        session.text("slug", s.slug());
        session.text("title", s.title());
        session.text("aims", s.aims());
        session.text("about", aboutFile(s));
        session.list("exerciseFiles", s.exerciseFiles().stream().map(f -> {
            Fields exercise = new Fields();
            exercise.text("title", f.title());
            exercise.text("file", f.path());
            exercise.text("description", f.description());
            return exercise.node();
        }).toList());
        ContentWarning w = s.contentWarning();
        if (w != null) {
            Fields warning = new Fields();
            warning.put("topics", flowList(w.topics()));
            warning.text("note", w.note());
            warning.list("signposting", w.signposting().stream().map(c -> {
                Fields contact = new Fields();
                contact.text("name", c.name());
                contact.text("phone", c.phone());
                contact.text("text", c.text());
                contact.text("url", c.url());
                contact.text("description", c.description());
                return contact.node();
            }).toList());
            session.put("contentWarning", warning.node());
        }
        return session.node();
    }

    private static Node flowList(List<String> values) {
        return new SequenceNode(Tag.SEQ, values.stream().map(CoursePackageWriter::scalar).toList(),
                DumperOptions.FlowStyle.FLOW);
    }

    /**
     * Text as plain YAML where it is short, as a folded block (&gt;) wrapped at the line width when it
     * is a long line, and as a literal block (|) when it has line breaks of its own.
     */
    private static Node scalar(String value) {
        DumperOptions.ScalarStyle style = value.indexOf('\n') >= 0 ? DumperOptions.ScalarStyle.LITERAL
                : value.length() > 80 ? DumperOptions.ScalarStyle.FOLDED
                : DumperOptions.ScalarStyle.PLAIN;
        return new ScalarNode(Tag.STR, value, null, null, style);
    }

    /** A YAML mapping under construction that leaves out absent values. */
    private static final class Fields {

        private final List<NodeTuple> tuples = new ArrayList<>();

        void put(String key, Node value) {
            tuples.add(new NodeTuple(new ScalarNode(Tag.STR, key, null, null, DumperOptions.ScalarStyle.PLAIN), value));
        }

        void text(String key, String value) {
            if (value != null) {
                put(key, scalar(value));
            }
        }

        void number(String key, int value) {
            put(key, new ScalarNode(Tag.INT, Integer.toString(value), null, null, DumperOptions.ScalarStyle.PLAIN));
        }

        void flag(String key, boolean value) {
            if (value) {
                put(key, new ScalarNode(Tag.BOOL, "true", null, null, DumperOptions.ScalarStyle.PLAIN));
            }
        }

        void list(String key, List<Node> items) {
            if (!items.isEmpty()) {
                put(key, new SequenceNode(Tag.SEQ, items, DumperOptions.FlowStyle.BLOCK));
            }
        }

        Node node() {
            return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
        }
    }
}
