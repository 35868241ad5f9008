package org.peersupport.portal.support;

/**
 * Conditions on {@code audit_entry} for "the entries by this person". The trail names people by key (V15, V18): a
 * known actor is {@code actor_id}, and their username is not stored, so a test asks for the key of the person who
 * holds the username. Each condition takes the username as its one parameter.
 */
public final class AuditActors {

    /** The entries by the person holding the username (by key). */
    public static final String BY_PERSON = "actor_id in (select p.id from person p where lower(p.username) = lower(?))";

    /**
     * The entries by the username: a known person's by key, else by the text the trail keeps for nobody it knows (a
     * failed sign-in with an unknown username).
     */
    public static final String BY_NAME = "lower(?) = lower(coalesce((select p.username from person p where p.id = actor_id), actor))";

    private AuditActors() {
    }
}
