package org.peersupport.portal.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.notice.entity.Notice;

/** Issue 17, item 4: an email the relay did not take is tried again later, later with each try, at most half-hourly. */
class NoticeEmailRetryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void theWaitStartsAtFifteenSecondsDoublesWithEachTryAndStopsAtHalfAnHour() {
        assertEquals(Duration.ofSeconds(15), wait(1));
        assertEquals(Duration.ofSeconds(30), wait(2));
        assertEquals(Duration.ofMinutes(1), wait(3));
        assertEquals(Duration.ofMinutes(16), wait(7));
        assertEquals(Duration.ofMinutes(30), wait(8));
        assertEquals(Duration.ofMinutes(30), wait(500));
    }

    private static Duration wait(int tries) {
        return Duration.between(NOW, Notice.nextEmailTry(tries, NOW));
    }
}
