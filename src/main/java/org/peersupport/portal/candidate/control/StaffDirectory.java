package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.peersupport.portal.identity.control.Directory;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.control.PersonRecords;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Staff as the candidate feature needs them: a person found in the directory gets their {@link Person} record
 * the way a sign-in creates it (keyed by the directory's stable id, profile copied, audited), so coordinators can
 * enrol people who have never signed in. Runs in the calling boundary's transaction.
 */
@ApplicationScoped
public class StaffDirectory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Clock clock;

    @Inject
    PersonRecords people;

    /** The person with this directory username, created or refreshed from the directory; refused if not there. */
    public Person byUsername(String username) {
        return lookup(username).orElseThrow(() -> new BusinessException("staff.notInDirectory",
                (username == null || username.isBlank() ? "That person" : username.strip())
                        + " is not a person in the directory.",
                        username == null || username.isBlank() ? "That person" : username.strip()));
    }

    /** The person with this directory username, if the directory has them. */
    public Optional<Person> lookup(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return directory.lookup(username.strip()).map(this::personFor);
    }

    /** The portal's record of a directory account: found by stable id and refreshed, or created. */
    public Person personFor(DirectoryAccount account) {
        return people.recordFound(account, Instant.now(clock));
    }
}
