package org.peersupport.portal.notice.control;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Hands notice emails to the SMTP relay in the portal's settings ({@code PORTAL_SMTP_*}) with Jakarta Mail, which
 * Payara Micro bundles. When, and how often, is {@code NoticeEmails}' business (the notice feature's boundary): after
 * the notice's transaction commits, and again later while the relay does not take it. With no host set, email is off.
 */
@ApplicationScoped
public class Mailer {

    private static final String TIMEOUT_MILLIS = "15000";

    @Inject
    PortalConfig config;

    private volatile Session session;

    /** Whether email is on: an SMTP host is set. */
    public boolean enabled() {
        return config.value(PortalSetting.SMTP_HOST).isPresent();
    }

    /** The relay's host, for the log. */
    public String relay() {
        return config.value(PortalSetting.SMTP_HOST).orElse("(no host)") + ":" + config.valueOr(PortalSetting.SMTP_PORT, "25");
    }

    /**
     * Sends one email now. Throws when the relay did not take it: a {@link jakarta.mail.SendFailedException} with
     * invalid addresses when it refused the recipient, another {@link MessagingException} when it could not be reached
     * or failed otherwise.
     */
    public void deliver(NoticeMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress(config.required(PortalSetting.SMTP_FROM), true));
        try {
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), mail.recipientName(),
                    StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        // RFC 3834: an automatic message, so out-of-office replies are not sent back to the portal
        message.setHeader("Auto-Submitted", "auto-generated");
        Transport.send(message);
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
