package org.peersupport.portal.course.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/**
 * A glossary term of a course version, with its anchor on the glossary page. Like a session body, the
 * definition keeps the Markdown it was imported from beside its sanitised HTML.
 */
@Entity
@Table(name = "glossary_term")
@NamedQuery(name = GlossaryTerm.OF_COURSE,
        query = "select g from GlossaryTerm g where g.course.id = :courseId order by g.position")
@NamedQuery(name = GlossaryTerm.WITH_COURSE, query = "select g from GlossaryTerm g join fetch g.course where g.id = :id")
public class GlossaryTerm {

    public static final String OF_COURSE = "GlossaryTerm.ofCourse";
    public static final String WITH_COURSE = "GlossaryTerm.withCourse";

    @Id
    @SequenceGenerator(name = "glossary_term_seq", sequenceName = "glossary_term_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "glossary_term_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id", nullable = false, updatable = false)
    private Course course;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String term;

    @Column(nullable = false)
    private String anchor;

    @Column(name = "definition_markdown")
    private String definitionMarkdown;

    @Column(name = "definition_html", nullable = false)
    private String definitionHtml;

    @Column(nullable = false)
    private boolean restored;

    private String note;

    @Version
    private long version;

    protected GlossaryTerm() {
    }

    GlossaryTerm(Course course, int position, String term, String anchor, String definitionMarkdown,
            String definitionHtml, boolean restored, String note) {
        this.course = course;
        this.position = position;
        this.term = Objects.requireNonNull(term);
        this.anchor = Objects.requireNonNull(anchor);
        this.definitionMarkdown = definitionMarkdown;
        this.definitionHtml = Objects.requireNonNull(definitionHtml);
        this.restored = restored;
        this.note = note;
    }

    /** A coordinator's edit: the definition is sanitised HTML and replaces the Markdown. */
    public void edit(String term, String anchor, String safeDefinitionHtml, String note) {
        course.requireDraft();
        this.term = Objects.requireNonNull(term);
        this.anchor = Objects.requireNonNull(anchor);
        if (!safeDefinitionHtml.equals(definitionHtml)) {
            this.definitionHtml = safeDefinitionHtml;
            this.definitionMarkdown = null;
        }
        this.note = note;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public int getPosition() {
        return position;
    }

    public String getTerm() {
        return term;
    }

    public String getAnchor() {
        return anchor;
    }

    public String getDefinitionMarkdown() {
        return definitionMarkdown;
    }

    public String getDefinitionHtml() {
        return definitionHtml;
    }

    public boolean isRestored() {
        return restored;
    }

    public String getNote() {
        return note;
    }

    public long getVersion() {
        return version;
    }
}
