package org.peersupport.portal.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.peersupport.portal.platform.control.ConfigurationGuard;
import org.peersupport.portal.platform.control.PortalConfig;

/**
 * The first start-up bean: refuses a half-configured portal (see {@link ConfigurationGuard}) and says in the
 * log which mode the portal runs in. The database migration depends on it.
 */
@Startup
@Singleton
public class ConfigurationCheck {

    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

    @Inject
    PortalConfig config;

    @PostConstruct
    void check() {
        ConfigurationGuard.enforce(config);
        LOG.info(() -> config.demo()
                ? "Peer Support Training Portal configured in DEMO mode (embedded directory, demo accounts)"
                : "Peer Support Training Portal configuration is complete");
    }
}
