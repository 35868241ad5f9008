/**
 * Audit owns the append-only audit trail: every feature fires an {@code AuditEvent} from its boundary and
 * the trail writes it in the same transaction, with who, what, when, on which record and from which address.
 */
package org.peersupport.portal.audit;
