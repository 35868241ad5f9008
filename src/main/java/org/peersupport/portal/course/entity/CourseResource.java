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

/** A useful resource of a course version: further reading, a website or a service. */
@Entity
@Table(name = "useful_resource")
@NamedQuery(name = CourseResource.WITH_COURSE, query = "select r from CourseResource r join fetch r.course where r.id = :id")
public class CourseResource {

    public static final String WITH_COURSE = "CourseResource.withCourse";

    @Id
    @SequenceGenerator(name = "useful_resource_seq", sequenceName = "useful_resource_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "useful_resource_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id", nullable = false, updatable = false)
    private Course course;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    private String url;

    private String description;

    @Version
    private long version;

    protected CourseResource() {
    }

    CourseResource(Course course, int position, String title, String url, String description) {
        this.course = course;
        this.position = position;
        set(title, url, description);
    }

    public void edit(String title, String url, String description) {
        course.requireDraft();
        set(title, url, description);
    }

    private void set(String title, String url, String description) {
        this.title = Objects.requireNonNull(title);
        if (url == null && description == null) {
            throw new IllegalArgumentException("a resource needs a web address or a description");
        }
        this.url = url;
        this.description = description;
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

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public long getVersion() {
        return version;
    }
}
