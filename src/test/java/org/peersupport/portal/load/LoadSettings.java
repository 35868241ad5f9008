package org.peersupport.portal.load;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.support.DemoDirectory;

/**
 * What one load run does, handed to {@link PortalSimulation} as system properties (Gatling builds the simulation
 * itself): where the portal is, which scenarios, how many concurrent users each, for how long, and which accounts
 * the users sign in with (all with the demo directory's password). The benchmark's users go from page to page without
 * a pause and all start at once; the soak's ({@link Soak}) pause between pages (uniformly between {@code pauseMin}
 * and {@code pauseMax} seconds) and arrive evenly over {@code rampSeconds}.
 */
record LoadSettings(String baseUrl, List<String> scenarios, int users, int seconds, Map<String, List<String>> accounts,
        String staticFile, int pauseMin, int pauseMax, int rampSeconds) {

    /** Users without pauses, all starting at once: the benchmark's and the smoke run's. */
    LoadSettings(String baseUrl, List<String> scenarios, int users, int seconds, Map<String, List<String>> accounts,
            String staticFile) {
        this(baseUrl, scenarios, users, seconds, accounts, staticFile, 0, 0, 0);
    }

    static final String PREFIX = "load.";

    /** The demo accounts, enough for a smoke run: three candidates, two supervisors, one HR officer. */
    static final Map<String, List<String>> DEMO_ACCOUNTS = Map.of(
            "candidate", List.of("amara.okafor", "dylan.hughes", "priya.raman"),
            "supervisor", List.of("grace.mitchell", "tom.barker"),
            "hr", List.of("mark.evans"));

    static LoadSettings fromSystemProperties() {
        Map<String, List<String>> accounts = new LinkedHashMap<>();
        for (String role : List.of("candidate", "supervisor", "hr")) {
            accounts.put(role, list(System.getProperty(PREFIX + "accounts." + role, "")));
        }
        return new LoadSettings(System.getProperty(PREFIX + "baseUrl"),
                list(System.getProperty(PREFIX + "scenarios", String.join(",", PortalSimulation.SCENARIOS))),
                Integer.getInteger(PREFIX + "users", 1), Integer.getInteger(PREFIX + "seconds", 10), accounts,
                System.getProperty(PREFIX + "staticFile", "resources/portal/portal.css"),
                Integer.getInteger(PREFIX + "pauseMin", 0), Integer.getInteger(PREFIX + "pauseMax", 0),
                Integer.getInteger(PREFIX + "rampSeconds", 0));
    }

    /** The same settings as system properties, for {@link LoadRun} to set before Gatling starts. */
    Map<String, String> asSystemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "baseUrl", baseUrl);
        properties.put(PREFIX + "scenarios", String.join(",", scenarios));
        properties.put(PREFIX + "users", Integer.toString(users));
        properties.put(PREFIX + "seconds", Integer.toString(seconds));
        accounts.forEach((role, names) -> properties.put(PREFIX + "accounts." + role, String.join(",", names)));
        properties.put(PREFIX + "staticFile", staticFile);
        properties.put(PREFIX + "pauseMin", Integer.toString(pauseMin));
        properties.put(PREFIX + "pauseMax", Integer.toString(pauseMax));
        properties.put(PREFIX + "rampSeconds", Integer.toString(rampSeconds));
        return properties;
    }

    LoadSettings with(List<String> scenarios, int users, int seconds) {
        return new LoadSettings(baseUrl, scenarios, users, seconds, accounts, staticFile, pauseMin, pauseMax, rampSeconds);
    }

    /** These settings with each user pausing between pages and the users arriving evenly over {@code rampSeconds}. */
    LoadSettings withPauses(int pauseMin, int pauseMax, int rampSeconds) {
        return new LoadSettings(baseUrl, scenarios, users, seconds, accounts, staticFile, pauseMin, pauseMax, rampSeconds);
    }

    /** Whether the users pause between pages (the soak) or go straight on (the benchmark). */
    boolean pauses() {
        return pauseMax > 0;
    }

    List<String> accounts(String role) {
        return accounts.getOrDefault(role, List.of());
    }

    /** {@code http://host:port}, for Gatling's base URL. */
    String origin() {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** The portal's context path with slashes round it, such as {@code /portal/}. */
    String contextPath() {
        String path = URI.create(baseUrl).getPath();
        return path.endsWith("/") ? path : path + "/";
    }

    static String password() {
        return System.getProperty(PREFIX + "password", DemoDirectory.PASSWORD);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
