package org.peersupport.portal.identity.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;
import org.peersupport.portal.identity.control.Callers;

/**
 * The caller and roles the identity store established at sign-in, kept in the HTTP session so that
 * {@link ApiAuthenticationMechanism} can hand them to the container explicitly on every later request of the session.
 *
 * <p>Why: Soteria's form mechanism re-applies a signed-in session by passing the container only the caller principal;
 * Payara 6 then looks the caller's groups up through a thread-bound security context, which under concurrent load
 * is sometimes empty (Payara issue 6145, open). The request then runs with no role: 403 from the web constraints,
 * "Client not authorized" from EJB boundaries. The load benchmark measured about one such request in 30 at 16 users.
 * Naming the groups in the same callback avoids that look-up. Only the identity store writes this attribute, after
 * the directory accepted the password; sign-out invalidates the session. The directory's display name is kept with
 * them for the page header, which would otherwise read the person's row on every page.
 *
 * <p>The person's id, resolved from the directory's stable id at sign-in, is kept too: every request of the session
 * carries it ({@link Callers#mark}), so authorisation follows the person, not whoever holds the username later.
 */
record SignedInRoles(String caller, long personId, String displayName, Set<String> roles) implements Serializable {

    static final String ATTRIBUTE = SignedInRoles.class.getName();

    SignedInRoles {
        roles = Set.copyOf(roles);
    }

    void keepIn(HttpServletRequest request) {
        request.getSession(true).setAttribute(ATTRIBUTE, this);
    }

    /** The roles kept for the signed-in caller of this request's session, or null if there are none for them. */
    static SignedInRoles of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || request.getUserPrincipal() == null) {
            return null;
        }
        Object kept;
        try {
            kept = session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        return kept instanceof SignedInRoles roles && roles.caller().equals(request.getUserPrincipal().getName())
                ? roles : null;
    }
}
