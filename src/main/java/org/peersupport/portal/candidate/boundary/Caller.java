package org.peersupport.portal.candidate.boundary;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import java.security.Principal;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.candidate.entity.SupervisorAllocation;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Who is calling a candidate boundary, and the record-level rules that roles alone cannot express: a candidate
 * reads only their own record, a supervisor only the candidates allocated to them, a coordinator every record.
 */
final class Caller {

    private final SessionContext session;
    private final EntityManager em;
    private Person person;

    Caller(SessionContext session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    String username() {
        Principal principal = session.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    Person person() {
        if (person == null) {
            String username = username();
            person = username == null ? null : em.createNamedQuery(Person.BY_USERNAME, Person.class)
                    .setParameter("username", username).getResultStream().findFirst().orElse(null);
            if (person == null) {
                throw new BusinessException("person.unknown",
                        "The portal has no record of you yet. Sign out and sign in again.");
            }
        }
        return person;
    }

    boolean is(String role) {
        return session.isCallerInRole(role);
    }

    boolean coordinator() {
        return is(Role.Names.COORDINATOR);
    }

    boolean isOwn(Enrolment enrolment) {
        return is(Role.Names.CANDIDATE) && enrolment.getPerson().getUsername().equalsIgnoreCase(username());
    }

    boolean supervises(Enrolment enrolment) {
        return is(Role.Names.SUPERVISOR) && em.createNamedQuery(SupervisorAllocation.IS_CURRENT, Long.class)
                .setParameter("enrolmentId", enrolment.getId()).setParameter("supervisorId", person().getId())
                .getSingleResult() > 0;
    }

    /** Coordinators read every record, supervisors their allocated candidates', candidates their own. */
    void requireCanRead(Enrolment enrolment) {
        if (!(coordinator() || isOwn(enrolment) || supervises(enrolment))) {
            throw notYours();
        }
    }

    /** Confidential notes: coordinators and the allocated supervisor only, never the candidate or HR. */
    boolean mayReadNotes(Enrolment enrolment) {
        return coordinator() || supervises(enrolment);
    }

    void requireOwn(Enrolment enrolment) {
        if (!isOwn(enrolment)) {
            throw notYours();
        }
    }

    static BusinessException notYours() {
        // the same words as "no such record", so that a refusal does not reveal who is enrolled
        return new BusinessException("enrolment.notFound", "There is no such enrolment, or it is not yours to see.");
    }
}
