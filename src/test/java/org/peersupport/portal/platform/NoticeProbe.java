package org.peersupport.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.Notifier;
import org.peersupport.portal.platform.entity.NoticeKind;

/** In-container test helper: a change that notifies someone and then commits, or fails and rolls back. */
@ApplicationScoped
public class NoticeProbe {

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    @Transactional
    public void notifyAndCommit(String username, String title) {
        notifier.notify(person(username), NoticeKind.PLACE_APPROVED, title, "A test notice that commits.", null);
    }

    /** Notifies, then fails as a broken business rule would: the transaction rolls back. */
    @Transactional
    public void notifyThenFail(String username, String title) {
        notifier.notify(person(username), NoticeKind.PLACE_DECLINED, title, "A test notice that rolls back.", null);
        em.flush();
        throw new IllegalStateException("the change failed after notifying");
    }

    private Person person(String username) {
        return em.createNamedQuery(Person.BY_USERNAME, Person.class).setParameter("username", username).getSingleResult();
    }
}
