package org.peersupport.portal.course.control;

import java.util.Objects;

/**
 * A glossary term.
 *
 * @param term       the term
 * @param definition its definition as Markdown
 * @param restored   {@code true} when the package's author restored the term's heading, which was
 *                   missing in the source text, from its definition
 * @param note       an editorial note, e.g. why the entry was restored, or {@code null}
 */
public record GlossaryEntry(String term, String definition, boolean restored, String note) {

    public GlossaryEntry {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(definition, "definition");
    }
}
