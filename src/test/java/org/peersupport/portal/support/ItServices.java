package org.peersupport.portal.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.spi.event.container.BeforeSetup;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Starts the embedded PostgreSQL and LDAP servers and a GreenMail mail server (SMTP for the portal, IMAP for the
 * tests to read what arrived) once per test JVM, before Arquillian starts Payara Micro, and writes the settings
 * file that the failsafe configuration hands to Payara ({@code --systemProperties}).
 */
public class ItServices implements LoadableExtension {

    private static EmbeddedServices services;
    private static GreenMail mail;

    /** The setting that tells in-container tests where to read mail (see {@link Mailbox}). */
    public static final String IMAP_PORT = "portal.it.imap.port";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(ItServices.class);
    }

    public void beforeContainerSetup(@Observes BeforeSetup event) {
        get();
    }

    public static synchronized EmbeddedServices get() {
        if (services == null) {
            try {
                java.nio.file.Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
                services = EmbeddedServices.start(Paths.ldif(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> settings = new LinkedHashMap<>(services.portalSettings());
            settings.putAll(startMail());
            // a 1 MB limit for evidence files, so that a test uploads a file over it cheaply
            settings.put("portal.evidence.upload.max-mb", "1");
            // every test signs in from loopback: its address may fail sign-in more often than a real one before it
            // is locked, and, as a proxy of its own, may name other addresses in X-Forwarded-For (SignInThrottlingIT)
            settings.put("portal.signin.address-max-failures", "1000");
            settings.put("portal.proxy.trusted", "127.0.0.1,::1");
            EmbeddedServices.writeProperties(settings, Paths.buildDirectory().resolve("it/portal-it.properties"));
            EmbeddedServices started = services;
            GreenMail startedMail = mail;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                startedMail.stop();
                started.close();
            }, "embedded-services-stop"));
        }
        return services;
    }

    /**
     * GreenMail on loopback: any address receives mail, and IMAP lets anyone read any mailbox (test only). Its ports
     * are chosen free just before it starts, so another process on the machine may take one first: then it tries
     * again on other ports.
     */
    private static Map<String, String> startMail() {
        try {
            int smtp = 0;
            int imap = 0;
            for (int attempt = 1; mail == null; attempt++) {
                smtp = EmbeddedServices.freePort();
                imap = EmbeddedServices.freePort();
                ServerSetup[] setups = {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                        new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)};
                for (ServerSetup setup : setups) {
                    setup.setServerStartupTimeout(10_000);
                }
                GreenMail candidate = new GreenMail(setups).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
                try {
                    candidate.start();
                    mail = candidate;
                } catch (IllegalStateException e) {
                    candidate.stop();
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("portal.smtp.host", "127.0.0.1");
            settings.put("portal.smtp.port", Integer.toString(smtp));
            settings.put("portal.smtp.from", "Peer Support Training Portal (test) <portal@northshire-demo.nhs.example>");
            settings.put("portal.smtp.starttls", "false");
            settings.put(IMAP_PORT, Integer.toString(imap));
            System.setProperty(IMAP_PORT, Integer.toString(imap)); // for browser tests, which read mail from here
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the tests find the project's files. */
    public static final class Paths {
        private Paths() {
        }

        public static Path buildDirectory() {
            return Path.of(System.getProperty("portal.build.directory", "target")).toAbsolutePath();
        }

        public static Path projectDirectory() {
            return buildDirectory().getParent();
        }

        public static Path ldif() {
            return projectDirectory().resolve("deployment/demo-directory.ldif");
        }
    }
}
