package org.peersupport.portal.governance.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.governance.control.SubjectAccessExports;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.LikePattern;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Subject access (UK GDPR Art. 15), for the person and for the governance role: a person downloads everything the
 * portal holds about them (written to the audit trail in the transaction that reads it); the governance role reads the
 * register of personal data and finds the person a request is about ({@link SubjectAccessRequests} handles the
 * request).
 */
@Stateless
@DenyAll
public class SubjectAccess {

    /** People shown for one search. */
    public static final int FOUND_MAX = 25;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    SubjectAccessExports exports;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    /** Every feature's declaration, in the feature order. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<PersonalData> register() {
        return exports.features();
    }

    /** Writes the caller's own export: everything they may already read, and a count of what waits for review. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR,
            Role.Names.HR, Role.Names.SAFEGUARDING, Role.Names.GOVERNANCE})
    public void exportMine(OutputStream out) throws IOException {
        Person me = callers.require(session.getCallerPrincipal());
        long rows = exports.write(me, me, false, Map.of(), out);
        audit.fire(AuditEvent.by(me.getUsername(), "SUBJECT_ACCESS_DOWNLOADED", "Person", me.getId(), rows + " records, by the person")
                .about(me.getId()));
    }

    /** The file name of a person's export: {@code my-data-2026-12-06.zip}. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR,
            Role.Names.HR, Role.Names.SAFEGUARDING, Role.Names.GOVERNANCE})
    public String fileName(String what) {
        return what + "-" + java.time.LocalDate.now(clock.withZone(UkTime.ZONE))
                + ".zip";
    }

    /** A person found by name, username or email, as the governance role searches for the subject of a request. */
    public record Found(long id, String displayName, String username, String email, String department,
            String organisation) implements java.io.Serializable {
    }

    /** At most {@link #FOUND_MAX} people whose name, username or email contains {@code words}, by name. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public List<Found> find(String words) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        return em.createQuery("select p from Person p where lower(p.displayName) like :w escape '"
                + LikePattern.ESCAPE + "' or lower(p.username) like :w escape '" + LikePattern.ESCAPE
                + "' or lower(p.email) like :w escape '" + LikePattern.ESCAPE + "' order by p.displayName, p.id",
                Person.class).setParameter("w", LikePattern.containing(words))
                .setMaxResults(FOUND_MAX).getResultStream().map(p -> new Found(p.getId(), p.getDisplayName(),
                        p.getUsername(), p.getEmail(), p.getDepartment(), p.getOrganisation())).toList();
    }

    /** The person a governance request is about, or "no such person". */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public Found person(long personId) {
        Person p = em.find(Person.class, personId);
        if (p == null) {
            throw new BusinessException("governance.person.notFound", "There is no such person.");
        }
        return new Found(p.getId(), p.getDisplayName(), p.getUsername(), p.getEmail(), p.getDepartment(),
                p.getOrganisation());
    }

}
