package org.peersupport.portal.reporting.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExportQueueTest {

    @Test
    void exportsTakeTurnsAndOneThatCannotGetATurnInTimeIsRefused() throws Exception {
        ExportQueue queue = new ExportQueue(2, 0);

        assertTrue(queue.awaitTurn(), "first export");
        assertTrue(queue.awaitTurn(), "second export, at the same time");
        assertFalse(queue.awaitTurn(), "a third waits, and with no time to wait is refused");

        queue.done();
        assertTrue(queue.awaitTurn(), "once one has finished the next may run");
    }

    @Test
    void byDefaultHalfAsManyRunAtOnceAsThereAreProcessorsAndAtLeastOne() throws Exception {
        ExportQueue queue = new ExportQueue(0, 0);
        for (int i = 0; i < Math.max(1, Runtime.getRuntime().availableProcessors() / 2); i++) {
            assertTrue(queue.awaitTurn(), "export " + (i + 1));
        }
        assertFalse(queue.awaitTurn());
        assertTrue(queue.retryAfterSeconds() >= 30, "a refused caller is told to come back later");
    }
}
