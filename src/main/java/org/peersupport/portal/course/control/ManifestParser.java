package org.peersupport.portal.course.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.peersupport.portal.course.entity.Course;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and checks the manifest of a package that is on disk, with the Markdown and exercise files
 * it names. Works on SnakeYAML's node tree (never constructing Java objects from YAML), so every
 * problem can name its line, and keeps going after a problem so that all are reported at once.
 */
final class ManifestParser {

    static final String MANIFEST = "course.yaml";
    static final int FORMAT_VERSION = 1;

    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{1,24}");
    private static final int MAX_SHORT_TEXT = 300;
    private static final int MAX_ALIASES = 10;

    private final Path root;
    private final CoursePackageReader.Limits limits;
    private final List<PackageProblem> problems;
    private Path realRoot;
    /** Outcome codes and session numbers written in the manifest, even where the item has other problems. */
    private final Set<String> outcomeCodesSeen = new java.util.HashSet<>();
    private final Set<Integer> sessionNumbersSeen = new java.util.HashSet<>();

    ManifestParser(Path root, CoursePackageReader.Limits limits, List<PackageProblem> problems) {
        this.root = root;
        this.limits = limits;
        this.problems = problems;
    }

    /** The package, or {@code null} when problems were found (they are added to the list given). */
    CoursePackage parse() {
        int before = problems.size();
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            problem(null, null, "The course package folder " + root + " does not exist or cannot be read.");
            return null;
        }
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            problem(MANIFEST, null, "The package has no " + MANIFEST + " manifest. It must be at the top of the "
                    + "package folder (or of the ZIP, or of a single folder inside the ZIP).");
            return null;
        }
        try {
            if (!manifest.toRealPath().startsWith(realRoot)) {
                problem(MANIFEST, null, "The manifest " + MANIFEST + " is a link to a file outside the package.");
                return null;
            }
        } catch (IOException e) {
            problem(MANIFEST, null, "The manifest " + MANIFEST + " cannot be read.");
            return null;
        }
        String text = readText(manifest, limits.maxManifestBytes(), MANIFEST, null, "The manifest " + MANIFEST);
        if (text == null) {
            return null;
        }
        Node document = compose(text);
        if (document == null) {
            return null;
        }
        checkTags(document, Collections.newSetFromMap(new IdentityHashMap<>()));
        Fields top = fields(document, "The manifest");
        if (top == null) {
            return null;
        }
        Integer version = top.whole("formatVersion", true);
        if (version == null) {
            return null;
        }
        if (version != FORMAT_VERSION) {
            problem(MANIFEST, top.line("formatVersion"), "This package is written in course package format version "
                    + version + ", but this portal reads format version " + FORMAT_VERSION + " only.");
            return null;
        }
        top.allowOnly("formatVersion", "course", "units", "sessions", "glossary", "resources", "assessmentTasks");

        CourseHead head = course(top);
        List<PackageUnit> units = units(top);
        List<PackageSession> sessions = sessions(top);
        List<GlossaryEntry> glossary = glossary(top);
        List<UsefulResource> resources = resources(top);
        List<PackageAssessmentTask> tasks = assessmentTasks(top);
        if (problems.size() != before || head == null) {
            return null;
        }
        return new CoursePackage(head.code, head.title, head.summary, head.version, head.award, head.completion,
                head.attendanceThreshold, head.agreement, units, sessions, glossary, resources, tasks);
    }

    // ---------------------------------------------------------------- YAML

    private Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(30);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxManifestBytes()));
        options.setMergeOnCompose(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
        Node node;
        try {
            node = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Integer line = mark == null ? null : mark.getLine() + 1;
            String what = String.valueOf(e.getProblem() != null ? e.getProblem() : e.getMessage()).strip();
            String globalTag = "Global tag is not allowed: ";
            if (what.startsWith(globalTag)) {
                problem(MANIFEST, line, tagNotAllowed(new Tag(what.substring(globalTag.length()))));
            } else {
                problem(MANIFEST, line, "The manifest is not valid YAML here (" + what
                        + "). Check the indentation, and put text that contains ': ' or ' #' in quotes.");
            }
            return null;
        } catch (YAMLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("aliases")) {
                problem(MANIFEST, null, "The manifest uses more than " + MAX_ALIASES
                        + " YAML aliases (*name) for lists or sets of fields. Write the values out in full.");
            } else {
                problem(MANIFEST, null, "The manifest could not be read as YAML: " + message);
            }
            return null;
        }
        if (node == null) {
            problem(MANIFEST, 1, "The manifest " + MANIFEST + " is empty.");
        }
        return node;
    }

    /** Refuses YAML tags other than plain text, numbers, true/false, lists and fields. */
    private void checkTags(Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        Tag tag = node.getTag();
        boolean allowed = switch (node.getNodeId()) {
            case scalar -> SCALAR_TAGS.contains(tag);
            case sequence -> Tag.SEQ.equals(tag);
            case mapping -> Tag.MAP.equals(tag);
            default -> false;
        };
        if (!allowed) {
            problem(MANIFEST, line(node), tagNotAllowed(tag));
        }
        if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> checkTags(n, seen));
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                checkTags(t.getKeyNode(), seen);
                checkTags(t.getValueNode(), seen);
            }
        }
    }

    private static String tagNotAllowed(Tag tag) {
        return "The manifest uses the YAML tag '" + shortTag(tag)
                + "'. Course packages allow only plain text, numbers, true/false, lists and fields.";
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    // ---------------------------------------------------------------- course

    private record CourseHead(String code, String title, String summary, String version, Award award,
            CompletionMode completion, int attendanceThreshold, ParticipationAgreement agreement) {
    }

    private CourseHead course(Fields top) {
        Fields course = top.section("course", true);
        if (course == null) {
            return null;
        }
        int before = problems.size();
        course.allowOnly("code", "title", "summary", "version", "completion", "attendanceThreshold", "award", "agreement");
        String code = course.code("code", "Course code");
        String title = course.shortText("title", true);
        String summary = course.text("summary", true);
        String version = course.shortText("version", true);
        CompletionMode completion = null;
        String completionText = course.text("completion", true);
        if (completionText != null) {
            completion = CompletionMode.fromPackageValue(completionText).orElse(null);
            if (completion == null) {
                problem(MANIFEST, course.line("completion"), "Course: completion must be 'manual' (candidates mark "
                        + "each lesson done) or 'on-view' (a lesson is done once opened), not '" + completionText + "'.");
            }
        }
        Integer threshold = course.whole("attendanceThreshold", false);
        if (threshold != null && (threshold < 0 || threshold > 100)) {
            problem(MANIFEST, course.line("attendanceThreshold"), "Course: attendanceThreshold is the percentage of "
                    + "sessions a candidate must attend to complete, a whole number from 0 to 100, not " + threshold + ".");
        }
        Award award = null;
        Fields awardFields = course.section("award", false);
        if (awardFields != null) {
            awardFields.allowOnly("name", "scqfLevel", "credits");
            String name = awardFields.shortText("name", true);
            Integer level = awardFields.whole("scqfLevel", true);
            if (level != null && (level < 1 || level > 12)) {
                problem(MANIFEST, awardFields.line("scqfLevel"), "Award: scqfLevel must be an SCQF level from 1 to 12, not " + level + ".");
            }
            Integer credits = awardFields.whole("credits", false);
            if (credits != null && credits < 1) {
                problem(MANIFEST, awardFields.line("credits"), "Award: credits must be a positive number of SCQF credit points.");
            }
            if (name != null && level != null) {
                award = new Award(name, level, credits);
            }
        }
        ParticipationAgreement agreement = null;
        Fields agreementFields = course.section("agreement", false);
        if (agreementFields != null) {
            agreementFields.allowOnly("file", "draft");
            String markdown = agreementFields.markdownFile("file", true);
            boolean draft = agreementFields.flag("draft");
            if (markdown != null) {
                agreement = new ParticipationAgreement(markdown, draft);
            }
        }
        if (problems.size() != before) {
            return null;
        }
        return new CourseHead(code, title, summary, version, award, completion,
                threshold == null ? Course.DEFAULT_ATTENDANCE_THRESHOLD : threshold, agreement);
    }

    // ---------------------------------------------------------------- units

    private List<PackageUnit> units(Fields top) {
        List<PackageUnit> units = new ArrayList<>();
        Map<String, Integer> unitCodes = new HashMap<>();
        Map<String, Integer> outcomeCodes = new HashMap<>();
        Map<String, Integer> evidenceCodes = new HashMap<>();
        List<Node> items = top.list("units", false);
        for (int i = 0; i < items.size(); i++) {
            Fields unit = fields(items.get(i), "Unit " + (i + 1) + " in the list");
            if (unit == null) {
                continue;
            }
            int before = problems.size();
            String code = unit.code("code", "Unit code");
            unique(unitCodes, code, unit, "code", "Unit code");
            String context = code == null ? "Unit " + (i + 1) + " in the list" : "Unit '" + code + "'";
            unit.context = context;
            unit.allowOnly("code", "title", "outcomes");
            String title = unit.shortText("title", true);
            List<Node> outcomeItems = unit.list("outcomes", true);
            if (outcomeItems.isEmpty() && unit.has("outcomes")) {
                problem(MANIFEST, unit.keyLine("outcomes"), context + " has no outcomes. List at least one.");
            }
            List<PackageOutcome> outcomes = new ArrayList<>();
            for (int j = 0; j < outcomeItems.size(); j++) {
                PackageOutcome outcome = outcome(outcomeItems.get(j), context, j + 1, outcomeCodes, evidenceCodes);
                if (outcome != null) {
                    outcomes.add(outcome);
                }
            }
            if (problems.size() == before) {
                units.add(new PackageUnit(code, title, outcomes));
            }
        }
        return units;
    }

    private PackageOutcome outcome(Node node, String unitContext, int position, Map<String, Integer> outcomeCodes,
            Map<String, Integer> evidenceCodes) {
        Fields outcome = fields(node, unitContext + ", outcome " + position);
        if (outcome == null) {
            return null;
        }
        int before = problems.size();
        String code = outcome.code("code", "Outcome code");
        unique(outcomeCodes, code, outcome, "code", "Outcome code");
        if (code != null) {
            outcomeCodesSeen.add(code);
            outcome.context = unitContext + ", outcome '" + code + "'";
        }
        outcome.allowOnly("code", "text", "draft", "evidenceRequirements");
        String text = outcome.text("text", true);
        boolean draft = outcome.flag("draft");
        List<PackageEvidenceRequirement> requirements = new ArrayList<>();
        List<Node> items = outcome.list("evidenceRequirements", false);
        for (int k = 0; k < items.size(); k++) {
            Fields evidence = fields(items.get(k), outcome.context + ", evidence requirement " + (k + 1));
            if (evidence == null) {
                continue;
            }
            int beforeEvidence = problems.size();
            evidence.allowOnly("code", "text", "draft");
            String evidenceCode = evidence.code("code", "Evidence requirement code");
            unique(evidenceCodes, evidenceCode, evidence, "code", "Evidence requirement code");
            String evidenceText = evidence.text("text", true);
            boolean evidenceDraft = evidence.flag("draft");
            if (problems.size() == beforeEvidence) {
                requirements.add(new PackageEvidenceRequirement(evidenceCode, evidenceText, evidenceDraft));
            }
        }
        return problems.size() == before ? new PackageOutcome(code, text, draft, requirements) : null;
    }

    // ---------------------------------------------------------------- sessions

    private List<PackageSession> sessions(Fields top) {
        List<PackageSession> sessions = new ArrayList<>();
        List<Node> items = top.list("sessions", true);
        if (items.isEmpty() && top.has("sessions")) {
            problem(MANIFEST, top.keyLine("sessions"), "The course has no sessions. List at least one under 'sessions'.");
        }
        Map<Integer, Integer> numbers = new HashMap<>();
        Map<String, Integer> slugs = new HashMap<>();
        int previous = 0;
        for (int i = 0; i < items.size(); i++) {
            String fallback = "Session " + (i + 1) + " in the list";
            Fields session = fields(items.get(i), fallback);
            if (session == null) {
                continue;
            }
            int before = problems.size();
            Integer number = session.whole("number", true);
            if (number != null) {
                sessionNumbersSeen.add(number);
                session.context = "Session " + number;
                Integer first = numbers.putIfAbsent(number, session.line("number"));
                if (number < 1) {
                    problem(MANIFEST, session.line("number"), "Session numbers start at 1; " + number + " is not allowed.");
                } else if (first != null) {
                    problem(MANIFEST, session.line("number"), "Session number " + number
                            + " is used twice (first on line " + first + "). Each session needs its own number.");
                } else if (number < previous) {
                    problem(MANIFEST, session.line("number"), "Sessions must be listed in order: session " + number
                            + " comes after session " + previous + ".");
                }
                previous = Math.max(previous, number);
            }
            session.allowOnly("number", "slug", "title", "aims", "about", "exerciseFiles", "contentWarning");
            String slug = session.shortText("slug", true);
            if (slug != null) {
                if (!SLUG.matcher(slug).matches() || slug.length() > 80) {
                    problem(MANIFEST, session.line("slug"), session.context + ": the slug '" + slug
                            + "' may use only lower-case letters, digits and single hyphens, e.g. what-is-recovery.");
                } else {
                    unique(slugs, slug, session, "slug", "Session slug");
                }
            }
            String title = session.shortText("title", true);
            String aims = session.text("aims", true);
            String about = session.markdownFile("about", true);
            List<ExerciseFile> exercises = exerciseFiles(session);
            ContentWarning warning = contentWarning(session);
            if (problems.size() == before) {
                sessions.add(new PackageSession(number, slug, title, aims, about, exercises, warning));
            }
        }
        List<Integer> valid = numbers.keySet().stream().filter(n -> n >= 1).sorted().toList();
        if (!valid.isEmpty()) {
            int max = valid.get(valid.size() - 1);
            List<Integer> missing = IntStream.rangeClosed(1, max).filter(n -> !numbers.containsKey(n)).boxed().toList();
            if (!missing.isEmpty() && max <= 1000) {
                problem(MANIFEST, top.keyLine("sessions"), "Session numbers must run 1, 2, 3 and so on without gaps; "
                        + (missing.size() == 1 ? "session " + missing.get(0) + " is" : "sessions " + missing + " are")
                        + " missing.");
            }
        }
        return sessions;
    }

    private List<ExerciseFile> exerciseFiles(Fields session) {
        List<ExerciseFile> files = new ArrayList<>();
        Map<String, Integer> paths = new HashMap<>();
        List<Node> items = session.list("exerciseFiles", false);
        for (int i = 0; i < items.size(); i++) {
            Fields exercise = fields(items.get(i), session.context + ", exercise file " + (i + 1));
            if (exercise == null) {
                continue;
            }
            int before = problems.size();
            exercise.allowOnly("title", "file", "description");
            String title = exercise.shortText("title", true);
            String description = exercise.text("description", false);
            String path = exercise.text("file", true);
            Long size = null;
            if (path != null) {
                unique(paths, path, exercise, "file", "Exercise file");
                if (path.equals(MANIFEST)) {
                    problem(MANIFEST, exercise.line("file"), exercise.context + ": the manifest cannot be an exercise file.");
                } else {
                    Path file = packageFile(path, exercise, "file", exercise.context + ": the exercise file");
                    if (file != null) {
                        size = sizeWithin(file, limits.maxFileBytes(), exercise, "file",
                                exercise.context + ": the exercise file '" + path + "'");
                    }
                }
            }
            if (problems.size() == before && size != null) {
                files.add(new ExerciseFile(path, title, description, size));
            }
        }
        return files;
    }

    private ContentWarning contentWarning(Fields session) {
        Fields warning = session.section("contentWarning", false);
        if (warning == null) {
            return null;
        }
        warning.context = session.context + ", content warning";
        int before = problems.size();
        warning.allowOnly("topics", "note", "signposting");
        List<String> topics = new ArrayList<>();
        List<Node> topicItems = warning.list("topics", true);
        if (topicItems.isEmpty() && warning.has("topics")) {
            problem(MANIFEST, warning.keyLine("topics"), warning.context + ": list at least one topic, e.g. trauma.");
        }
        for (Node item : topicItems) {
            String topic = scalarText(item, warning.context + ": each topic");
            if (topic != null) {
                topics.add(topic);
            }
        }
        String note = warning.text("note", false);
        List<SignpostContact> contacts = new ArrayList<>();
        List<Node> contactItems = warning.list("signposting", false);
        for (int i = 0; i < contactItems.size(); i++) {
            Fields contact = fields(contactItems.get(i), warning.context + ", signposting contact " + (i + 1));
            if (contact == null) {
                continue;
            }
            int beforeContact = problems.size();
            String name = contact.shortText("name", true);
            if (name != null) {
                contact.context = warning.context + ", contact '" + name + "'";
            }
            contact.allowOnly("name", "phone", "text", "url", "description");
            String phone = contact.phoneNumber("phone");
            String text = contact.phoneNumber("text");
            String url = contact.webAddress("url");
            String description = contact.text("description", false);
            if (!contact.has("phone") && !contact.has("text") && !contact.has("url")) {
                problem(MANIFEST, contact.line(), contact.context + ": give at least one of phone, text or url.");
            }
            if (problems.size() == beforeContact) {
                contacts.add(new SignpostContact(name, phone, text, url, description));
            }
        }
        return problems.size() == before ? new ContentWarning(topics, note, contacts) : null;
    }

    // ---------------------------------------------------------------- glossary, resources

    private List<GlossaryEntry> glossary(Fields top) {
        List<GlossaryEntry> entries = new ArrayList<>();
        Map<String, Integer> terms = new HashMap<>();
        List<Node> items = top.list("glossary", false);
        for (int i = 0; i < items.size(); i++) {
            Fields entry = fields(items.get(i), "Glossary entry " + (i + 1));
            if (entry == null) {
                continue;
            }
            int before = problems.size();
            String term = entry.shortText("term", true);
            if (term != null) {
                entry.context = "Glossary entry '" + term + "'";
                unique(terms, term.toLowerCase(Locale.ROOT), entry, "term", "Glossary term");
            }
            entry.allowOnly("term", "definition", "restored", "note");
            String definition = entry.text("definition", true);
            boolean restored = entry.flag("restored");
            String note = entry.text("note", false);
            if (problems.size() == before) {
                entries.add(new GlossaryEntry(term, definition, restored, note));
            }
        }
        return entries;
    }

    private List<UsefulResource> resources(Fields top) {
        List<UsefulResource> resources = new ArrayList<>();
        List<Node> items = top.list("resources", false);
        for (int i = 0; i < items.size(); i++) {
            Fields resource = fields(items.get(i), "Useful resource " + (i + 1));
            if (resource == null) {
                continue;
            }
            int before = problems.size();
            resource.allowOnly("title", "url", "description");
            String title = resource.shortText("title", true);
            String url = resource.webAddress("url");
            String description = resource.text("description", false);
            if (!resource.has("url") && !resource.has("description")) {
                problem(MANIFEST, resource.line(), resource.context + ": give a url, a description or both.");
            }
            if (problems.size() == before) {
                resources.add(new UsefulResource(title, url, description));
            }
        }
        return resources;
    }

    // ---------------------------------------------------------------- assessment

    private List<PackageAssessmentTask> assessmentTasks(Fields top) {
        List<PackageAssessmentTask> tasks = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        List<Node> items = top.list("assessmentTasks", false);
        for (int i = 0; i < items.size(); i++) {
            Fields task = fields(items.get(i), "Assessment task " + (i + 1));
            if (task == null) {
                continue;
            }
            int before = problems.size();
            String code = task.code("code", "Assessment task code");
            unique(codes, code, task, "code", "Assessment task code");
            if (code != null) {
                task.context = "Assessment task '" + code + "'";
            }
            task.allowOnly("code", "title", "kind", "setAtSession", "dueAtSession", "description", "assesses");
            String title = task.shortText("title", true);
            AssessmentKind kind = null;
            String kindText = task.text("kind", true);
            if (kindText != null) {
                kind = AssessmentKind.fromPackageValue(kindText).orElse(null);
                if (kind == null) {
                    problem(MANIFEST, task.line("kind"), task.context + ": kind must be 'essay' or 'portfolio', not '" + kindText + "'.");
                }
            }
            Integer set = task.sessionReference("setAtSession", sessionNumbersSeen);
            Integer due = task.sessionReference("dueAtSession", sessionNumbersSeen);
            if (set != null && due != null && due < set) {
                problem(MANIFEST, task.line("dueAtSession"), task.context + " is due at session " + due
                        + ", before it is set at session " + set + ".");
            }
            String description = task.text("description", true);
            List<String> assesses = new ArrayList<>();
            List<Node> outcomeItems = task.list("assesses", true);
            if (outcomeItems.isEmpty() && task.has("assesses")) {
                problem(MANIFEST, task.keyLine("assesses"), task.context + ": list the codes of the outcomes it assesses.");
            }
            for (Node item : outcomeItems) {
                String outcome = scalarText(item, task.context + ": each outcome it assesses");
                if (outcome == null) {
                    continue;
                }
                if (!outcomeCodesSeen.contains(outcome)) {
                    problem(MANIFEST, line(item), task.context + " assesses outcome '" + outcome
                            + "', but no unit has an outcome with that code.");
                } else if (assesses.contains(outcome)) {
                    problem(MANIFEST, line(item), task.context + " lists outcome '" + outcome + "' twice.");
                } else {
                    assesses.add(outcome);
                }
            }
            if (problems.size() == before) {
                tasks.add(new PackageAssessmentTask(code, title, kind, set, due, description, assesses));
            }
        }
        return tasks;
    }

    // ---------------------------------------------------------------- helpers

    private void problem(String file, Integer line, String message) {
        problems.add(new PackageProblem(file, line, message));
    }

    private void unique(Map<String, Integer> seen, String value, Fields fields, String key, String what) {
        if (value == null) {
            return;
        }
        Integer first = seen.putIfAbsent(value, fields.line(key));
        if (first != null) {
            problem(MANIFEST, fields.line(key), what + " '" + value + "' is used twice (first on line " + first
                    + "). Each needs to be different.");
        }
    }

    private Fields fields(Node node, String context) {
        if (node instanceof MappingNode map) {
            return new Fields(map, context);
        }
        problem(MANIFEST, line(node), context + " should be a set of fields (name: value), not "
                + (node instanceof SequenceNode ? "a list." : "a single value."));
        return null;
    }

    /** The text of a scalar list item, or {@code null} after reporting why not. */
    private String scalarText(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(MANIFEST, line(node), what + " should be a single value, not a list or a set of fields.");
            return null;
        }
        String value = Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue().strip();
        if (value.isEmpty()) {
            problem(MANIFEST, line(node), what + " is empty.");
            return null;
        }
        return value;
    }

    /**
     * Resolves a path written in the manifest to a regular file inside the package, or reports why
     * it cannot and returns {@code null}.
     */
    private Path packageFile(String path, Fields fields, String key, String what) {
        String reason = PackagePaths.problemWith(path);
        if (reason != null) {
            problem(MANIFEST, fields.line(key), what + " path '" + path + "' " + reason + ".");
            return null;
        }
        Path file = root.resolve(path).normalize();
        if (!Files.isRegularFile(file)) {
            problem(MANIFEST, fields.line(key), what + " '" + path + "' is not in the package. Check the file name "
                    + "and folder (names are case-sensitive).");
            return null;
        }
        try {
            if (!file.toRealPath().startsWith(realRoot)) {
                problem(MANIFEST, fields.line(key), what + " '" + path + "' is a link to a file outside the package.");
                return null;
            }
        } catch (IOException e) {
            problem(MANIFEST, fields.line(key), what + " '" + path + "' cannot be read.");
            return null;
        }
        return file;
    }

    private Long sizeWithin(Path file, long max, Fields fields, String key, String what) {
        try {
            long size = Files.size(file);
            if (size > max) {
                problem(MANIFEST, fields.line(key), what + " is " + megabytes(size) + ", more than the "
                        + megabytes(max) + " a package file may be.");
                return null;
            }
            return size;
        } catch (IOException e) {
            problem(MANIFEST, fields.line(key), what + " cannot be read.");
            return null;
        }
    }

    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * Reads a UTF-8 text file of at most {@code max} bytes, dropping a byte-order mark, turning
     * Windows line endings into newlines and trimming blank lines at either end.
     */
    private String readText(Path file, long max, String problemFile, Integer problemLine, String what) {
        try {
            long size = Files.size(file);
            if (size > max) {
                problem(problemFile, problemLine, what + " is " + megabytes(size) + ", more than the " + megabytes(max)
                        + " allowed.");
                return null;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) max + 1);
            }
            if (bytes.length > max) {
                problem(problemFile, problemLine, what + " is more than the " + megabytes(max) + " allowed.");
                return null;
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            problem(problemFile, problemLine, what + " is not UTF-8 text. Save it as UTF-8 in your editor.");
            return null;
        } catch (IOException e) {
            problem(problemFile, problemLine, what + " cannot be read.");
            return null;
        }
    }

    /** The fields of one YAML mapping, with the context used to start its problem messages. */
    private final class Fields {

        private final MappingNode node;
        private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        String context;

        Fields(MappingNode node, String context) {
            this.node = node;
            this.context = context;
            for (NodeTuple tuple : node.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    problem(MANIFEST, ManifestParser.line(tuple.getKeyNode()), context + ": a field name must be a single word, "
                            + "not a list or a set of fields.");
                    continue;
                }
                NodeTuple first = byKey.putIfAbsent(key.getValue(), tuple);
                if (first != null) {
                    problem(MANIFEST, ManifestParser.line(key), context + ": the field '" + key.getValue() + "' appears twice (first on line "
                            + ManifestParser.line(first.getKeyNode()) + "). Keep one.");
                }
            }
        }

        int line() {
            return ManifestParser.line(node);
        }

        /** The line of a field's value, or of the mapping when the field is absent. */
        int line(String key) {
            NodeTuple tuple = byKey.get(key);
            return tuple == null ? line() : ManifestParser.line(tuple.getValueNode());
        }

        /** The line of a field's name, or of the mapping when the field is absent. */
        int keyLine(String key) {
            NodeTuple tuple = byKey.get(key);
            return tuple == null ? line() : ManifestParser.line(tuple.getKeyNode());
        }

        /** Whether the field is present with a non-empty value. */
        boolean has(String key) {
            Node value = value(key);
            return value != null && !(value instanceof ScalarNode s && s.getValue().isBlank());
        }

        private Node value(String key) {
            NodeTuple tuple = byKey.get(key);
            if (tuple == null || Tag.NULL.equals(tuple.getValueNode().getTag())) {
                return null;
            }
            return tuple.getValueNode();
        }

        void allowOnly(String... known) {
            List<String> knownList = List.of(known);
            for (Map.Entry<String, NodeTuple> entry : byKey.entrySet()) {
                String key = entry.getKey();
                if (!knownList.contains(key)) {
                    String hint = closest(key, knownList);
                    problem(MANIFEST, ManifestParser.line(entry.getValue().getKeyNode()), context + ": unknown field '" + key
                            + "'." + (hint == null ? " The fields allowed here are " + String.join(", ", knownList) + "."
                                    : " Did you mean '" + hint + "'?"));
                }
            }
        }

        private void missing(String key) {
            problem(MANIFEST, line(), context + ": the required field '" + key + "' is missing.");
        }

        /** A text field, stripped of surrounding white space; {@code null} when absent (reported if required). */
        String text(String key, boolean required) {
            Node value = value(key);
            if (value == null) {
                if (required) {
                    missing(key);
                }
                return null;
            }
            if (!(value instanceof ScalarNode scalar)) {
                problem(MANIFEST, line(key), context + ": '" + key + "' should be text, not a list or a set of fields.");
                return null;
            }
            String text = scalar.getValue().strip();
            if (text.isEmpty()) {
                if (required) {
                    problem(MANIFEST, line(key), context + ": the required field '" + key + "' is empty.");
                }
                return null;
            }
            return text;
        }

        /** A one-line text field such as a title. */
        String shortText(String key, boolean required) {
            String text = text(key, required);
            if (text != null && (text.length() > MAX_SHORT_TEXT || text.indexOf('\n') >= 0)) {
                problem(MANIFEST, line(key), context + ": '" + key + "' should be one line of at most "
                        + MAX_SHORT_TEXT + " characters.");
                return null;
            }
            return text;
        }

        String code(String key, String what) {
            String code = text(key, true);
            if (code != null && !CODE.matcher(code).matches()) {
                problem(MANIFEST, line(key), what + " '" + code + "' may use only letters, digits, '.', '-' and '_', "
                        + "starting with a letter or digit, up to 40 characters.");
                return null;
            }
            return code;
        }

        Integer whole(String key, boolean required) {
            String text = text(key, required);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                problem(MANIFEST, line(key), context + ": '" + key + "' should be a whole number, not '" + text + "'.");
                return null;
            }
        }

        boolean flag(String key) {
            String text = text(key, false);
            if (text == null) {
                return false;
            }
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on":
                    return true;
                case "false", "no", "off":
                    return false;
                default:
                    problem(MANIFEST, line(key), context + ": '" + key + "' should be true or false, not '" + text + "'.");
                    return false;
            }
        }

        String phoneNumber(String key) {
            String number = text(key, false);
            if (number != null && !PHONE.matcher(number).matches()) {
                problem(MANIFEST, line(key), context + ": '" + key + "' should be a phone number such as 116 123, not '"
                        + number + "'.");
                return null;
            }
            return number;
        }

        String webAddress(String key) {
            String url = text(key, false);
            if (url == null) {
                return null;
            }
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            problem(MANIFEST, line(key), context + ": '" + key + "' should be a web address starting with https://, not '"
                    + url + "'.");
            return null;
        }

        Integer sessionReference(String key, Set<Integer> sessionNumbers) {
            Integer number = whole(key, false);
            if (number != null && !sessionNumbers.contains(number)) {
                problem(MANIFEST, line(key), context + ": " + key + " is session " + number
                        + ", but the course has no session with that number.");
                return null;
            }
            return number;
        }

        /** A nested set of fields, or {@code null} when absent (reported if required) or not a mapping. */
        Fields section(String key, boolean required) {
            Node value = value(key);
            if (value == null) {
                if (required) {
                    missing(key);
                }
                return null;
            }
            String label = Character.toUpperCase(key.charAt(0)) + key.substring(1);
            return fields(value, context.equals("The manifest") ? label : context + ", " + key);
        }

        /** The items of a list field; empty when absent (reported if required) or not a list. */
        List<Node> list(String key, boolean required) {
            Node value = value(key);
            if (value == null) {
                if (required) {
                    missing(key);
                }
                return List.of();
            }
            if (!(value instanceof SequenceNode seq)) {
                problem(MANIFEST, line(key), context + ": '" + key + "' should be a list, with each item on a line "
                        + "starting with '- '.");
                return List.of();
            }
            return seq.getValue();
        }

        /** The text of a Markdown file the field names, or {@code null} after reporting why not. */
        String markdownFile(String key, boolean required) {
            String path = text(key, required);
            if (path == null) {
                return null;
            }
            String what = context + ": the Markdown file";
            if (!path.toLowerCase(Locale.ROOT).endsWith(".md")) {
                problem(MANIFEST, line(key), what + " '" + path + "' should be a Markdown file whose name ends in .md.");
                return null;
            }
            Path file = packageFile(path, this, key, what);
            if (file == null) {
                return null;
            }
            String text = readText(file, limits.maxMarkdownBytes(), MANIFEST, line(key), what + " '" + path + "'");
            if (text == null) {
                return null;
            }
            text = text.strip();
            if (text.isEmpty()) {
                problem(MANIFEST, line(key), what + " '" + path + "' is empty.");
                return null;
            }
            return text;
        }
    }

    /** The known word nearest to a misspelt one (at most two edits, ignoring case), or {@code null}. */
    private static String closest(String word, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
