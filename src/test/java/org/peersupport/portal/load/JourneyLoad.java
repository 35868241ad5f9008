package org.peersupport.portal.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The load benchmark's journeys (signed-in demo users on Gatling's {@link PortalSimulation}) as load for tests
 * outside the benchmark, such as the cluster's rolling restart: what was requested and what failed.
 */
public final class JourneyLoad {

    /** A run's requests in all, and every failure Gatling reported (failed requests, checks and sessions). */
    public record Outcome(long requests, List<String> failures, Path report) {
    }

    private JourneyLoad() {
    }

    /** Runs {@code users} users of each scenario against {@code baseUrl} (ending in {@code /portal/}) for the time. */
    public static Outcome run(String baseUrl, List<String> scenarios, int users, int seconds, Path results) throws IOException {
        LoadRun.Result run = LoadRun.run(new LoadSettings(baseUrl, scenarios, users, seconds, LoadSettings.DEMO_ACCOUNTS,
                "resources/portal/portal.css"), results);
        List<String> failures = new ArrayList<>(run.errors());
        run.requests().stream().filter(r -> r.errors() > 0).forEach(r -> failures.add(r.request() + ": " + r.errors()
                + " of " + r.count() + " failed"));
        return new Outcome(run.requests().stream().mapToLong(LoadRun.RequestStats::count).sum(), List.copyOf(failures),
                run.report());
    }
}
