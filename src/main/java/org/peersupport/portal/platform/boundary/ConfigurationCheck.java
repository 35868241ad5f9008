package org.peersupport.portal.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Refuses to start a half-configured portal. Runs first at deployment; names every missing setting. On
 * Payara Micro, which keeps running after a failed deployment, it also ends the process so that a service
 * manager or orchestrator sees the failure at once.
 */
@Startup
@Singleton
public class ConfigurationCheck {

    static final int EXIT_CONFIGURATION_ERROR = 78;
    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

    @Inject
    PortalConfig config;

    @PostConstruct
    void check() {
        List<String> problems = config.problems();
        if (problems.isEmpty()) {
            LOG.info(() -> config.demo()
                    ? "Peer Support Training Portal configured in DEMO mode (embedded directory, demo accounts)"
                    : "Peer Support Training Portal configuration is complete");
            return;
        }
        String message = "The Peer Support Training Portal cannot start. Fix its configuration:\n  - "
                + String.join("\n  - ", problems);
        LOG.severe(message);
        if (config.flag(PortalSetting.EXIT_ON_CONFIGURATION_ERROR, true)) {
            Thread exit = new Thread(() -> {
                LOG.log(Level.SEVERE, "Stopping the server: the portal is not configured (exit code {0})", EXIT_CONFIGURATION_ERROR);
                System.exit(EXIT_CONFIGURATION_ERROR);
            }, "portal-configuration-exit");
            exit.setDaemon(false);
            exit.start();
        }
        throw new IllegalStateException(message);
    }
}
