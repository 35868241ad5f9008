package org.peersupport.portal.course.boundary;

/** A glossary term as a coordinator edits it; send {@code version} back with the edit. */
public record GlossaryTermEditView(long termId, String term, String anchor, String definitionHtml, boolean restored,
        String note, long version) {
}
