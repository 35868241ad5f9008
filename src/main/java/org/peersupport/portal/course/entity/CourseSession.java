package org.peersupport.portal.course.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.peersupport.portal.course.control.SignpostContact;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A session (lesson) of one course version: its place in the course, aims, the "About Lesson" body, exercise
 * files and an optional structured content warning with signposting.
 *
 * <p>The body is kept twice: the Markdown it was imported from (so an export gives back the same package) and
 * the sanitised HTML shown to candidates. A body edited in the browser has only HTML; it is exported as HTML
 * inside the Markdown file, which CommonMark passes through.
 */
@Entity
@Table(name = "course_session")
@NamedQuery(name = CourseSession.BY_COURSE_AND_NUMBER,
        query = "select s from CourseSession s join fetch s.course where s.course.id = :courseId and s.number = :number")
@NamedQuery(name = CourseSession.COUNT_IN_COURSE,
        query = "select count(s) from CourseSession s where s.course.id = :courseId")
@NamedQuery(name = CourseSession.WITH_COURSE,
        query = "select s from CourseSession s join fetch s.course where s.id = :id")
public class CourseSession {

    public static final String BY_COURSE_AND_NUMBER = "CourseSession.byCourseAndNumber";
    public static final String COUNT_IN_COURSE = "CourseSession.countInCourse";
    public static final String WITH_COURSE = "CourseSession.withCourse";

    private static final String TOPIC_SEPARATOR = "\n";

    @Id
    @SequenceGenerator(name = "course_session_seq", sequenceName = "course_session_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_session_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id", nullable = false, updatable = false)
    private Course course;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String aims;

    @Column(name = "about_markdown")
    private String aboutMarkdown;

    @Column(name = "about_html", nullable = false)
    private String aboutHtml;

    /** The content warning's topics, one a line; {@code null} when the session has no warning. */
    @Column(name = "warning_topics")
    private String warningTopics;

    @Column(name = "warning_note")
    private String warningNote;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<Signpost> signposting = new ArrayList<>();

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(BatchFetchType.IN)
    private List<SessionExerciseFile> exerciseFiles = new ArrayList<>();

    @Version
    private long version;

    protected CourseSession() {
    }

    CourseSession(Course course, int number, String slug, String title, String aims, String aboutMarkdown,
            String aboutHtml) {
        this.course = course;
        this.number = number;
        this.slug = Objects.requireNonNull(slug);
        this.title = Objects.requireNonNull(title);
        this.aims = Objects.requireNonNull(aims);
        this.aboutMarkdown = aboutMarkdown;
        this.aboutHtml = Objects.requireNonNull(aboutHtml);
    }

    /** A coordinator's edit in the browser: the body is already sanitised HTML and replaces the Markdown. */
    public void edit(String title, String aims, String safeAboutHtml) {
        course.requireDraft();
        this.title = Objects.requireNonNull(title);
        this.aims = Objects.requireNonNull(aims);
        if (!safeAboutHtml.equals(aboutHtml)) {
            this.aboutHtml = safeAboutHtml;
            this.aboutMarkdown = null;
        }
    }

    public void warnAbout(List<String> topics, String note) {
        if (topics == null || topics.isEmpty()) {
            warningTopics = null;
            warningNote = null;
            signposting.clear();
            return;
        }
        warningTopics = String.join(TOPIC_SEPARATOR, topics);
        warningNote = note;
    }

    /**
     * A coordinator's change to the content warning: topics, a note and the signposting, replacing what was
     * there. No topics and no contacts removes the warning; contacts without topics are refused.
     */
    public void changeContentWarning(List<String> topics, String note, List<SignpostContact> contacts) {
        course.requireDraft();
        if (topics.isEmpty() && !contacts.isEmpty()) {
            throw new BusinessException("warning.topics.required", "List at least one topic the session deals with. "
                    + "To remove the content warning, remove its contacts too.");
        }
        warnAbout(topics, note);
        signposting.clear();
        if (!topics.isEmpty()) {
            contacts.forEach(c -> addSignpost(c.name(), c.phone(), c.text(), c.url(), c.description()));
        }
    }

    public Signpost addSignpost(String name, String phone, String textNumber, String url, String description) {
        Signpost signpost = new Signpost(this, signposting.size() + 1, name, phone, textNumber, url, description);
        signposting.add(signpost);
        return signpost;
    }

    public SessionExerciseFile addExerciseFile(String title, String description, String path, StoredFile file) {
        course.requireDraft();
        SessionExerciseFile exercise = new SessionExerciseFile(this, exerciseFiles.size() + 1, title, description,
                path, file);
        exerciseFiles.add(exercise);
        return exercise;
    }

    public void removeExerciseFile(SessionExerciseFile exercise) {
        course.requireDraft();
        if (exerciseFiles.remove(exercise)) {
            for (int i = 0; i < exerciseFiles.size(); i++) {
                exerciseFiles.get(i).moveTo(i + 1);
            }
        }
    }

    void renumber(int number) {
        this.number = number;
    }

    /** How the audit trail names this session, e.g. "PEER2PEER version 2 session 3 (personal-recovery)". */
    public String label() {
        return course.label() + " session " + number + " (" + slug + ")";
    }

    public boolean hasContentWarning() {
        return warningTopics != null;
    }

    public List<String> getWarningTopics() {
        return warningTopics == null ? List.of() : Arrays.asList(warningTopics.split(TOPIC_SEPARATOR));
    }

    public String getWarningNote() {
        return warningNote;
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public int getNumber() {
        return number;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public String getAims() {
        return aims;
    }

    /** The Markdown the body was imported from, or {@code null} once it has been edited as HTML. */
    public String getAboutMarkdown() {
        return aboutMarkdown;
    }

    public String getAboutHtml() {
        return aboutHtml;
    }

    public List<Signpost> getSignposting() {
        return Collections.unmodifiableList(signposting);
    }

    public List<SessionExerciseFile> getExerciseFiles() {
        return Collections.unmodifiableList(exerciseFiles);
    }

    public long getVersion() {
        return version;
    }
}
