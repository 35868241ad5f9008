package org.peersupport.portal.candidate.entity;

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
import java.time.Instant;

/** A note about a candidate that only coordinators and the allocated supervisor read. Never edited. */
@Entity
@Table(name = "confidential_note")
@NamedQuery(name = ConfidentialNote.OF_ENROLMENT, query = "select n from ConfidentialNote n "
        + "where n.enrolment.id = :enrolmentId order by n.writtenAt, n.id")
public class ConfidentialNote {

    public static final String OF_ENROLMENT = "ConfidentialNote.ofEnrolment";

    @Id
    @SequenceGenerator(name = "confidential_note_seq", sequenceName = "confidential_note_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "confidential_note_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    @Column(nullable = false, updatable = false)
    private String text;

    protected ConfidentialNote() {
    }

    public ConfidentialNote(Enrolment enrolment, String author, String text, Instant now) {
        this.enrolment = enrolment;
        this.author = author;
        this.text = text;
        this.writtenAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public String getText() {
        return text;
    }
}
