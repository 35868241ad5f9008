package org.peersupport.portal.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how many certificate codes one address may check: {@link #LIMIT} in each {@link #WINDOW_MILLIS} window.
 * Codes cannot be guessed anyway (about 49 bits); this keeps anyone from trying. The count is per node, so a
 * cluster of n nodes allows at most n times the limit, which is still far too few to guess a code.
 */
@ApplicationScoped
public class VerificationLimiter {

    public static final int LIMIT = 30;
    public static final long WINDOW_MILLIS = 10 * 60 * 1000L;
    private static final int MAX_TRACKED = 10_000;

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts one check from {@code address}; false when the address has used up its checks for now. */
    public boolean allow(String address, long nowMillis) {
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> nowMillis - w.start() >= WINDOW_MILLIS);
        }
        Window window = windows.compute(address == null ? "" : address, (key, current) ->
                current == null || nowMillis - current.start() >= WINDOW_MILLIS ? new Window(nowMillis, 1)
                        : new Window(current.start(), current.count() + 1));
        return window.count() <= LIMIT;
    }
}
