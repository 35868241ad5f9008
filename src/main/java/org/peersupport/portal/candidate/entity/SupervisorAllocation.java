package org.peersupport.portal.candidate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.config.QueryHints;
import org.peersupport.portal.identity.entity.Person;

/**
 * An enrolment's allocated supervisor for a time. A reallocation ends the current row and adds a new one, so the
 * history stays; the current allocation is the one without an end.
 */
@Entity
@Table(name = "supervisor_allocation")
@NamedQuery(name = SupervisorAllocation.CURRENT_OF_ENROLMENT, query = "select a from SupervisorAllocation a "
        + "join fetch a.supervisor where a.enrolment.id = :enrolmentId and a.endedAt is null")
@NamedQuery(name = SupervisorAllocation.OF_ENROLMENT, query = "select a from SupervisorAllocation a "
        + "join fetch a.supervisor where a.enrolment.id = :enrolmentId order by a.allocatedAt, a.id")
@NamedQuery(name = SupervisorAllocation.CURRENT_OF_SUPERVISOR, query = "select a from SupervisorAllocation a "
        + "where a.supervisor.id = :supervisorId and a.endedAt is null and a.enrolment.status in :statuses "
        + "order by a.enrolment.person.displayName", hints = {
            @QueryHint(name = QueryHints.FETCH, value = "a.enrolment.person"),
            @QueryHint(name = QueryHints.FETCH, value = "a.enrolment.cohort.course")})
@NamedQuery(name = SupervisorAllocation.CURRENT_OF_COHORT, query = "select a.enrolment.id, s.id, s.username, "
        + "s.displayName from SupervisorAllocation a join a.supervisor s where a.enrolment.cohort.id = :cohortId "
        + "and a.endedAt is null")
@NamedQuery(name = SupervisorAllocation.CASELOADS, query = "select a.supervisor.id, count(a) from SupervisorAllocation a "
        + "where a.endedAt is null and a.enrolment.status in :statuses group by a.supervisor.id")
@NamedQuery(name = SupervisorAllocation.PEOPLE_SUPERVISED_BY, query = "select distinct a.enrolment.person.id "
        + "from SupervisorAllocation a where a.supervisor.id = :supervisorId and a.endedAt is null "
        + "and a.enrolment.status in :statuses")
public class SupervisorAllocation {

    public static final String CURRENT_OF_ENROLMENT = "SupervisorAllocation.currentOfEnrolment";
    public static final String OF_ENROLMENT = "SupervisorAllocation.ofEnrolment";
    public static final String CURRENT_OF_SUPERVISOR = "SupervisorAllocation.currentOfSupervisor";
    public static final String CASELOADS = "SupervisorAllocation.caseloads";
    /** The ids of the people a supervisor supervises now (on an enrolment in one of the statuses). */
    public static final String PEOPLE_SUPERVISED_BY = "SupervisorAllocation.peopleSupervisedBy";
    /** Enrolment id, supervisor id, username and name of each current allocation on a cohort. */
    public static final String CURRENT_OF_COHORT = "SupervisorAllocation.currentOfCohort";

    @Id
    @SequenceGenerator(name = "supervisor_allocation_seq", sequenceName = "supervisor_allocation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "supervisor_allocation_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @ManyToOne(optional = false)
    @JoinColumn(name = "supervisor_id", nullable = false, updatable = false)
    private Person supervisor;

    @Column(name = "allocated_at", nullable = false, updatable = false)
    private Instant allocatedAt;

    @Column(name = "allocated_by", nullable = false, updatable = false)
    private String allocatedBy;

    @Column(updatable = false)
    private String reason;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected SupervisorAllocation() {
    }

    public SupervisorAllocation(Enrolment enrolment, Person supervisor, String by, String reason, Instant now) {
        this.enrolment = enrolment;
        this.supervisor = supervisor;
        this.allocatedBy = by;
        this.reason = reason == null || reason.isBlank() ? null : reason.strip();
        this.allocatedAt = now;
    }

    public void end(Instant now) {
        endedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    public Person getSupervisor() {
        return supervisor;
    }

    public Instant getAllocatedAt() {
        return allocatedAt;
    }

    public String getAllocatedBy() {
        return allocatedBy;
    }

    public String getReason() {
        return reason;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
