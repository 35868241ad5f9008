package org.peersupport.portal.course.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A person has completed a session of a course. Keyed by course code and session slug, not by a version's
 * rows, so progress carries over to every version of the course that keeps the session.
 */
@Entity
@Table(name = "lesson_progress")
@NamedQuery(name = LessonProgress.COMPLETED_SLUGS, query = "select p.sessionSlug from LessonProgress p "
        + "where p.personId = :personId and p.courseCode = :courseCode")
@NamedQuery(name = LessonProgress.FOR_SESSION, query = "select p from LessonProgress p "
        + "where p.personId = :personId and p.courseCode = :courseCode and p.sessionSlug = :slug")
public class LessonProgress {

    public static final String COMPLETED_SLUGS = "LessonProgress.completedSlugs";
    public static final String FOR_SESSION = "LessonProgress.forSession";

    @Id
    @SequenceGenerator(name = "lesson_progress_seq", sequenceName = "lesson_progress_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lesson_progress_seq")
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "course_code", nullable = false, updatable = false)
    private String courseCode;

    @Column(name = "session_slug", nullable = false, updatable = false)
    private String sessionSlug;

    @Column(name = "completed_at", nullable = false, updatable = false)
    private Instant completedAt;

    protected LessonProgress() {
    }

    public LessonProgress(long personId, String courseCode, String sessionSlug, Instant completedAt) {
        this.personId = personId;
        this.courseCode = courseCode;
        this.sessionSlug = sessionSlug;
        this.completedAt = completedAt;
    }

    public Long getId() {
        return id;
    }

    public long getPersonId() {
        return personId;
    }

    public String getCourseCode() {
        return courseCode;
    }

    public String getSessionSlug() {
        return sessionSlug;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
