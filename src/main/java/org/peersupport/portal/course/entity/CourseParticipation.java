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
import java.time.Instant;
import java.util.Objects;

/**
 * The version of a course a person reads. Pinned when they first open the course, so their course stays the
 * same while a coordinator publishes the next version; they move on when they choose to.
 */
@Entity
@Table(name = "course_participation")
@NamedQuery(name = CourseParticipation.OF_PERSON, query = "select p from CourseParticipation p join fetch p.course "
        + "where p.personId = :personId and p.courseCode = :courseCode")
@NamedQuery(name = CourseParticipation.PINNED_TO, query = "select count(p) from CourseParticipation p "
        + "where p.personId = :personId and p.course.id = :courseId")
public class CourseParticipation {

    public static final String OF_PERSON = "CourseParticipation.ofPerson";
    public static final String PINNED_TO = "CourseParticipation.pinnedTo";

    @Id
    @SequenceGenerator(name = "course_participation_seq", sequenceName = "course_participation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "course_participation_seq")
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "course_code", nullable = false, updatable = false)
    private String courseCode;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id", nullable = false)
    private Course course;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "switched_at")
    private Instant switchedAt;

    @Version
    private long version;

    protected CourseParticipation() {
    }

    public CourseParticipation(long personId, Course course, Instant startedAt) {
        this.personId = personId;
        this.courseCode = course.getCode();
        this.course = course;
        this.startedAt = startedAt;
    }

    /** Moves the person to another version of the same course; their progress follows by session slug. */
    public void switchTo(Course newer, Instant now) {
        if (!Objects.equals(newer.getCode(), courseCode)) {
            throw new IllegalArgumentException("a participation stays with one course code");
        }
        course = newer;
        switchedAt = now;
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

    public Course getCourse() {
        return course;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getSwitchedAt() {
        return switchedAt;
    }
}
