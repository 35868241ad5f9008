package org.peersupport.portal.course.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of the fields of one YAML mapping in the manifest, reporting each field that is
 * missing or of the wrong kind (the message starts with the mapping's context) and carrying on.
 */
final class ManifestFields {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{1,24}");
    private static final int MAX_SHORT_TEXT = 300;

    private final MappingNode node;
    private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
    private final ManifestProblems problems;
    private final ManifestFiles files;
    private String context;

    private ManifestFields(MappingNode node, String context, ManifestProblems problems, ManifestFiles files) {
        this.node = node;
        this.context = context;
        this.problems = problems;
        this.files = files;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(ManifestYaml.line(tuple.getKeyNode()), context + ": a field name must be a single word, "
                        + "not a list or a set of fields.");
                continue;
            }
            NodeTuple first = byKey.putIfAbsent(key.getValue(), tuple);
            if (first != null) {
                problems.add(ManifestYaml.line(key), context + ": the field '" + key.getValue()
                        + "' appears twice (first on line " + ManifestYaml.line(first.getKeyNode()) + "). Keep one.");
            }
        }
    }

    /**
     * The fields of a node, or {@code null} when it is not a mapping (reported).
     *
     * @param context how problem messages name the mapping, e.g. "Unit 2 in the list"
     */
    static ManifestFields of(Node node, String context, ManifestProblems problems, ManifestFiles files) {
        if (node instanceof MappingNode map) {
            return new ManifestFields(map, context, problems, files);
        }
        problems.add(ManifestYaml.line(node), context + " should be a set of fields (name: value), not "
                + (node instanceof SequenceNode ? "a list." : "a single value."));
        return null;
    }

    /** The fields of an item of one of this mapping's lists, or {@code null} when it is not a mapping (reported). */
    ManifestFields item(Node item, String itemContext) {
        return of(item, itemContext, problems, files);
    }

    /** How problem messages name this mapping. */
    String context() {
        return context;
    }

    /** Names this mapping better once one of its fields (a code, a number) is known. */
    void setContext(String context) {
        this.context = context;
    }

    int line() {
        return ManifestYaml.line(node);
    }

    /** The line of a field's value, or of the mapping when the field is absent. */
    int line(String key) {
        NodeTuple tuple = byKey.get(key);
        return tuple == null ? line() : ManifestYaml.line(tuple.getValueNode());
    }

    /** The line of a field's name, or of the mapping when the field is absent. */
    int keyLine(String key) {
        NodeTuple tuple = byKey.get(key);
        return tuple == null ? line() : ManifestYaml.line(tuple.getKeyNode());
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

    /** Reports each field not among those known, suggesting the known one it may be misspelt from. */
    void allowOnly(String... known) {
        List<String> knownList = List.of(known);
        for (Map.Entry<String, NodeTuple> entry : byKey.entrySet()) {
            String key = entry.getKey();
            if (!knownList.contains(key)) {
                String hint = SpellingSuggestions.closest(key, knownList);
                problems.add(ManifestYaml.line(entry.getValue().getKeyNode()), context + ": unknown field '" + key
                        + "'." + (hint == null ? " The fields allowed here are " + String.join(", ", knownList) + "."
                                : " Did you mean '" + hint + "'?"));
            }
        }
    }

    /** Reports a value used twice: {@code seen} holds each value met so far with the line it was first met on. */
    void unique(Map<String, Integer> seen, String value, String key, String what) {
        if (value == null) {
            return;
        }
        Integer first = seen.putIfAbsent(value, line(key));
        if (first != null) {
            problems.add(line(key), what + " '" + value + "' is used twice (first on line " + first
                    + "). Each needs to be different.");
        }
    }

    private void missing(String key) {
        problems.add(line(), context + ": the required field '" + key + "' is missing.");
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
            problems.add(line(key), context + ": '" + key + "' should be text, not a list or a set of fields.");
            return null;
        }
        String text = scalar.getValue().strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(line(key), context + ": the required field '" + key + "' is empty.");
            }
            return null;
        }
        return text;
    }

    /** A one-line text field such as a title. */
    String shortText(String key, boolean required) {
        String text = text(key, required);
        if (text != null && (text.length() > MAX_SHORT_TEXT || text.indexOf('\n') >= 0)) {
            problems.add(line(key), context + ": '" + key + "' should be one line of at most "
                    + MAX_SHORT_TEXT + " characters.");
            return null;
        }
        return text;
    }

    /** A required code such as a unit's, e.g. "U1" or "outcome-1.2". */
    String code(String key, String what) {
        String code = text(key, true);
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(line(key), what + " '" + code + "' may use only letters, digits, '.', '-' and '_', "
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
            problems.add(line(key), context + ": '" + key + "' should be a whole number, not '" + text + "'.");
            return null;
        }
    }

    /** A true/false field, false when absent. */
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
                problems.add(line(key), context + ": '" + key + "' should be true or false, not '" + text + "'.");
                return false;
        }
    }

    String phoneNumber(String key) {
        String number = text(key, false);
        if (number != null && !PHONE.matcher(number).matches()) {
            problems.add(line(key), context + ": '" + key + "' should be a phone number such as 116 123, not '"
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
        problems.add(line(key), context + ": '" + key + "' should be a web address starting with https://, not '"
                + url + "'.");
        return null;
    }

    /** A session number that must be one of those the course has. */
    Integer sessionReference(String key, Set<Integer> sessionNumbers) {
        Integer number = whole(key, false);
        if (number != null && !sessionNumbers.contains(number)) {
            problems.add(line(key), context + ": " + key + " is session " + number
                    + ", but the course has no session with that number.");
            return null;
        }
        return number;
    }

    /** A nested set of fields, or {@code null} when absent (reported if required) or not a mapping. */
    ManifestFields section(String key, boolean required) {
        Node value = value(key);
        if (value == null) {
            if (required) {
                missing(key);
            }
            return null;
        }
        String label = Character.toUpperCase(key.charAt(0)) + key.substring(1);
        return item(value, context.equals(ManifestParser.TOP_CONTEXT) ? label : context + ", " + key);
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
            problems.add(line(key), context + ": '" + key + "' should be a list, with each item on a line "
                    + "starting with '- '.");
            return List.of();
        }
        return seq.getValue();
    }

    /** The text of a single-value list item, or {@code null} after reporting why not. */
    String itemText(Node item, String what) {
        if (!(item instanceof ScalarNode scalar)) {
            problems.add(ManifestYaml.line(item), what + " should be a single value, not a list or a set of fields.");
            return null;
        }
        String value = Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue().strip();
        if (value.isEmpty()) {
            problems.add(ManifestYaml.line(item), what + " is empty.");
            return null;
        }
        return value;
    }

    /** The text of a Markdown file the field names, or {@code null} after reporting why not. */
    String markdownFile(String key, boolean required) {
        String path = text(key, required);
        if (path == null) {
            return null;
        }
        return files.markdown(path, line(key), context + ": the Markdown file");
    }

    /** The size of an exercise file the field names, or {@code null} after reporting why it cannot be used. */
    Long exerciseFileSize(String key, String path) {
        return files.exerciseFileSize(path, line(key), context + ": the exercise file");
    }
}
