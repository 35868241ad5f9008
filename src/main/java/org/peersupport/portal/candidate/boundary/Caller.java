package org.peersupport.portal.candidate.boundary;

import jakarta.ejb.SessionContext;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.security.Principal;
import org.peersupport.portal.candidate.control.SupervisorAccess;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Who is calling a candidate boundary, and the record-level rules that roles alone cannot express: a candidate
 * reads only their own record, a supervisor only what {@link SupervisorAccess} allows (allocated and not conflicted;
 * read-only for a while after the enrolment ended), a coordinator every record. The caller is a person id resolved
 * once ({@link Callers}); every comparison is by id.
 */
final class Caller {

    private final SessionContext session;
    private final EntityManager em;
    private Person person;

    Caller(SessionContext session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    /** The principal name, for display and the audit trail only: never for a decision. */
    String username() {
        Principal principal = session.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    Person person() {
        if (person == null) {
            person = CDI.current().select(Callers.class).get().require(session.getCallerPrincipal());
        }
        return person;
    }

    private Long personIdOrNull() {
        if (person != null) {
            return person.getId();
        }
        return CDI.current().select(Callers.class).get().id(session.getCallerPrincipal()).orElse(null);
    }

    boolean is(String role) {
        return session.isCallerInRole(role);
    }

    boolean coordinator() {
        return is(Role.Names.COORDINATOR);
    }

    boolean isOwn(Enrolment enrolment) {
        return is(Role.Names.CANDIDATE) && enrolment.getPerson().getId().equals(personIdOrNull());
    }

    /** What the calling supervisor may do with this enrolment's records ({@link SupervisorAccess}). */
    SupervisorAccess.Reach reach(Enrolment enrolment) {
        return !is(Role.Names.SUPERVISOR) ? SupervisorAccess.Reach.NONE
                : CDI.current().select(SupervisorAccess.class).get().reach(personIdOrNull(), enrolment);
    }

    /** The calling supervisor reads this enrolment's records (now, or read-only after it ended). */
    boolean supervises(Enrolment enrolment) {
        return reach(enrolment).reads();
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

    /** Writing a note: coordinators, and the supervisor of a current enrolment (a former one only reads). */
    boolean mayWriteNotes(Enrolment enrolment) {
        return coordinator() || reach(enrolment) == SupervisorAccess.Reach.CURRENT;
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
