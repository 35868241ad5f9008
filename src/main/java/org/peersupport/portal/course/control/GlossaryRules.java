package org.peersupport.portal.course.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

/** Reads and checks the manifest's {@code glossary} section: terms (each once, ignoring case) and definitions. */
final class GlossaryRules {

    private final ManifestProblems problems;

    GlossaryRules(ManifestProblems problems) {
        this.problems = problems;
    }

    /** The glossary entries without problems; the others are reported. */
    List<GlossaryEntry> read(ManifestFields top) {
        List<GlossaryEntry> entries = new ArrayList<>();
        Map<String, Integer> terms = new HashMap<>();
        List<Node> items = top.list("glossary", false);
        for (int i = 0; i < items.size(); i++) {
            ManifestFields entry = top.item(items.get(i), "Glossary entry " + (i + 1));
            if (entry == null) {
                continue;
            }
            int before = problems.count();
            String term = entry.shortText("term", true);
            if (term != null) {
                entry.setContext("Glossary entry '" + term + "'");
                entry.unique(terms, term.toLowerCase(Locale.ROOT), "term", "Glossary term");
            }
            entry.allowOnly("term", "definition", "restored", "note");
            String definition = entry.text("definition", true);
            boolean restored = entry.flag("restored");
            String note = entry.text("note", false);
            if (problems.count() == before) {
                entries.add(new GlossaryEntry(term, definition, restored, note));
            }
        }
        return entries;
    }
}
