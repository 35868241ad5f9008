package org.peersupport.portal.audit.control;

import java.util.Optional;

/**
 * How the audit trail turns an actor into a person key. The identity feature, which knows people, answers
 * ({@code identity.control.Callers}); the audit feature comes before it and does not depend on it.
 */
public interface PersonKeys {

    /** The signed-in caller's person id, when the caller is signed in as {@code username} and known. */
    Optional<Long> callerId(String username);

    /** The person who holds {@code username} now; empty for an unknown or released username. */
    Optional<Long> holderOf(String username);
}
