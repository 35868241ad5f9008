package org.peersupport.portal.portfolio.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a piece of evidence says, whatever it is: its kind and title, the sanitised rich text of a written piece or
 * reflection with its word count and (for a reflection) its date, the name a file is shown by, and a testimony's
 * words. An evidence item holds the candidate's current content and a submitted item a frozen copy, in columns of the
 * same names. A value: every change makes a new one. The stored file itself is a relation of the item, not part of
 * this value.
 */
@Embeddable
public class EvidenceContent {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EvidenceKind kind;

    @Column(nullable = false)
    private String title;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "word_count", nullable = false)
    private int wordCount;

    @Column(name = "reflection_date")
    private LocalDate reflectionDate;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "witness_name")
    private String witnessName;

    @Column(name = "witness_role")
    private String witnessRole;

    @Column(name = "witness_relationship")
    private String witnessRelationship;

    @Column(name = "witness_statement")
    private String witnessStatement;

    protected EvidenceContent() {
    }

    private EvidenceContent(EvidenceContent from) {
        this.kind = from.kind;
        this.title = from.title;
        this.bodyHtml = from.bodyHtml;
        this.wordCount = from.wordCount;
        this.reflectionDate = from.reflectionDate;
        this.fileName = from.fileName;
        this.witnessName = from.witnessName;
        this.witnessRole = from.witnessRole;
        this.witnessRelationship = from.witnessRelationship;
        this.witnessStatement = from.witnessStatement;
    }

    private static EvidenceContent of(EvidenceKind kind, String title) {
        EvidenceContent content = new EvidenceContent();
        content.kind = kind;
        content.title = Objects.requireNonNull(title);
        return content;
    }

    /** An empty written piece. */
    static EvidenceContent written(String title) {
        EvidenceContent content = of(EvidenceKind.WRITTEN, title);
        content.bodyHtml = "";
        return content;
    }

    /** An empty entry of the reflective log, dated {@code date}. */
    static EvidenceContent reflection(String title, LocalDate date) {
        EvidenceContent content = of(EvidenceKind.REFLECTION, title);
        content.bodyHtml = "";
        content.reflectionDate = Objects.requireNonNull(date);
        return content;
    }

    /** A file, shown by {@code fileName}. */
    static EvidenceContent file(String title, String fileName) {
        EvidenceContent content = of(EvidenceKind.FILE, title);
        content.fileName = Objects.requireNonNull(fileName);
        return content;
    }

    /** A witness testimony. */
    static EvidenceContent testimony(String title, Testimony testimony) {
        return of(EvidenceKind.WITNESS, title).testifying(testimony);
    }

    /** The same content, for another entity to hold (an embedded value is never shared). */
    EvidenceContent copy() {
        return new EvidenceContent(this);
    }

    EvidenceContent titled(String newTitle) {
        EvidenceContent changed = new EvidenceContent(this);
        changed.title = Objects.requireNonNull(newTitle);
        return changed;
    }

    /** The body of a written piece or reflection, already sanitised, with its word count. */
    EvidenceContent written(String safeHtml, int words) {
        if (!kind.hasBody()) {
            throw new IllegalStateException(kind + " has no rich-text body");
        }
        EvidenceContent changed = new EvidenceContent(this);
        changed.bodyHtml = Objects.requireNonNull(safeHtml);
        changed.wordCount = words;
        return changed;
    }

    EvidenceContent dated(LocalDate date) {
        if (kind != EvidenceKind.REFLECTION) {
            throw new IllegalStateException("only a reflection has a date");
        }
        EvidenceContent changed = new EvidenceContent(this);
        changed.reflectionDate = Objects.requireNonNull(date);
        return changed;
    }

    EvidenceContent named(String newFileName) {
        if (kind != EvidenceKind.FILE) {
            throw new IllegalStateException("only a file item has a file");
        }
        EvidenceContent changed = new EvidenceContent(this);
        changed.fileName = Objects.requireNonNull(newFileName);
        return changed;
    }

    EvidenceContent testifying(Testimony testimony) {
        EvidenceContent changed = new EvidenceContent(this);
        changed.witnessName = testimony.name();
        changed.witnessRole = testimony.role();
        changed.witnessRelationship = testimony.relationship();
        changed.witnessStatement = testimony.statement();
        return changed;
    }

    public EvidenceKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public int wordCount() {
        return wordCount;
    }

    public LocalDate reflectionDate() {
        return reflectionDate;
    }

    public String fileName() {
        return fileName;
    }

    /** The witness's words, for a testimony; null for any other kind. */
    public Testimony testimony() {
        return kind == EvidenceKind.WITNESS
                ? new Testimony(witnessName, witnessRole, witnessRelationship, witnessStatement) : null;
    }
}
