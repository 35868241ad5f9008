package org.peersupport.portal.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds what is missing or contradictory in the portal's configuration, so that a half-configured portal
 * refuses to start and says exactly what to set. Plain logic over a lookup function, so it is unit-tested
 * without a server.
 */
public final class ConfigurationProblems {

    /** The servlet's own ceiling for an uploaded file (web.xml multipart-config), in MiB. */
    public static final int MAX_EVIDENCE_UPLOAD_MB = 200;

    private ConfigurationProblems() {
    }

    public static List<String> find(Function<PortalSetting, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        for (PortalSetting setting : PortalSetting.values()) {
            if (setting.required() && blank(lookup.apply(setting))) {
                problems.add("missing required setting " + setting);
            }
        }
        boolean memberOf = !blank(lookup.apply(PortalSetting.LDAP_USER_MEMBER_OF));
        if (!memberOf) {
            for (PortalSetting groupSetting : List.of(PortalSetting.LDAP_GROUP_BASE_DN, PortalSetting.LDAP_GROUP_FILTER)) {
                if (blank(lookup.apply(groupSetting))) {
                    problems.add("missing required setting " + groupSetting + " (or set "
                            + PortalSetting.LDAP_USER_MEMBER_OF + " to read groups from the person's entry)");
                }
            }
        }
        lookup.apply(PortalSetting.RETENTION_PERIODS).ifPresent(periods -> {
            try {
                RetentionRule.parsePeriods(periods);
            } catch (IllegalArgumentException e) {
                problems.add(PortalSetting.RETENTION_PERIODS + ": " + e.getMessage());
            }
        });
        boolean anyRole = List.of(PortalSetting.ROLE_CANDIDATE, PortalSetting.ROLE_SUPERVISOR, PortalSetting.ROLE_VERIFIER,
                PortalSetting.ROLE_COORDINATOR, PortalSetting.ROLE_HR).stream().anyMatch(role -> !blank(lookup.apply(role)));
        if (!anyRole) {
            problems.add("no directory group is mapped to any portal role: set at least one of "
                    + PortalSetting.ROLE_CANDIDATE + ", " + PortalSetting.ROLE_SUPERVISOR + ", " + PortalSetting.ROLE_VERIFIER
                    + ", " + PortalSetting.ROLE_COORDINATOR + ", " + PortalSetting.ROLE_HR);
        }
        if (blank(lookup.apply(PortalSetting.ROLE_SAFEGUARDING))) {
            problems.add("no directory group is mapped to the designated safeguarding lead: set "
                    + PortalSetting.ROLE_SAFEGUARDING + ", so that a safeguarding concern a supervisor raises reaches someone");
        }
        lookup.apply(PortalSetting.LDAP_URL).filter(url -> !url.isBlank()).ifPresent(url -> {
            String lower = url.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
                problems.add(PortalSetting.LDAP_URL + " must start with ldap:// or ldaps://, not '" + url + "'");
            }
            if (lower.startsWith("ldaps://") && isTrue(lookup.apply(PortalSetting.LDAP_STARTTLS))) {
                problems.add(PortalSetting.LDAP_STARTTLS + " cannot be used with an ldaps:// URL: choose one");
            }
            if (isTrue(lookup.apply(PortalSetting.DEMO)) && !DemoMode.isLoopback(url)) {
                problems.add(PortalSetting.DEMO + " is on but the directory at '" + url
                        + "' is not on this machine's loopback address: demo mode only runs against its embedded directory");
            }
        });
        lookup.apply(PortalSetting.DB_URL).filter(url -> !url.isBlank()).ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql:")) {
                problems.add(PortalSetting.DB_URL + " must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
            }
        });
        mailProblems(lookup, problems);
        signInProblems(lookup, problems);
        lookup.apply(PortalSetting.EVIDENCE_UPLOAD_MAX_MB).filter(value -> !value.isBlank()).ifPresent(value -> {
            if (!value.strip().matches("\\d{1,3}") || Integer.parseInt(value.strip()) < 1
                    || Integer.parseInt(value.strip()) > MAX_EVIDENCE_UPLOAD_MB) {
                problems.add(PortalSetting.EVIDENCE_UPLOAD_MAX_MB + " must be a whole number of megabytes from 1 to "
                        + MAX_EVIDENCE_UPLOAD_MB + " (the largest upload the servlet accepts), not '" + value + "'");
            }
        });
        lookup.apply(PortalSetting.FORMER_SUPERVISOR_DAYS).filter(value -> !value.isBlank()).ifPresent(value -> {
            if (!value.strip().matches("\\d{1,4}") || Integer.parseInt(value.strip()) > 3650) {
                problems.add(PortalSetting.FORMER_SUPERVISOR_DAYS + " must be a whole number of days from 0 to 3650, not '"
                        + value + "'");
            }
        });
        return problems;
    }

    /** Sign-in throttling, session lifetime and trusted proxies (issue 13): whole numbers from 1, addresses. */
    private static void signInProblems(Function<PortalSetting, Optional<String>> lookup, List<String> problems) {
        for (PortalSetting number : List.of(PortalSetting.SESSION_MAX_HOURS, PortalSetting.SIGNIN_MAX_FAILURES,
                PortalSetting.SIGNIN_ADDRESS_MAX_FAILURES, PortalSetting.SIGNIN_WINDOW_MINUTES,
                PortalSetting.SIGNIN_MAX_LOCK_MINUTES)) {
            lookup.apply(number).filter(v -> !v.isBlank()).ifPresent(value -> {
                if (!value.strip().matches("[1-9]\\d{0,5}")) {
                    problems.add(number + " must be a whole number from 1, not '" + value + "'");
                }
            });
        }
        lookup.apply(PortalSetting.PROXY_TRUSTED).filter(v -> !v.isBlank()).ifPresent(value -> {
            try {
                ClientAddress.parse(value);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + " (" + PortalSetting.PROXY_TRUSTED + " lists IP addresses or CIDR ranges, "
                        + "comma-separated)");
            }
        });
    }

    /** Email is optional, but a host without a sender, or a setting that cannot be read, is refused. */
    private static void mailProblems(Function<PortalSetting, Optional<String>> lookup, List<String> problems) {
        if (!blank(lookup.apply(PortalSetting.SMTP_HOST)) && blank(lookup.apply(PortalSetting.SMTP_FROM))) {
            problems.add("missing setting " + PortalSetting.SMTP_FROM + ": the sender address is needed when "
                    + PortalSetting.SMTP_HOST + " is set");
        }
        lookup.apply(PortalSetting.SMTP_PORT).filter(v -> !v.isBlank()).ifPresent(port -> {
            if (!port.strip().matches("\\d{1,5}") || Integer.parseInt(port.strip()) < 1 || Integer.parseInt(port.strip()) > 65535) {
                problems.add(PortalSetting.SMTP_PORT + " must be a port number, not '" + port + "'");
            }
        });
        lookup.apply(PortalSetting.REMINDER_TIME).filter(v -> !v.isBlank()).ifPresent(time -> {
            if (!time.strip().matches("([01]\\d|2[0-3]):[0-5]\\d")) {
                problems.add(PortalSetting.REMINDER_TIME + " must be a time of day as HH:MM (24-hour), not '" + time + "'");
            }
        });
        lookup.apply(PortalSetting.PUBLIC_URL).filter(v -> !v.isBlank()).ifPresent(url -> {
            String lower = url.strip().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
                problems.add(PortalSetting.PUBLIC_URL + " must be the portal's address starting with https://, not '" + url + "'");
            }
        });
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::isBlank).orElse(true);
    }

    private static boolean isTrue(Optional<String> value) {
        return value.map(v -> Boolean.parseBoolean(v.trim())).orElse(false);
    }
}
