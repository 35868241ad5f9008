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
import org.peersupport.portal.course.entity.Course;

/**
 * A candidate's acceptance of the course's confidentiality and participation agreement: which version's text
 * (by its SHA-256) and when. Written once per enrolment.
 */
@Entity
@Table(name = "agreement_acceptance")
@NamedQuery(name = AgreementAcceptance.OF_ENROLMENT, query = "select a from AgreementAcceptance a "
        + "where a.enrolment.id = :enrolmentId")
public class AgreementAcceptance {

    public static final String OF_ENROLMENT = "AgreementAcceptance.ofEnrolment";

    @Id
    @SequenceGenerator(name = "agreement_acceptance_seq", sequenceName = "agreement_acceptance_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agreement_acceptance_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "course_id", nullable = false, updatable = false)
    private Course course;

    @Column(name = "agreement_sha256", nullable = false, updatable = false)
    private String agreementSha256;

    @Column(name = "accepted_at", nullable = false, updatable = false)
    private Instant acceptedAt;

    protected AgreementAcceptance() {
    }

    public AgreementAcceptance(Enrolment enrolment, Course course, String agreementSha256, Instant now) {
        this.enrolment = enrolment;
        this.course = course;
        this.agreementSha256 = agreementSha256;
        this.acceptedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getAgreementSha256() {
        return agreementSha256;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
