package org.peersupport.portal.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Test helper, in the container or in the test JVM: reads what arrived at the test mail server (GreenMail, started by {@link ItServices})
 * over real IMAP, as a person's mail client would.
 */
public final class Mailbox {

    /** One email as received. */
    public record Mail(String from, String to, String subject, String body, String autoSubmitted) {
    }

    private Mailbox() {
    }

    /** Every email in {@code address}'s inbox now (none if it has never received one). */
    public static List<Mail> of(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        int port = port();
        List<Mail> mails = new ArrayList<>();
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            try {
                store.connect("127.0.0.1", port, address, "any");
            } catch (MessagingException noMailboxYet) {
                return mails;
            }
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    MimeMessage mime = (MimeMessage) message;
                    String[] auto = mime.getHeader("Auto-Submitted");
                    mails.add(new Mail(mime.getFrom()[0].toString(), mime.getAllRecipients()[0].toString(),
                            mime.getSubject(), String.valueOf(mime.getContent()).replace("\r\n", "\n"),
                            auto == null ? null : auto[0]));
                }
                inbox.close(false);
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read the test mailbox of " + address, e);
        }
        return mails;
    }

    /** In the test JVM (browser tests), where {@link ItServices} started the mail server; in the container, its setting. */
    private static int port() {
        String local = System.getProperty(ItServices.IMAP_PORT);
        return local != null ? Integer.parseInt(local) : ConfigProvider.getConfig().getValue(ItServices.IMAP_PORT, Integer.class);
    }

    /** Waits up to {@code timeout} for an email to {@code address} that matches; empty if none came. */
    public static List<Mail> waitFor(String address, Predicate<Mail> matching, Duration timeout) throws InterruptedException {
        return waitFor(address, matching, 1, timeout);
    }

    /**
     * Waits up to {@code timeout} until {@code address} has at least {@code atLeast} emails that match (for emails that
     * look alike, counted before and after); returns those that arrived, however many.
     */
    public static List<Mail> waitFor(String address, Predicate<Mail> matching, int atLeast, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> found = of(address).stream().filter(matching).toList();
            if (found.size() >= atLeast || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(250);
        }
    }
}
