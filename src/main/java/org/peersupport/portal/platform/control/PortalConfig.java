package org.peersupport.portal.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the portal's settings through MicroProfile Config (environment variables in production). */
@ApplicationScoped
public class PortalConfig {

    private Config config;

    public Optional<String> value(PortalSetting setting) {
        return lookup(setting.key()).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The raw value of a key; tests of plain logic override this instead of needing a Config implementation. */
    protected Optional<String> lookup(String key) {
        if (config == null) {
            config = ConfigProvider.getConfig(PortalConfig.class.getClassLoader());
        }
        return config.getOptionalValue(key, String.class);
    }

    public String required(PortalSetting setting) {
        return value(setting).orElseThrow(() -> new IllegalStateException("missing required setting " + setting));
    }

    public String valueOr(PortalSetting setting, String fallback) {
        return value(setting).orElse(fallback);
    }

    public boolean flag(PortalSetting setting, boolean fallback) {
        return value(setting).map(Boolean::parseBoolean).orElse(fallback);
    }

    public int number(PortalSetting setting, int fallback) {
        return value(setting).map(Integer::parseInt).orElse(fallback);
    }

    public long longNumber(PortalSetting setting, long fallback) {
        return value(setting).map(Long::parseLong).orElse(fallback);
    }

    public boolean demo() {
        return flag(PortalSetting.DEMO, false);
    }

    public List<String> problems() {
        return ConfigurationProblems.find(this::value);
    }
}
