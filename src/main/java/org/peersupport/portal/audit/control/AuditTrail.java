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
import java.util.Optional;
import org.peersupport.portal.audit.entity.AuditEntry;
import org.peersupport.portal.platform.control.ClientAddress;

/**
 * Writes {@link AuditEvent}s to the audit trail synchronously, inside the transaction of the boundary that
 * fired them: if the action rolls back, so does its audit line, and an action cannot commit without one.
 * The actor is stored as a person key whenever the username (the caller's, or the one the event names, a failed
 * sign-in's included) belongs to a person; the text only when it belongs to nobody.
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

    @Inject
    Instance<PersonKeys> personKeys;

    @Inject
    Instance<SubjectOwners> subjectOwners;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(@Observes AuditEvent event) {
        String actor = event.actor() != null ? event.actor() : caller();
        em.persist(new AuditEntry(Instant.now(clock), actor, event.action(), event.subjectType(), event.subjectId(),
                truncate(event.detail()), remoteAddress(), actorId(actor), subjectPersonId(event)));
    }

    private String caller() {
        try {
            Principal principal = securityContext.get().getCallerPrincipal();
            return principal == null ? null : principal.getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The caller's key as the session knows it; an explicit actor's, by the username they hold now. */
    private Long actorId(String actor) {
        if (actor == null || !personKeys.isResolvable()) {
            return null;
        }
        PersonKeys keys = personKeys.get();
        return keys.callerId(actor).or(() -> keys.holderOf(actor)).orElse(null);
    }

    /** The person the event names, or the owner of its subject record as the feature that owns it says. */
    private Long subjectPersonId(AuditEvent event) {
        if (event.subjectPersonId() != null || event.subjectType() == null || event.subjectId() == null) {
            return event.subjectPersonId();
        }
        for (SubjectOwners owners : subjectOwners) {
            Optional<Long> owner = owners.ownerOf(event.subjectType(), event.subjectId());
            if (owner.isPresent()) {
                return owner.get();
            }
        }
        return null;
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
