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
import org.peersupport.portal.identity.entity.Person;

/** A supervisor's declaration that they must not assess a named person (a friend, relative, their own manager...). */
@Entity
@Table(name = "conflict_of_interest")
@NamedQuery(name = ConflictOfInterest.BETWEEN, query = "select count(c) from ConflictOfInterest c "
        + "where c.supervisor.id = :supervisorId and c.other.id = :otherId")
@NamedQuery(name = ConflictOfInterest.SUPERVISORS_CONFLICTED_WITH, query = "select c.supervisor.id from ConflictOfInterest c "
        + "where c.other.id = :otherId")
@NamedQuery(name = ConflictOfInterest.SUPERVISORS_CONFLICTED_WITH_ANY, query = "select c.supervisor.id, c.other.id "
        + "from ConflictOfInterest c where c.other.id in :otherIds")
@NamedQuery(name = ConflictOfInterest.DECLARED_BY, query = "select c from ConflictOfInterest c join fetch c.other "
        + "where c.supervisor.id = :supervisorId order by c.declaredAt desc, c.id desc")
public class ConflictOfInterest {

    public static final String BETWEEN = "ConflictOfInterest.between";
    /** Every conflict a supervisor has declared, with the other person, newest first. */
    public static final String DECLARED_BY = "ConflictOfInterest.declaredBy";
    public static final String SUPERVISORS_CONFLICTED_WITH = "ConflictOfInterest.supervisorsConflictedWith";
    /** Supervisor id and other person's id of every conflict declared with any of some people. */
    public static final String SUPERVISORS_CONFLICTED_WITH_ANY = "ConflictOfInterest.supervisorsConflictedWithAny";

    @Id
    @SequenceGenerator(name = "conflict_of_interest_seq", sequenceName = "conflict_of_interest_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conflict_of_interest_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "supervisor_id", nullable = false, updatable = false)
    private Person supervisor;

    @ManyToOne(optional = false)
    @JoinColumn(name = "other_id", nullable = false, updatable = false)
    private Person other;

    @Column(name = "declared_at", nullable = false, updatable = false)
    private Instant declaredAt;

    private String note;

    protected ConflictOfInterest() {
    }

    public ConflictOfInterest(Person supervisor, Person other, String note, Instant now) {
        this.supervisor = supervisor;
        this.other = other;
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.declaredAt = now;
    }

    public Long getId() {
        return id;
    }

    public Person getSupervisor() {
        return supervisor;
    }

    public Person getOther() {
        return other;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }

    public String getNote() {
        return note;
    }
}
