package org.peersupport.portal.governance.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.governance.control.PersonErasure;
import org.peersupport.portal.governance.control.SubjectAccessExports;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import java.util.Locale;
import java.util.ResourceBundle;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/**
 * The governance role erases a person. Before confirming, it sees what the portal holds about them (per class of
 * record), what stays and why (the facts of the training record, the audit trail by key, the department for HR's
 * figures), and anything that stops the erasure (a legal hold, an open safeguarding concern, a course place in
 * progress). The erasure runs every feature's statements in one transaction, audited in it, keyed to the person.
 */
@Stateless
@DenyAll
public class Erasure {

    /** What stays after an erasure, each with the reason: keys of texts in the bundle. */
    public static final List<String> KEPT = List.of("trainingRecord", "auditTrail", "department", "requests");

    public record HeldClass(String feature, String key, long records) implements Serializable {
    }

    public record Plan(long personId, String name, String username, List<HeldClass> held, List<String> blockers,
            boolean erased) implements Serializable {

        public boolean possible() {
            return blockers.isEmpty() && !erased;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Callers callers;

    @Inject
    SubjectAccessExports exports;

    @Inject
    PersonErasure erasure;

    @Inject
    Event<AuditEvent> audit;

    @RolesAllowed(Role.Names.GOVERNANCE)
    public Plan plan(long personId) {
        Person me = callers.require(session.getCallerPrincipal());
        Person p = find(personId);
        List<HeldClass> held = new ArrayList<>();
        for (PersonalData feature : exports.features()) {
            for (PersonalRecordClass c : feature.recordClasses()) {
                if (c.exportSql() != null) {
                    long records = exports.held(c, personId);
                    if (records > 0) {
                        held.add(new HeldClass(feature.feature(), c.key(), records));
                    }
                }
            }
        }
        return new Plan(p.getId(), p.getDisplayName(), p.getUsername(), held, blockers(p, me),
                p.getErasedAt() != null);
    }

    /** Erases the person, unless something stops it; returns the rows the erasure changed or deleted. */
    @RolesAllowed(Role.Names.GOVERNANCE)
    public int erase(long personId) {
        Person me = callers.require(session.getCallerPrincipal());
        Person p = find(personId);
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        if (p.getErasedAt() != null) {
            throw new BusinessException("governance.erase.already", "This person has been erased already.");
        }
        List<String> blockers = blockers(p, me);
        if (!blockers.isEmpty()) {
            throw new BusinessException("governance.erase.blocked",
                    "Something stops this erasure: the page says what.");
        }
        em.flush();
        int rows = erasure.erase(new PersonErasure.Subject(p.getId(), p.getUsername(), p.getDisplayName(),
                ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK).getString("governance.erase.erasedName")));
        em.refresh(p);
        audit.fire(AuditEvent.by(me.getUsername(), "PERSON_ERASED", "Person", personId, rows + " rows erased or "
                + "anonymised").about(personId));
        return rows;
    }

    /** Bundle keys of what stops erasing {@code p} now. */
    private List<String> blockers(Person p, Person me) {
        List<String> blockers = new ArrayList<>();
        if (p.getId().equals(me.getId())) {
            blockers.add("governance.erase.blocked.self");
        }
        if (count("select count(*) from retention_hold h where h.released_at is null and (h.person_id = ?1 "
                + "or h.enrolment_id in (select e.id from enrolment e where e.person_id = ?1))", p.getId()) > 0) {
            blockers.add("governance.erase.blocked.hold");
        }
        if (count("select count(*) from safeguarding_concern c join enrolment e on e.id = c.enrolment_id "
                + "where e.person_id = ?1 and c.closed_at is null", p.getId()) > 0) {
            blockers.add("governance.erase.blocked.concern");
        }
        if (count("select count(*) from enrolment e where e.person_id = ?1 "
                + "and e.status in ('ENROLLED', 'ACTIVE', 'PAUSED')", p.getId()) > 0) {
            blockers.add("governance.erase.blocked.place");
        }
        return blockers;
    }

    private long count(String sql, long personId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, personId).getSingleResult()).longValue();
    }

    private Person find(long personId) {
        Person p = em.find(Person.class, personId);
        if (p == null) {
            throw new BusinessException("governance.person.notFound", "There is no such person.");
        }
        return p;
    }
}
