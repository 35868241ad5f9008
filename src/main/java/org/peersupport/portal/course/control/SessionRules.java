package org.peersupport.portal.course.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.yaml.snakeyaml.nodes.Node;

/** Reads and checks the manifest's {@code sessions} section: numbering, slugs, exercise files and content warnings. */
final class SessionRules {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG = 80;

    private final ManifestProblems problems;
    /** Session numbers written in the manifest, even where the session has other problems. */
    private final Set<Integer> sessionNumbersSeen = new HashSet<>();

    SessionRules(ManifestProblems problems) {
        this.problems = problems;
    }

    /** The sessions without problems; the others are reported. */
    List<PackageSession> read(ManifestFields top) {
        List<PackageSession> sessions = new ArrayList<>();
        List<Node> items = top.list("sessions", true);
        if (items.isEmpty() && top.has("sessions")) {
            problems.add(top.keyLine("sessions"), "The course has no sessions. List at least one under 'sessions'.");
        }
        Map<Integer, Integer> numbers = new HashMap<>();
        Map<String, Integer> slugs = new HashMap<>();
        int previous = 0;
        for (int i = 0; i < items.size(); i++) {
            ManifestFields session = top.item(items.get(i), "Session " + (i + 1) + " in the list");
            if (session == null) {
                continue;
            }
            int before = problems.count();
            Integer number = session.whole("number", true);
            if (number != null) {
                sessionNumbersSeen.add(number);
                session.setContext("Session " + number);
                Integer first = numbers.putIfAbsent(number, session.line("number"));
                if (number < 1) {
                    problems.add(session.line("number"), "Session numbers start at 1; " + number + " is not allowed.");
                } else if (first != null) {
                    problems.add(session.line("number"), "Session number " + number
                            + " is used twice (first on line " + first + "). Each session needs its own number.");
                } else if (number < previous) {
                    problems.add(session.line("number"), "Sessions must be listed in order: session " + number
                            + " comes after session " + previous + ".");
                }
                previous = Math.max(previous, number);
            }
            session.allowOnly("number", "slug", "title", "aims", "about", "exerciseFiles", "contentWarning");
            String slug = session.shortText("slug", true);
            if (slug != null) {
                if (!SLUG.matcher(slug).matches() || slug.length() > MAX_SLUG) {
                    problems.add(session.line("slug"), session.context() + ": the slug '" + slug
                            + "' may use only lower-case letters, digits and single hyphens, e.g. what-is-recovery.");
                } else {
                    session.unique(slugs, slug, "slug", "Session slug");
                }
            }
            String title = session.shortText("title", true);
            String aims = session.text("aims", true);
            String about = session.markdownFile("about", true);
            List<ExerciseFile> exercises = exerciseFiles(session);
            ContentWarning warning = contentWarning(session);
            if (problems.count() == before) {
                sessions.add(new PackageSession(number, slug, title, aims, about, exercises, warning));
            }
        }
        checkNoGaps(numbers.keySet(), top);
        return sessions;
    }

    /** The session numbers the manifest gives, including those of sessions with problems. */
    Set<Integer> sessionNumbersSeen() {
        return Collections.unmodifiableSet(sessionNumbersSeen);
    }

    private void checkNoGaps(Set<Integer> numbers, ManifestFields top) {
        List<Integer> valid = numbers.stream().filter(n -> n >= 1).sorted().toList();
        if (!valid.isEmpty()) {
            int max = valid.get(valid.size() - 1);
            List<Integer> missing = IntStream.rangeClosed(1, max).filter(n -> !numbers.contains(n)).boxed().toList();
            if (!missing.isEmpty() && max <= 1000) {
                problems.add(top.keyLine("sessions"), "Session numbers must run 1, 2, 3 and so on without gaps; "
                        + (missing.size() == 1 ? "session " + missing.get(0) + " is" : "sessions " + missing + " are")
                        + " missing.");
            }
        }
    }

    private List<ExerciseFile> exerciseFiles(ManifestFields session) {
        List<ExerciseFile> files = new ArrayList<>();
        Map<String, Integer> paths = new HashMap<>();
        List<Node> items = session.list("exerciseFiles", false);
        for (int i = 0; i < items.size(); i++) {
            ManifestFields exercise = session.item(items.get(i), session.context() + ", exercise file " + (i + 1));
            if (exercise == null) {
                continue;
            }
            int before = problems.count();
            exercise.allowOnly("title", "file", "description");
            String title = exercise.shortText("title", true);
            String description = exercise.text("description", false);
            String path = exercise.text("file", true);
            Long size = null;
            if (path != null) {
                exercise.unique(paths, path, "file", "Exercise file");
                if (path.equals(ManifestParser.MANIFEST)) {
                    problems.add(exercise.line("file"), exercise.context() + ": the manifest cannot be an exercise file.");
                } else {
                    size = exercise.exerciseFileSize("file", path);
                }
            }
            if (problems.count() == before && size != null) {
                files.add(new ExerciseFile(path, title, description, size));
            }
        }
        return files;
    }

    private ContentWarning contentWarning(ManifestFields session) {
        ManifestFields warning = session.section("contentWarning", false);
        if (warning == null) {
            return null;
        }
        warning.setContext(session.context() + ", content warning");
        int before = problems.count();
        warning.allowOnly("topics", "note", "signposting");
        List<String> topics = new ArrayList<>();
        List<Node> topicItems = warning.list("topics", true);
        if (topicItems.isEmpty() && warning.has("topics")) {
            problems.add(warning.keyLine("topics"), warning.context() + ": list at least one topic, e.g. trauma.");
        }
        for (Node item : topicItems) {
            String topic = warning.itemText(item, warning.context() + ": each topic");
            if (topic != null) {
                topics.add(topic);
            }
        }
        String note = warning.text("note", false);
        List<SignpostContact> contacts = new ArrayList<>();
        List<Node> contactItems = warning.list("signposting", false);
        for (int i = 0; i < contactItems.size(); i++) {
            SignpostContact contact = signpostContact(warning, contactItems.get(i), i + 1);
            if (contact != null) {
                contacts.add(contact);
            }
        }
        return problems.count() == before ? new ContentWarning(topics, note, contacts) : null;
    }

    private SignpostContact signpostContact(ManifestFields warning, Node node, int position) {
        ManifestFields contact = warning.item(node, warning.context() + ", signposting contact " + position);
        if (contact == null) {
            return null;
        }
        int before = problems.count();
        String name = contact.shortText("name", true);
        if (name != null) {
            contact.setContext(warning.context() + ", contact '" + name + "'");
        }
        contact.allowOnly("name", "phone", "text", "url", "description");
        String phone = contact.phoneNumber("phone");
        String text = contact.phoneNumber("text");
        String url = contact.webAddress("url");
        String description = contact.text("description", false);
        if (!contact.has("phone") && !contact.has("text") && !contact.has("url")) {
            problems.add(contact.line(), contact.context() + ": give at least one of phone, text or url.");
        }
        return problems.count() == before ? new SignpostContact(name, phone, text, url, description) : null;
    }
}
