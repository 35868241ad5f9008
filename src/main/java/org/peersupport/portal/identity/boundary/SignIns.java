package org.peersupport.portal.identity.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.control.PersonRecords;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;

/**
 * Records sign-ins, failed sign-ins and sign-outs, and keeps each {@link Person} in step with the directory.
 * Its methods run while nobody is signed in yet (the identity store calls them during sign-in), so they are
 * open to all callers and take nothing from the caller but what the directory has just confirmed.
 */
@Stateless
@DenyAll
public class SignIns {

    static final int MAX_ATTEMPTED_USERNAME = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    PersonRecords people;

    @Inject
    Callers callers;

    @PermitAll
    public Person recordSignIn(DirectoryAccount account, Set<Role> roles) {
        Instant now = Instant.now(clock);
        PersonRecords.Recorded recorded = people.record(account, account.profile().username(), now);
        Person person = recorded.person();
        if (recorded.change() == PersonRecords.Change.CREATED) {
            audit.fire(AuditEvent.by(person.getUsername(), "PERSON_CREATED", "Person", person.getId(),
                    "profile copied from the directory"));
        } else if (recorded.change() == PersonRecords.Change.REFRESHED) {
            audit.fire(AuditEvent.by(person.getUsername(), "PERSON_REFRESHED", "Person", person.getId(),
                    "profile changed in the directory"));
        }
        person.signedIn(now);
        String roleNames = roles.isEmpty() ? "no portal role"
                : roles.stream().map(Role::roleName).collect(Collectors.joining(", "));
        audit.fire(AuditEvent.by(person.getUsername(), "SIGN_IN", "Person", person.getId(), "roles: " + roleNames));
        return person;
    }

    @PermitAll
    public void recordFailedSignIn(String attemptedUsername, String reason) {
        String attempted = attemptedUsername == null ? "" : attemptedUsername.strip();
        if (attempted.length() > MAX_ATTEMPTED_USERNAME) {
            attempted = attempted.substring(0, MAX_ATTEMPTED_USERNAME);
        }
        audit.fire(AuditEvent.by(attempted, "SIGN_IN_FAILED", null, null, reason));
    }

    @PermitAll
    public void recordSignOut(String username) {
        if (username == null) {
            return;
        }
        java.security.Principal signedIn = () -> username;
        Long personId = callers.id(signedIn).orElse(null); // the session's person, by id (see Callers)
        audit.fire(AuditEvent.by(username, "SIGN_OUT", "Person", personId, null));
    }
}
