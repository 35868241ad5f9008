package org.peersupport.portal.reporting.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many exports run at once on this node ({@code portal.reports.concurrent-exports}, by default half the
 * processors, at least one, so that pages keep the other half: an export keeps a processor and a database process busy
 * for seconds, and with one per processor HR's dashboard waited behind them, docs/performance.md); the rest wait their turn, first come first served, for up to {@code portal.reports.export-wait-seconds}
 * (default 45). An export is a report, not a page: dozens started at once all slow down together and time out
 * (the load benchmark's 64 HR users did, docs/performance.md), where taking turns finishes each in turn.
 */
@ApplicationScoped
public class ExportQueue {

    @Inject
    @ConfigProperty(name = "portal.reports.concurrent-exports", defaultValue = "0")
    int concurrent;

    @Inject
    @ConfigProperty(name = "portal.reports.export-wait-seconds", defaultValue = "45")
    int waitSeconds;

    private Semaphore turns;

    public ExportQueue() {
    }

    ExportQueue(int concurrent, int waitSeconds) {
        this.concurrent = concurrent;
        this.waitSeconds = waitSeconds;
        start();
    }

    @PostConstruct
    void start() {
        int permits = concurrent > 0 ? concurrent : Runtime.getRuntime().availableProcessors() / 2;
        turns = new Semaphore(Math.max(1, permits), true);
    }

    /** Waits for this export's turn; false when it did not come in time (the export should not run). */
    public boolean awaitTurn() throws InterruptedException {
        return turns.tryAcquire(Math.max(0, waitSeconds), TimeUnit.SECONDS);
    }

    /** Ends an export's turn; call once for each {@link #awaitTurn()} that returned true. */
    public void done() {
        turns.release();
    }

    /** Seconds a caller refused a turn is told to wait before trying again. */
    public int retryAfterSeconds() {
        return Math.max(30, waitSeconds);
    }
}
