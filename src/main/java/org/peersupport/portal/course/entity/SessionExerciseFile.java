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

/**
 * A file candidates download for a session ("Exercise Files"). {@code path} is its path in a course package,
 * e.g. {@code exercises/reflective-log.md}; the bytes are a {@link StoredFile}, which sessions and versions may
 * share.
 */
@Entity
@Table(name = "exercise_file")
@NamedQuery(name = SessionExerciseFile.WITH_COURSE, query = "select f from SessionExerciseFile f "
        + "join fetch f.session s join fetch s.course join fetch f.storedFile where f.id = :id")
@NamedQuery(name = SessionExerciseFile.REFERENCES_TO_STORED_FILE,
        query = "select count(f) from SessionExerciseFile f where f.storedFile.id = :storedFileId")
@NamedQuery(name = SessionExerciseFile.IN_COURSE, query = "select f from SessionExerciseFile f join fetch f.storedFile "
        + "where f.session.course.id = :courseId order by f.position")
@NamedQuery(name = SessionExerciseFile.IN_COURSE_WITH_PATH, query = "select f from SessionExerciseFile f "
        + "where f.session.course.id = :courseId and f.path = :path")
public class SessionExerciseFile {

    public static final String WITH_COURSE = "SessionExerciseFile.withCourse";
    public static final String REFERENCES_TO_STORED_FILE = "SessionExerciseFile.referencesToStoredFile";
    public static final String IN_COURSE = "SessionExerciseFile.inCourse";
    public static final String IN_COURSE_WITH_PATH = "SessionExerciseFile.inCourseWithPath";

    @Id
    @SequenceGenerator(name = "exercise_file_seq", sequenceName = "exercise_file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exercise_file_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "session_id", nullable = false, updatable = false)
    private CourseSession session;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(nullable = false)
    private String path;

    @ManyToOne(optional = false)
    @JoinColumn(name = "stored_file_id", nullable = false, updatable = false)
    private StoredFile storedFile;

    protected SessionExerciseFile() {
    }

    SessionExerciseFile(CourseSession session, int position, String title, String description, String path,
            StoredFile storedFile) {
        this.session = session;
        this.position = position;
        this.title = title;
        this.description = description;
        this.path = path;
        this.storedFile = storedFile;
    }

    void moveTo(int position) {
        this.position = position;
    }

    /** The file's name without its folders, for a download. */
    public String getFileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public Long getId() {
        return id;
    }

    public CourseSession getSession() {
        return session;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getPath() {
        return path;
    }

    public StoredFile getStoredFile() {
        return storedFile;
    }
}
