package org.peersupport.portal.course.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A service a session's content warning points candidates to, e.g. Samaritans on 116 123. */
@Entity
@Table(name = "signpost_contact")
public class Signpost {

    @Id
    @SequenceGenerator(name = "signpost_contact_seq", sequenceName = "signpost_contact_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signpost_contact_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "session_id", nullable = false, updatable = false)
    private CourseSession session;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    private String phone;

    @Column(name = "text_number")
    private String textNumber;

    private String url;

    private String description;

    protected Signpost() {
    }

    Signpost(CourseSession session, int position, String name, String phone, String textNumber, String url,
            String description) {
        this.session = session;
        this.position = position;
        this.name = name;
        this.phone = phone;
        this.textNumber = textNumber;
        this.url = url;
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public String getTextNumber() {
        return textNumber;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }
}
