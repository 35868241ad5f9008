package org.peersupport.portal.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.notice.control.NoticeMail;
import org.peersupport.portal.notice.control.Notifier;
import org.peersupport.portal.notice.entity.NoticeKind;

/**
 * In-container test helper: a change that notifies someone and then commits, or fails and rolls back; and the
 * subjects of the emails the portal asked for, whether or not their transaction committed.
 */
@ApplicationScoped
public class NoticeProbe {

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    private final Set<String> mailsAskedFor = ConcurrentHashMap.newKeySet();

    /** Heard as the notifier fires it, inside the transaction, before anyone knows whether it commits. */
    void mailAskedFor(@Observes NoticeMail mail) {
        mailsAskedFor.add(mail.subject());
    }

    /** Whether a change asked for an email with this subject, committed or not. */
    public boolean mailAskedFor(String subject) {
        return mailsAskedFor.contains(subject);
    }

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
