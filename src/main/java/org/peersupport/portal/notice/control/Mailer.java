package org.peersupport.portal.notice.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Sends notice emails through the SMTP relay in the portal's settings ({@code PORTAL_SMTP_*}) with Jakarta Mail,
 * which Payara Micro bundles. A mail is handed over only after the transaction that created its notice commits
 * (a transactional observer), and sent on the server's managed executor, so the person's action never waits for
 * the relay and never fails because of it: a failure is logged with the notice's id and the notice stays in the
 * person's list. With no host set, email is off, which is logged once.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    private static final String TIMEOUT_MILLIS = "15000";

    @Inject
    PortalConfig config;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private final AtomicBoolean offLogged = new AtomicBoolean();
    private volatile Session session;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeMail mail) {
        if (config.value(PortalSetting.SMTP_HOST).isEmpty()) {
            if (offLogged.compareAndSet(false, true)) {
                LOG.info(() -> "Email is off: " + PortalSetting.SMTP_HOST + " is not set, so notices are shown in the "
                        + "portal only");
            }
            return;
        }
        try {
            executor.execute(() -> send(mail));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "The email for notice " + mail.noticeId() + " was not sent: the server is too busy", e);
        }
    }

    /** Sends one email now; logs and swallows any failure. */
    public void send(NoticeMail mail) {
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(config.required(PortalSetting.SMTP_FROM), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), mail.recipientName(),
                    StandardCharsets.UTF_8.name()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            // RFC 3834: an automatic message, so out-of-office replies are not sent back to the portal
            message.setHeader("Auto-Submitted", "auto-generated");
            Transport.send(message);
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            LOG.log(Level.WARNING, "The email for notice " + mail.noticeId() + " could not be sent through "
                    + config.value(PortalSetting.SMTP_HOST).orElse("(no host)") + ": " + e.getMessage(), e);
        }
    }

    private Session session() {
        Session current = session;
        if (current == null) {
            synchronized (this) {
                if (session == null) {
                    session = newSession();
                }
                current = session;
            }
        }
        return current;
    }

    private Session newSession() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", config.required(PortalSetting.SMTP_HOST));
        properties.put("mail.smtp.port", config.valueOr(PortalSetting.SMTP_PORT, "25"));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (config.flag(PortalSetting.SMTP_STARTTLS, true)) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Optional<String> username = config.value(PortalSetting.SMTP_USERNAME);
        if (username.isPresent()) {
            properties.put("mail.smtp.auth", "true");
            String password = config.valueOr(PortalSetting.SMTP_PASSWORD, "");
            return Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username.get(), password);
                }
            });
        }
        return Session.getInstance(properties);
    }
}
