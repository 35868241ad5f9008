package org.peersupport.portal.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Runs the configuration check when EclipseLink prepares the persistence unit, which Payara does before any
 * start-up bean and before the first database connection: a missing setting is then reported as such, not as
 * a connection failure.
 */
public class ConfigurationCheckingCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        ConfigurationGuard.enforce(new PortalConfig());
    }
}
