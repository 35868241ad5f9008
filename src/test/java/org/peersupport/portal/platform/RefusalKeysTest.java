package org.peersupport.portal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.course.control.CourseVersions;
import org.peersupport.portal.course.control.UploadRejectedException;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Issue 15: every refusal a person reads is worded in the portal's bundle. Scans the Java sources for
 * {@code new BusinessException("key", ...)} and fails, listing them, on keys without an entry in messages.properties
 * and on entries whose placeholders do not match the arguments the throw site passes.
 */
class RefusalKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** Keys a throw site builds at run time ("structure." + field + ".required"), which the scan cannot read. */
    private static final List<String> BUILT_KEYS = Stream.concat(
            Stream.of("structure.code.required", "structure.title.required", "structure.text.required",
                    "structure.description.required", "structure.setAt.unknown", "structure.dueAt.unknown"),
            Arrays.stream(UploadRejectedException.Reason.values())
                    .map(r -> "evidence.upload.refused." + r.name().toLowerCase(Locale.ROOT))).toList();

    private static final Pattern THROW = Pattern.compile("new\\s+(?:[\\w.]+\\.)?BusinessException\\(");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private static Properties bundle;
    private static List<ThrowSite> sites;

    /** A {@code new BusinessException("key", message, ...)}; {@code literal} is the message when it is only string literals. */
    record ThrowSite(String where, String key, int arguments, String literal) {
    }

    @BeforeAll
    static void read() throws IOException {
        bundle = new Properties();
        try (InputStream in = RefusalKeysTest.class.getResourceAsStream(
                "/" + Messages.BUNDLE.replace('.', '/') + ".properties")) {
            bundle.load(in);
        }
        sites = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(RefusalKeysTest::scan);
        }
    }

    @Test
    void issue15_theScanFindsTheRefusals() {
        assertTrue(sites.size() > 150, "only " + sites.size() + " throw sites found in " + SOURCES.toAbsolutePath());
    }

    @Test
    void issue15_everyRefusalKeyHasAnEntryInTheBundle() {
        TreeSet<String> missing = new TreeSet<>();
        sites.stream().filter(s -> !bundle.containsKey(s.key())).forEach(s -> missing.add(s.key() + " (" + s.where() + ")"));
        BUILT_KEYS.stream().filter(k -> !bundle.containsKey(k)).forEach(k -> missing.add(k + " (built at run time)"));
        assertEquals("", String.join("\n", missing), missing.size() + " refusal keys have no entry in messages.properties");
    }

    @Test
    void issue15_everyRefusalPatternParsesAndWritesItsApostrophesForHowItIsShown() {
        List<String> wrong = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(BUILT_KEYS);
        sites.forEach(s -> keys.add(s.key()));
        for (String key : keys) {
            String pattern = bundle.getProperty(key);
            if (pattern == null) {
                continue; // reported by the test above
            }
            try {
                new MessageFormat(pattern, Locale.UK);
            } catch (IllegalArgumentException e) {
                wrong.add(key + ": not a MessageFormat pattern (" + e.getMessage() + ")");
                continue;
            }
            boolean formatted = PLACEHOLDER.matcher(pattern).find();
            String unquoted = pattern.replace("''", "");
            if (formatted && unquoted.contains("'")) {
                wrong.add(key + ": a pattern with placeholders writes an apostrophe twice ('')");
            } else if (!formatted && pattern.contains("''")) {
                wrong.add(key + ": a pattern without placeholders is shown as it is, so writes an apostrophe once");
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    @Test
    void issue15_everyThrowSitePassesOneArgumentForEachPlaceholder() {
        List<String> wrong = new ArrayList<>();
        for (ThrowSite site : sites) {
            String pattern = bundle.getProperty(site.key());
            if (pattern == null) {
                continue;
            }
            int placeholders = placeholders(pattern);
            // key, message, then either the arguments or a list of details followed by the arguments
            int extra = site.arguments() - 2;
            if (extra != placeholders && extra - 1 != placeholders) {
                wrong.add(site.key() + " (" + site.where() + "): the pattern has " + placeholders
                        + " placeholders, the throw site passes " + Math.max(0, extra) + " arguments after the message");
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    @Test
    void issue15_aRefusalWithoutArgumentsReadsInTheBundleAsItsJavaMessage() {
        List<String> wrong = new ArrayList<>();
        for (ThrowSite site : sites) {
            String pattern = bundle.getProperty(site.key());
            if (pattern != null && site.literal() != null && site.arguments() == 2 && !pattern.equals(site.literal())) {
                wrong.add(site.key() + " (" + site.where() + "): the bundle says \"" + pattern + "\", the Java \""
                        + site.literal() + "\"");
            }
        }
        assertEquals("", String.join("\n", wrong));
    }

    @Test
    void issue15_aRefusalReadsAsItsMessageWithTheArgumentsFilledIn() {
        java.util.ResourceBundle english = java.util.ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);
        BusinessException full = new BusinessException("cohort.full", "Spring 2027 has 10 places and 1 is free, so 2 more "
                + "cannot be enrolled.", "Spring 2027", 10, 1L, 2);
        assertEquals(full.getMessage(), Messages.text(english, full));
        BusinessException long1 = new BusinessException("safeguarding.concern.tooLong",
                "Describe the concern in at most 10000 characters.", 10_000);
        assertEquals(long1.getMessage(), Messages.text(english, long1));
        BusinessException quoted = new BusinessException("course.glossary.termTaken",
                "The glossary already has the term 'recovery'.", "recovery");
        assertEquals(quoted.getMessage(), Messages.text(english, quoted));
        BusinessException plain = new BusinessException("assessment.placeEnded", "ignored");
        assertEquals("This candidate's place has ended, so their work can no longer be referred back or signed off. "
                + "You can still read it.", Messages.text(english, plain));
        for (int free = 0; free <= 2; free++) {
            String are = free == 1 ? " is" : " are";
            BusinessException cohortFull = new BusinessException("cohort.full", "Spring has 3 places and " + free + are
                    + " free, so 4 more cannot be enrolled.", "Spring", 3, (long) free, 4);
            assertEquals(cohortFull.getMessage(), Messages.text(english, cohortFull));
        }
        for (int count : new int[] {0, 1, 2, 1234}) {
            BusinessException invalid = new BusinessException("course.import.invalid",
                    CourseVersions.problemsHeading(count), List.of(), count);
            assertEquals(invalid.getMessage(), Messages.text(english, invalid));
            BusinessException csv = new BusinessException("enrolment.csv.problems", "The file has " + count
                    + (count == 1 ? " problem" : " problems") + ", so nobody was enrolled. Correct the file and try again.",
                    List.of(), count);
            assertEquals(csv.getMessage(), Messages.text(english, csv));
        }
        BusinessException unknown = new BusinessException("no.such.key", "Its own words.");
        assertEquals("Its own words.", Messages.text(english, unknown));
    }

    private static int placeholders(String pattern) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        int count = 0;
        while (m.find()) {
            count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
        }
        return count;
    }

    private static void scan(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = THROW.matcher(source);
        while (m.find()) {
            List<String> arguments = arguments(source, m.end());
            String first = arguments.isEmpty() ? "" : arguments.get(0).strip();
            if (first.matches("\"[^\"]+\"")) {
                String where = SOURCES.relativize(file) + ":" + (source.substring(0, m.start()).split("\n", -1).length);
                sites.add(new ThrowSite(where, first.substring(1, first.length() - 1), arguments.size(),
                        arguments.size() > 1 ? literal(arguments.get(1)) : null));
            }
        }
    }

    private static final Pattern LITERALS = Pattern.compile("\\s*\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*\\s*");
    private static final Pattern ONE_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The text of an expression made only of string literals joined with +, else null. */
    private static String literal(String expression) {
        if (!LITERALS.matcher(expression).matches()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        Matcher m = ONE_LITERAL.matcher(expression);
        while (m.find()) {
            text.append(m.group(1));
        }
        Properties unescaped = new Properties();
        try {
            // the escapes in these messages (unicode escapes, escaped quotes) read the same in a properties value
            unescaped.load(new java.io.StringReader("v=" + text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return unescaped.getProperty("v");
    }

    /** The top-level arguments of the call whose argument list starts at {@code from}. */
    private static List<String> arguments(String source, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 1;
        boolean inString = false;
        boolean inChar = false;
        int start = from;
        for (int i = from; i < source.length() && depth > 0; i++) {
            char c = source.charAt(i);
            if (inString || inChar) {
                if (c == '\\') {
                    i++;
                } else if (inString && c == '"' || inChar && c == '\'') {
                    inString = false;
                    inChar = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    arguments.add(source.substring(start, i));
                }
            } else if (c == ',' && depth == 1) {
                arguments.add(source.substring(start, i));
                start = i + 1;
            }
        }
        return arguments;
    }
}
