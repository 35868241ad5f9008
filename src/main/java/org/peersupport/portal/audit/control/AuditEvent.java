package org.peersupport.portal.audit.control;

/**
 * What a boundary fires to record an action in the audit trail. {@code actor} may be null, in which case the
 * signed-in caller is recorded; it is given explicitly where nobody is signed in yet (a failed sign-in) or the caller
 * is not the actor (a run-as call). The trail stores the actor's person key, not this username, whenever a person
 * holds it. {@code subjectId} and {@code detail} name people only by person id and never carry free text a person
 * typed (a reason, feedback): that stays in its own record, which erasure reaches.
 * {@code subjectPersonId} is the person whose data the action touched ({@link #about}), when there is one: it is how a
 * person's "who has read my work" and the governance role's search by subject find the entry.
 */
public record AuditEvent(String actor, String action, String subjectType, String subjectId, String detail,
        Long subjectPersonId) {

    public static AuditEvent of(String action, String subjectType, Object subjectId, String detail) {
        return new AuditEvent(null, action, subjectType, subjectId == null ? null : subjectId.toString(), detail, null);
    }

    public static AuditEvent by(String actor, String action, String subjectType, Object subjectId, String detail) {
        return new AuditEvent(actor, action, subjectType, subjectId == null ? null : subjectId.toString(), detail, null);
    }

    /** This event, naming the person whose data it touched. */
    public AuditEvent about(Long personId) {
        return new AuditEvent(actor, action, subjectType, subjectId, detail, personId);
    }
}
