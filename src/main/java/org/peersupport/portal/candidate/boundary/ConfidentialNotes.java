package org.peersupport.portal.candidate.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.ConfidentialNote;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Confidential notes on a candidate's enrolment, written by coordinators and the candidate's allocated supervisor
 * (who alone read them, on the record page).
 */
@Stateless
@DenyAll
public class ConfidentialNotes {

    static final int MAX_NOTE = 10_000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    /** Adds a confidential note: coordinators, and the candidate's allocated supervisor. */
    @RolesAllowed({Role.Names.SUPERVISOR, Role.Names.COORDINATOR})
    public long addNote(long enrolmentId, String text) {
        Caller caller = new Caller(session, em);
        Enrolment e = reads().enrolment(enrolmentId);
        if (!caller.mayWriteNotes(e)) {
            throw Caller.notYours();
        }
        if (text == null || text.isBlank()) {
            throw new BusinessException("note.required", "Write the note first.");
        }
        if (text.length() > MAX_NOTE) {
            throw new BusinessException("note.long", "Keep a note under 10,000 characters.");
        }
        ConfidentialNote note = new ConfidentialNote(e, caller.username(), text.strip(), Instant.now(clock));
        em.persist(note);
        em.flush();
        audit.fire(AuditEvent.of("CONFIDENTIAL_NOTE_ADDED", "Enrolment", enrolmentId, "note " + note.getId()));
        return note.getId();
    }

    private EnrolmentReads reads() {
        return new EnrolmentReads(em);
    }
}
