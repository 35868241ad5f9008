package org.peersupport.portal.reporting.control;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per API caller (Bucket4j): each caller may make {@code portal.api.requests-per-minute} requests a
 * minute (default 120), refilled gradually, so one client cannot starve the portal. Callers are signed-in accounts,
 * so the number of buckets is bounded by the accounts allowed to call. Each node of a cluster keeps its own buckets:
 * behind a load balancer a caller's limit is this figure per node (see docs/operations.md).
 */
@ApplicationScoped
public class ApiRateLimit {

    @Inject
    @ConfigProperty(name = "portal.api.requests-per-minute", defaultValue = "120")
    int requestsPerMinute;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one request from the caller's bucket; empty means go ahead, else the seconds to wait. */
    public long secondsToWait(String caller) {
        Bucket bucket = buckets.computeIfAbsent(caller, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }
}
