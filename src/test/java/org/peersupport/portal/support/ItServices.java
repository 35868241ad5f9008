package org.peersupport.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.event.container.BeforeSetup;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Starts the embedded PostgreSQL and LDAP servers once per test JVM, before Arquillian starts Payara Micro,
 * and writes the settings file that the failsafe configuration hands to Payara ({@code --systemProperties}).
 */
public class ItServices implements LoadableExtension {

    private static EmbeddedServices services;

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
            java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(services.portalSettings());
            // a 1 MB limit for evidence files, so that a test uploads a file over it cheaply
            settings.put("portal.evidence.upload.max-mb", "1");
            EmbeddedServices.writeProperties(settings, Paths.buildDirectory().resolve("it/portal-it.properties"));
            EmbeddedServices started = services;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-services-stop"));
        }
        return services;
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
