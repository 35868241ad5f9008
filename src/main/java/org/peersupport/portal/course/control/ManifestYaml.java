package org.peersupport.portal.course.control;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

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
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Loads the manifest's YAML safely into SnakeYAML's node tree (never constructing Java objects),
 * within limits on aliases, nesting and size, and refuses every tag but plain values, lists and fields.
 */
final class ManifestYaml {

    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);
    private static final int MAX_ALIASES = 10;
    private static final int MAX_NESTING = 30;

    private ManifestYaml() {
    }

    /**
     * The manifest's document node with its tags checked, or {@code null} when it is empty or not
     * valid YAML (reported). A tag not allowed is reported, but the document is still returned.
     */
    static Node load(String text, long maxBytes, ManifestProblems problems) {
        Node document = compose(text, maxBytes, problems);
        if (document != null) {
            checkTags(document, Collections.newSetFromMap(new IdentityHashMap<>()), problems);
        }
        return document;
    }

    /** The line a node starts on, from 1 (0 when SnakeYAML did not record it). */
    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static Node compose(String text, long maxBytes, ManifestProblems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
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
                problems.add(line, tagNotAllowed(new Tag(what.substring(globalTag.length()))));
            } else {
                problems.add(line, "The manifest is not valid YAML here (" + what
                        + "). Check the indentation, and put text that contains ': ' or ' #' in quotes.");
            }
            return null;
        } catch (YAMLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("aliases")) {
                problems.add(null, "The manifest uses more than " + MAX_ALIASES
                        + " YAML aliases (*name) for lists or sets of fields. Write the values out in full.");
            } else {
                problems.add(null, "The manifest could not be read as YAML: " + message);
            }
            return null;
        }
        if (node == null) {
            problems.add(1, "The manifest " + ManifestParser.MANIFEST + " is empty.");
        }
        return node;
    }

    /** Refuses YAML tags other than plain text, numbers, true/false, lists and fields. */
    private static void checkTags(Node node, Set<Node> seen, ManifestProblems problems) {
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
            problems.add(line(node), tagNotAllowed(tag));
        }
        if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> checkTags(n, seen, problems));
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                checkTags(t.getKeyNode(), seen, problems);
                checkTags(t.getValueNode(), seen, problems);
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
}
