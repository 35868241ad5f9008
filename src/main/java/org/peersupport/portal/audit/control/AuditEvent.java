package org.peersupport.portal.audit.control;

/**
 * What a boundary fires to record an action in the audit trail. {@code actor} may be null, in which case the
 * signed-in caller is recorded; it is given explicitly where nobody is signed in yet (a failed sign-in).
 */
public record AuditEvent(String actor, String action, String subjectType, String subjectId, String detail) {

    public static AuditEvent of(String action, String subjectType, Object subjectId, String detail) {
        return new AuditEvent(null, action, subjectType, subjectId == null ? null : subjectId.toString(), detail);
    }

    public static AuditEvent by(String actor, String action, String subjectType, Object subjectId, String detail) {
        return new AuditEvent(actor, action, subjectType, subjectId == null ? null : subjectId.toString(), detail);
    }
}
