package org.peersupport.portal.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import org.peersupport.portal.platform.control.PortalConfig;

/**
 * Before the demo story is played, everyone in it signs in once, five weeks before last year's cohort starts, as on
 * the sign-in page: the directory checks the password and the portal records the person (each in a transaction of
 * its own). The story's one transaction then finds everyone's record made; a sign-in inside it would wait for it
 * (a sign-off re-checks the password, and records that, in a transaction of its own).
 */
@Startup
@Singleton
@DependsOn("DemoCourseLoader")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoSignIns {

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalConfig config;

    @Inject
    IdentityStoreHandler identityStores;

    @PostConstruct
    void signIn() {
        if (!config.demo() || DemoStory.loaded(em)) {
            return;
        }
        try {
            DemoClock.travelTo(DemoStory.lastYearsStart().minusWeeks(5).atTime(9, 0).atZone(DemoStory.UK).toInstant());
            for (DemoCast person : DemoCast.values()) {
                CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
                        person.username(), DemoCast.PASSWORD));
                if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                    throw new IllegalStateException(person.username() + " cannot sign in to the demo directory: "
                            + result.getStatus());
                }
            }
        } finally {
            DemoClock.backToNow();
        }
    }
}
