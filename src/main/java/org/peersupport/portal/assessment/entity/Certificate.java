package org.peersupport.portal.assessment.entity;

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
import java.time.LocalDate;
import java.util.Objects;
import org.peersupport.portal.candidate.entity.Enrolment;

/**
 * The certificate of a completed enrolment, issued once and never changed (the database refuses updates). It keeps
 * the name, course title and completion date as printed, and the verification code; lookups go by the code's
 * SHA-256.
 */
@Entity
@Table(name = "certificate")
@NamedQuery(name = Certificate.OF_ENROLMENT, query = "select c from Certificate c where c.enrolment.id = :enrolmentId")
@NamedQuery(name = Certificate.BY_CODE_HASH, query = "select c from Certificate c where c.codeSha256 = :hash")
@NamedQuery(name = Certificate.WITH_HOLDER, query = "select c from Certificate c join fetch c.enrolment e "
        + "join fetch e.person where c.id = :id")
@NamedQuery(name = Certificate.OF_PERSON, query = "select c from Certificate c "
        + "where c.enrolment.person.id = :personId order by c.completedOn desc, c.id desc")
public class Certificate {

    public static final String OF_ENROLMENT = "Certificate.ofEnrolment";
    public static final String BY_CODE_HASH = "Certificate.byCodeHash";
    public static final String WITH_HOLDER = "Certificate.withHolder";
    public static final String OF_PERSON = "Certificate.ofPerson";

    @Id
    @SequenceGenerator(name = "certificate_seq", sequenceName = "certificate_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @Column(name = "holder_name", nullable = false, updatable = false)
    private String holderName;

    @Column(name = "course_title", nullable = false, updatable = false)
    private String courseTitle;

    @Column(name = "completed_on", nullable = false, updatable = false)
    private LocalDate completedOn;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "code_sha256", nullable = false, updatable = false)
    private String codeSha256;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    protected Certificate() {
    }

    public Certificate(Enrolment enrolment, String holderName, String courseTitle, LocalDate completedOn, String code,
            String codeSha256, Instant now) {
        this.enrolment = Objects.requireNonNull(enrolment);
        this.holderName = Objects.requireNonNull(holderName);
        this.courseTitle = Objects.requireNonNull(courseTitle);
        this.completedOn = Objects.requireNonNull(completedOn);
        this.code = Objects.requireNonNull(code);
        this.codeSha256 = Objects.requireNonNull(codeSha256);
        this.issuedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    public String getHolderName() {
        return holderName;
    }

    public String getCourseTitle() {
        return courseTitle;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public String getCode() {
        return code;
    }

    public String getCodeSha256() {
        return codeSha256;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
