package org.peersupport.portal.identity.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import java.util.Optional;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;

/** People known to the portal. For now: the signed-in person's own record. */
@Stateless
@DenyAll
public class People {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Callers callers;

    /** The caller's own person record; empty for an anonymous caller. */
    @PermitAll
    public Optional<Person> me() {
        return callers.person(session.getCallerPrincipal());
    }
}
