package org.peersupport.portal.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo WAR's clock: the system clock, except while {@link DemoStory} plays last year's and last month's events,
 * when it reads the moment the story has reached. So a certificate from last year's cohort is dated last year and
 * every audit entry, notice and status change carries the date it would have had. It is test-scope code, added to
 * the demo WAR only ({@link DemoWar}); the shipped WAR always reads the system clock ({@code Clocks}).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
public class DemoClock {

    private static final AtomicReference<Duration> SHIFT = new AtomicReference<>(Duration.ZERO);

    @Produces
    Clock clock() {
        return new Shifted(ZoneOffset.UTC);
    }

    /** From now on, until {@link #backToNow}, the portal's "now" is {@code moment}, moving on as real time does. */
    static void travelTo(Instant moment) {
        SHIFT.set(Duration.between(Instant.now(), moment));
    }

    static void backToNow() {
        SHIFT.set(Duration.ZERO);
    }

    /** The system clock moved by the story's current shift; immutable apart from that one shared shift. */
    private static final class Shifted extends Clock {

        private final ZoneId zone;

        Shifted(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Shifted(other);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(SHIFT.get());
        }
    }
}
