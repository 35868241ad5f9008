package org.peersupport.portal.portfolio.entity;

/** What an evidence item is. */
public enum EvidenceKind {

    /** A written piece: rich text, sanitised, with a word count. */
    WRITTEN,
    /** One uploaded file: a document, image, audio or video, checked by its content. */
    FILE,
    /** A dated entry of the candidate's reflective log: rich text, like a written piece. */
    REFLECTION,
    /** A named witness's statement about the candidate's practice. */
    WITNESS;

    /** Written pieces and reflections have a rich-text body, autosaved as the candidate types. */
    public boolean hasBody() {
        return this == WRITTEN || this == REFLECTION;
    }
}
