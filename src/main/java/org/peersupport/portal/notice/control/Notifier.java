package org.peersupport.portal.notice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.notice.entity.Notice;
import org.peersupport.portal.notice.entity.NoticeKind;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Tells a person something: records a notice in their list and, once the caller's transaction has committed,
 * emails it to them ({@link Mailer}). Features call it from their boundary, inside their own transaction, so a
 * change that rolls back leaves neither a notice nor an email. Titles and texts are short and never carry evidence
 * content: notices are sent by email. Words come from the portal's bundle ({@link #text}).
 */
@ApplicationScoped
public class Notifier {

    static final String BUNDLE = "org.peersupport.portal.i18n.messages";
    /** Notices and emails are written in the portal's language. */
    public static final Locale LOCALE = Locale.UK;
    /**
     * How long a new notice's email is left to the send after commit before the retry of due emails may take it (it
     * would find it sent, or claimed: the send after commit holds the row while it sends).
     */
    static final java.time.Duration FIRST_SEND_GRACE = java.time.Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<NoticeMail> mail;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    PortalConfig config;

    @Inject
    Clock clock;

    /**
     * Records a notice for {@code recipient} and emails it after commit. {@code link} is a page inside the portal
     * ({@code /candidate/index.xhtml}) or null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notice notify(Person recipient, NoticeKind kind, String title, String text, String link) {
        return notify(recipient, kind, title, text, link, null);
    }

    /**
     * As {@link #notify(Person, NoticeKind, String, String, String)}, with a key that the database keeps unique per
     * recipient (e.g. {@code OVERDUE:42:2026-11-23}): a job that must not tell anyone the same thing twice checks
     * {@link #alreadyNotified} first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notice notify(Person recipient, NoticeKind kind, String title, String text, String link, String onceKey) {
        Notice notice = new Notice(recipient, kind, title, text, link, onceKey, Instant.now(clock));
        em.persist(notice);
        audit.fire(AuditEvent.of("NOTICE_SENT", "Notice", notice.getId(), kind + " to person " + recipient.getId()));
        if (recipient.getEmail() != null && !recipient.getEmail().isBlank()) {
            if (config.value(PortalSetting.SMTP_HOST).isPresent()) {
                // kept until the relay takes it: sent after commit, else retried once it is due (NoticeEmails)
                notice.awaitEmail(notice.getCreatedAt().plus(FIRST_SEND_GRACE));
            }
            mail.fire(mailOf(notice));
        }
        return notice;
    }

    /** The email of a notice: everything it needs, so that sending it reads nothing more. */
    public NoticeMail mailOf(Notice notice) {
        Person recipient = notice.getRecipient();
        return new NoticeMail(notice.getId(), recipient.getEmail(), recipient.getDisplayName(), notice.getTitle(),
                body(notice));
    }

    /** Which of these once-keys each person has had already, as {@code personId + ":" + key}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> alreadyNotified(Collection<String> onceKeys) {
        Set<String> sent = new HashSet<>();
        if (onceKeys.isEmpty()) {
            return sent;
        }
        for (Object[] row : em.createNamedQuery(Notice.ONCE_KEYS, Object[].class).setParameter("keys", onceKeys)
                .getResultList()) {
            sent.add(row[0] + ":" + row[1]);
        }
        return sent;
    }

    /** A message from the portal's bundle, with its arguments. */
    public String text(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, LOCALE).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, LOCALE).format(arguments);
    }

    private String body(Notice notice) {
        StringBuilder body = new StringBuilder(notice.getText()).append("\n\n");
        String base = config.value(PortalSetting.PUBLIC_URL).map(url -> url.replaceAll("/+$", "")).orElse(null);
        if (notice.getLink() != null && base != null) {
            body.append(text("notice.email.open", base + notice.getLink()));
        } else {
            body.append(text("notice.email.signIn"));
        }
        return body.append("\n\n-- \n").append(text("notice.email.footer")).toString();
    }
}
