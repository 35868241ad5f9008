package org.peersupport.portal.identity.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 13, point 4: a session ends a fixed time after sign-in, however active. */
class SessionLifetimeFilterTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aSessionLivesItsHoursAndNotAMinuteMore() {
        assertFalse(SessionLifetimeFilter.expired(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(10)).minusSeconds(1), 10));
        assertTrue(SessionLifetimeFilter.expired(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(10)), 10));
        assertTrue(SessionLifetimeFilter.expired(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(2)), 2));
    }
}
