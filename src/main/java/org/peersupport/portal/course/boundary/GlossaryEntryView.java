package org.peersupport.portal.course.boundary;

/** A glossary entry as the glossary page shows it; {@code anchor} is its fragment id on that page. */
public record GlossaryEntryView(String term, String anchor, String definitionHtml, boolean restored, String note) {
}
