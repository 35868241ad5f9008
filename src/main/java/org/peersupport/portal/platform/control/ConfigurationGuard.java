package org.peersupport.portal.platform.control;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses to start a half-configured portal: logs every problem, fails the deployment and, on Payara Micro
 * (which otherwise keeps running with no application), ends the process so that a service manager or an
 * orchestrator sees the failure at once. Called at the very start of deployment, when the persistence unit is
 * prepared, and again by a start-up bean.
 */
public final class ConfigurationGuard {

    public static final int EXIT_CONFIGURATION_ERROR = 78;
    private static final Logger LOG = Logger.getLogger(ConfigurationGuard.class.getName());
    private static volatile boolean exiting;

    private ConfigurationGuard() {
    }

    public static void enforce(PortalConfig config) {
        List<String> problems = config.problems();
        if (problems.isEmpty()) {
            return;
        }
        String message = "The Peer Support Training Portal cannot start. Fix its configuration:\n  - "
                + String.join("\n  - ", problems);
        LOG.severe(message);
        if (config.flag(PortalSetting.EXIT_ON_CONFIGURATION_ERROR, true) && !exiting) {
            exiting = true;
            Thread exit = new Thread(() -> {
                LOG.log(Level.SEVERE, "Stopping the server: the portal is not configured (exit code {0})",
                        EXIT_CONFIGURATION_ERROR);
                System.exit(EXIT_CONFIGURATION_ERROR);
            }, "portal-configuration-exit");
            exit.setDaemon(false);
            exit.start();
        }
        throw new IllegalStateException(message);
    }
}
