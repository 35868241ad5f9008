package org.peersupport.portal.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import org.peersupport.portal.audit.entity.AuditEntry;
import org.peersupport.portal.platform.control.ClientAddress;

/**
 * Writes {@link AuditEvent}s to the audit trail synchronously, inside the transaction of the boundary that
 * fired them: if the action rolls back, so does its audit line, and an action cannot commit without one.
 */
@ApplicationScoped
public class AuditTrail {

    static final int MAX_DETAIL = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    Instance<SecurityContext> securityContext;

    @Inject
    Clock clock;

    @Inject
    ClientAddress clientAddress;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes AuditEvent event) {
        String actor = event.actor() != null ? event.actor() : caller();
        em.persist(new AuditEntry(Instant.now(clock), actor, event.action(), event.subjectType(), event.subjectId(),
                truncate(event.detail()), remoteAddress()));
    }

    private String caller() {
        try {
            Principal principal = securityContext.get().getCallerPrincipal();
            return principal == null ? null : principal.getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String remoteAddress() {
        try {
            return request.isResolvable() ? clientAddress.of(request.get()) : null;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null;
        }
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
