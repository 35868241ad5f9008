package org.peersupport.portal.notice.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peersupport.portal.notice.control.Mailer;
import org.peersupport.portal.notice.control.NoticeMail;
import org.peersupport.portal.notice.control.Notifier;
import org.peersupport.portal.notice.entity.Notice;
import org.peersupport.portal.platform.control.DatabaseOutage;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * The notices' emails, kept in the database until the mail relay takes them (V21). Each is sent once its notice's
 * transaction has committed, on the server's managed executor, so the person's action never waits for the relay and
 * never fails because of it. An email the relay did not take (it is down, or busy) stays due and is tried again by
 * every node's retry every 15 seconds, 15 seconds after the failed try and twice as long after each further one (at
 * most half an hour); an email the relay refused for good (an address it does not know) is not tried again.
 *
 * <p>Once per cluster: whoever sends an email (the send after commit or a node's retry) first claims its notice row
 * with {@code for update skip locked} and sends it only while it is still due, so two nodes never send the same email,
 * and one that is sending holds the row against the others. The state is written with an update of the email's columns
 * only, which leaves the notice's version alone (a person reading it meanwhile meets no conflict).
 */
@Stateless
@DenyAll
public class NoticeEmails {

    static final int BATCH = 10;
    private static final Logger LOG = Logger.getLogger(NoticeEmails.class.getName());
    private static final AtomicBoolean OFF_LOGGED = new AtomicBoolean();

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    Mailer mailer;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    /**
     * Hands the email to the executor once the notice's transaction has committed. Open to anyone, as the action that
     * raised the notice was whoever's it was (or a job's); it only sends what the committed notice says.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeMail mail) {
        if (!mailer.enabled()) {
            if (OFF_LOGGED.compareAndSet(false, true)) {
                LOG.info(() -> "Email is off: " + PortalSetting.SMTP_HOST + " is not set, so notices are shown in the "
                        + "portal only");
            }
            return;
        }
        NoticeEmails self = session.getBusinessObject(NoticeEmails.class);
        try {
            executor.execute(() -> self.send(mail.noticeId()));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "The email for notice " + mail.noticeId() + " waits for the retry: the server is too busy");
        }
    }

    /** Sends the notice's email now if it is still to go and no one else is sending it. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void send(long noticeId) {
        List<?> claimed = em.createNativeQuery("""
                select id, email_attempts from notice
                where id = ?1 and email_state = 'PENDING'
                for update skip locked""").setParameter(1, noticeId).getResultList();
        for (Object row : claimed) {
            trySend((Object[]) row);
        }
    }

    /**
     * Every node, every 15 seconds, sends the emails that are due ({@link #sendDue}). The timer's own callback runs
     * outside any transaction and never fails: a callback that failed twice in a row (its transaction rolled back,
     * as it does while the database cannot be reached) would be removed by the container for good, and with it every
     * later retry.
     */
    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "notice email retry")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void retryDue() {
        if (!mailer.enabled()) {
            return;
        }
        try {
            session.getBusinessObject(NoticeEmails.class).sendDue();
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                LOG.warning(() -> "The notice email retry waits for the database: " + DatabaseOutage.describe(e));
            } else {
                LOG.log(Level.WARNING, "The notice email retry failed; it runs again in 15 seconds", e);
            }
        }
    }

    /**
     * The emails that are due, a few at a time, each claimed as {@link #send} claims it. A try that cannot reach the
     * relay ends the round: the others would meet the same. Open to anyone: it only sends what is due to be sent.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sendDue() {
        List<?> due;
        try {
            due = em.createNativeQuery("""
                    select id, email_attempts from notice
                    where email_state = 'PENDING' and email_next_at <= ?1
                    order by email_next_at, id
                    limit ?2
                    for update skip locked""").setParameter(1, Timestamp.from(Instant.now(clock)))
                    .setParameter(2, BATCH).getResultList();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            // one line, not the container's stack trace every 15 seconds for as long as the outage lasts
            LOG.warning(() -> "The notice email retry waits for the database: " + DatabaseOutage.describe(e));
            session.setRollbackOnly();
            return;
        }
        for (Object row : due) {
            if (!trySend((Object[]) row)) {
                return;
            }
        }
    }

    /** Sends one claimed email and records how it went; false when the relay could not be reached. */
    private boolean trySend(Object[] row) {
        long id = ((Number) row[0]).longValue();
        int tries = ((Number) row[1]).intValue() + 1;
        Notice notice = em.find(Notice.class, id);
        if (notice.getRecipient().getEmail() == null || notice.getRecipient().getEmail().isBlank()) {
            record(id, Notice.EMAIL_FAILED, tries, null); // the address has gone (e.g. the person was erased)
            return true;
        }
        NoticeMail mail = notifier.mailOf(notice);
        try {
            mailer.deliver(mail);
            record(id, Notice.EMAIL_SENT, tries, null);
            if (tries > 1) {
                LOG.info(() -> "The email for notice " + id + " was sent at try " + tries);
            }
            return true;
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                LOG.warning(() -> "The relay " + mailer.relay() + " refused the address of notice " + id
                        + " for good: " + e.getMessage());
                record(id, Notice.EMAIL_FAILED, tries, null);
                return true;
            }
            return keep(id, tries, e);
        } catch (MessagingException | RuntimeException e) {
            return keep(id, tries, e);
        }
    }

    private boolean keep(long id, int tries, Exception e) {
        Instant next = Notice.nextEmailTry(tries, Instant.now(clock));
        LOG.warning(() -> "The email for notice " + id + " was not taken by the relay " + mailer.relay() + " (try " + tries
                + ": " + e.getMessage() + "); it is kept and tried again from " + next);
        record(id, Notice.EMAIL_PENDING, tries, next);
        return false;
    }

    private void record(long id, String state, int tries, Instant next) {
        if (next == null) {
            em.createNativeQuery("update notice set email_state = ?1, email_attempts = ?2, email_next_at = null where id = ?3")
                    .setParameter(1, state).setParameter(2, tries).setParameter(3, id).executeUpdate();
        } else {
            em.createNativeQuery("update notice set email_state = ?1, email_attempts = ?2, email_next_at = ?3 where id = ?4")
                    .setParameter(1, state).setParameter(2, tries).setParameter(3, Timestamp.from(next))
                    .setParameter(4, id).executeUpdate();
        }
    }
}
