package org.peersupport.portal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;
import org.peersupport.portal.audit.control.PersonKeys;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Who the caller is, as a person id: the one place every feature turns a caller into a {@link Person} before an
 * authorisation decision, which then compares ids, never usernames.
 *
 * <p>At sign-in the identity store resolves the directory's stable id to the person and keeps their id with the
 * session ({@code SignedInRoles}); the authentication mechanism puts it on each request of that session, and on
 * each API request it authenticates ({@link #mark}). So a person signed in before the directory gave their username
 * to someone new stays themselves, and the newcomer is a different person from their first request. A call with no
 * such mark (a timer, a {@code @RunAs} call in the tests) is resolved by the username the caller holds now:
 * usernames are unique among the people who hold them (V13), and a released username reaches nobody.
 */
@ApplicationScoped
public class Callers implements PersonKeys {

    /** The request attribute holding the signed-in person ({@link SignedIn}) of this request. */
    public static final String ATTRIBUTE = Callers.class.getName() + ".signedIn";

    /** The principal name and the person id resolved from the directory's stable id at sign-in. */
    public record SignedIn(String name, long personId) implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Instance<HttpServletRequest> request;

    /** Marks this request as made by the person signed in as {@code name}. Only the authentication code calls it. */
    public static void mark(HttpServletRequest request, String name, long personId) {
        request.setAttribute(ATTRIBUTE, new SignedIn(name, personId));
    }

    /** The caller's person id; empty for an anonymous caller or one the portal has no record of. */
    public Optional<Long> id(Principal principal) {
        if (anonymous(principal)) {
            return Optional.empty();
        }
        SignedIn signedIn = marked();
        if (signedIn != null && signedIn.name().equals(principal.getName())) {
            return Optional.of(signedIn.personId());
        }
        return holderOf(principal.getName());
    }

    /** The caller's person record; empty for an anonymous caller or one the portal has no record of. */
    public Optional<Person> person(Principal principal) {
        return id(principal).map(id -> em.find(Person.class, id));
    }

    /** The caller's person record, or the refusal that tells them to sign in again. */
    public Person require(Principal principal) {
        return person(principal).orElseThrow(Callers::unknown);
    }

    /** Whether {@code person} is the caller: by id. */
    public boolean is(Principal principal, Person person) {
        return person != null && id(principal).map(id -> id.equals(person.getId())).orElse(false);
    }

    @Override
    public Optional<Long> callerId(String username) {
        SignedIn signedIn = marked();
        return signedIn != null && signedIn.name().equals(username) ? Optional.of(signedIn.personId()) : Optional.empty();
    }

    @Override
    public Optional<Long> holderOf(String username) {
        return em.createNamedQuery(Person.BY_USERNAME, Person.class).setParameter("username", username)
                .getResultStream().findFirst().map(Person::getId);
    }

    public static BusinessException unknown() {
        return new BusinessException("person.unknown", "The portal has no record of you yet. Sign out and sign in again.");
    }

    private static boolean anonymous(Principal principal) {
        return principal == null || principal.getName() == null || "ANONYMOUS".equals(principal.getName());
    }

    private SignedIn marked() {
        try {
            if (request.isResolvable()) {
                return request.get().getAttribute(ATTRIBUTE) instanceof SignedIn signedIn ? signedIn : null;
            }
        } catch (ContextNotActiveException | IllegalStateException e) {
            // not in a web request (a timer): resolved by the username held now
        }
        return null;
    }
}
