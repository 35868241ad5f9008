package org.peersupport.portal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.identity.entity.Person;

/**
 * The one place a directory account becomes a {@link Person}: found by the directory's stable id (never by the
 * username), refreshed from the directory's profile, or created. A username is held by one person at a time: when
 * the directory gave this account's username to someone new (another stable id), the earlier person who still held
 * it is released in the same transaction ({@link Person#releaseUsername}, audited as {@code USERNAME_RELEASED}). The
 * earlier person keeps every record of theirs; nobody signing in with that username reaches them again. A unique
 * index on the held usernames (V13) makes the database refuse two holders. Runs in the caller's transaction.
 */
@ApplicationScoped
public class PersonRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvent> audit;

    /** What happened to the person record, for the caller's own audit entry. */
    public enum Change { CREATED, REFRESHED, UNCHANGED }

    /** The person and what happened to their record. */
    public record Recorded(Person person, Change change) {
    }

    /**
     * The portal's record of this directory account. {@code actor} names who is recorded as acting in the audit
     * entries written here (null: the signed-in caller, as when a coordinator enrols someone).
     */
    public Recorded record(DirectoryAccount account, String actor, Instant now) {
        Person person = em.createNamedQuery(Person.BY_DIRECTORY_ID, Person.class)
                .setParameter("directoryId", account.stableId()).getResultStream().findFirst().orElse(null);
        releaseFromOthers(account, person, actor, now);
        Change change;
        if (person == null) {
            person = new Person(account.stableId(), account.profile(), now);
            em.persist(person);
            change = Change.CREATED;
        } else {
            change = person.refreshFrom(account.profile(), now) ? Change.REFRESHED : Change.UNCHANGED;
            if (person.getUsernameReleasedAt() != null) {
                person.holdUsername(now);
                change = Change.REFRESHED;
            }
        }
        em.flush();
        return new Recorded(person, change);
    }

    /**
     * The portal's record of an account found in the directory by someone other than its holder (a coordinator
     * enrolling staff, the portal looking up who holds a role): as {@link #record}, with the creation or refresh
     * audited as {@code PERSON_CREATED} or {@code PERSON_REFRESHED} under the signed-in caller.
     */
    public Person recordFound(DirectoryAccount account, Instant now) {
        Recorded recorded = record(account, null, now);
        Person person = recorded.person();
        if (recorded.change() == Change.CREATED) {
            audit.fire(AuditEvent.of("PERSON_CREATED", "Person", person.getId(), "profile copied from the directory"));
        } else if (recorded.change() == Change.REFRESHED) {
            audit.fire(AuditEvent.of("PERSON_REFRESHED", "Person", person.getId(), "profile changed in the directory"));
        }
        return person;
    }

    /** Releases the username from anyone else who still holds it, before this person takes it (the unique index). */
    private void releaseFromOthers(DirectoryAccount account, Person person, String actor, Instant now) {
        List<Person> others = em.createNamedQuery(Person.OTHERS_HOLDING_USERNAME, Person.class)
                .setParameter("username", account.profile().username())
                .setParameter("id", person == null ? -1L : person.getId()).getResultList();
        for (Person other : others) {
            other.releaseUsername(now);
            String detail = "their username now belongs to another directory entry; this person keeps their records";
            audit.fire(actor == null ? AuditEvent.of("USERNAME_RELEASED", "Person", other.getId(), detail)
                    : AuditEvent.by(actor, "USERNAME_RELEASED", "Person", other.getId(), detail));
        }
        if (!others.isEmpty()) {
            em.flush();
        }
    }
}
