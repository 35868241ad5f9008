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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.control.PersonRecords;
import org.peersupport.portal.identity.control.SignInNames;
import org.peersupport.portal.identity.control.SignInThrottle;
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

    @Inject
    SignInThrottle throttle;

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
        throttle.recordSuccess(account.profile().username(), now);
        String roleNames = roles.isEmpty() ? "no portal role"
                : roles.stream().map(Role::roleName).collect(Collectors.joining(", "));
        audit.fire(AuditEvent.by(person.getUsername(), "SIGN_IN", "Person", person.getId(), "roles: " + roleNames));
        return person;
    }

    /** Records a sign-in that failed for a reason not the caller's (the directory was down): not counted. */
    @PermitAll
    public void recordFailedSignIn(String attemptedUsername, String reason) {
        audit.fire(AuditEvent.by(attempted(attemptedUsername), "SIGN_IN_FAILED", null, null, reason));
    }

    /**
     * Records a failed sign-in and counts it against the account and the client address (see {@link SignInThrottle});
     * a lock this failure sets is recorded too, and returned. Control characters are removed from the attempted
     * name before anything is written.
     */
    @PermitAll
    public Optional<Instant> recordFailedSignIn(String attemptedUsername, String reason, String clientAddress) {
        String attempted = attempted(attemptedUsername);
        audit.fire(AuditEvent.by(attempted, "SIGN_IN_FAILED", null, null, reason));
        Instant until = null;
        for (SignInThrottle.Lock lock : throttle.recordFailure(attempted, clientAddress, Instant.now(clock))) {
            audit.fire(AuditEvent.by(attempted, "SIGN_IN_LOCKED", null, null, (lock.onAccount()
                    ? "account" : "address " + SignInNames.clean(clientAddress)) + " locked until " + lock.until()
                    + " after " + lock.failures() + " failed sign-ins (lock " + lock.lockNumber() + ")"));
            until = until == null || lock.until().isAfter(until) ? lock.until() : until;
        }
        return Optional.ofNullable(until);
    }

    /** Until when sign-ins of this account or from this address are refused, if they are now. */
    @PermitAll
    public Optional<Instant> lockedUntil(String attemptedUsername, String clientAddress) {
        return throttle.lockedUntil(attempted(attemptedUsername), clientAddress, Instant.now(clock));
    }

    /** Records a sign-in refused unchecked because its account or address is locked (not counted as a failure). */
    @PermitAll
    public void recordRefusedSignIn(String attemptedUsername, Instant lockedUntil) {
        audit.fire(AuditEvent.by(attempted(attemptedUsername), "SIGN_IN_FAILED", null, null,
                "refused unchecked: too many failed sign-ins, locked until " + lockedUntil));
    }

    private static String attempted(String attemptedUsername) {
        String attempted = SignInNames.clean(attemptedUsername);
        return attempted.length() > MAX_ATTEMPTED_USERNAME ? attempted.substring(0, MAX_ATTEMPTED_USERNAME) : attempted;
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
