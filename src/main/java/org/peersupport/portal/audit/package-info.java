/**
 * Audit owns the append-only audit trail: every feature fires an {@code AuditEvent} from its boundary and
 * the trail writes it in the same transaction, with who, what, when, on which record and from which address.
 * It names people only by person key (V15, V18), so erasing a person changes no entry.
 */
package org.peersupport.portal.audit;
