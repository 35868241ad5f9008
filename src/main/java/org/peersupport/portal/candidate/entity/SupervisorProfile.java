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
import jakarta.persistence.Version;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;

/** A person who supervises candidates, with the most candidates they may hold at once (their caseload cap). */
@Entity
@Table(name = "supervisor_profile")
@NamedQuery(name = SupervisorProfile.OF_PERSON, query = "select p from SupervisorProfile p where p.supervisor.id = :personId")
@NamedQuery(name = SupervisorProfile.ALL, query = "select p from SupervisorProfile p join fetch p.supervisor s "
        + "order by s.displayName")
public class SupervisorProfile {

    public static final String OF_PERSON = "SupervisorProfile.ofPerson";
    public static final String ALL = "SupervisorProfile.all";

    @Id
    @SequenceGenerator(name = "supervisor_profile_seq", sequenceName = "supervisor_profile_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "supervisor_profile_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person supervisor;

    @Column(name = "caseload_cap", nullable = false)
    private int caseloadCap;

    @Version
    private long version;

    protected SupervisorProfile() {
    }

    public SupervisorProfile(Person supervisor, int caseloadCap) {
        this.supervisor = supervisor;
        cap(caseloadCap);
    }

    public void cap(int cap) {
        if (cap < 0) {
            throw new BusinessException("supervisor.cap", "A caseload cap cannot be negative.");
        }
        this.caseloadCap = cap;
    }

    public void requireRoom(long caseload) {
        if (caseload >= caseloadCap) {
            throw new BusinessException("allocation.capReached", supervisor.getDisplayName() + " already supervises "
                    + caseload + " candidates, their cap of " + caseloadCap + ".",
                    supervisor.getDisplayName(), caseload, caseloadCap);
        }
    }

    public Long getId() {
        return id;
    }

    public Person getSupervisor() {
        return supervisor;
    }

    public int getCaseloadCap() {
        return caseloadCap;
    }
}
