package org.peersupport.portal.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard figures shared between HR officers (issue 18): what one computed for a filter is given to the next who
 * asks for the same while nothing it is computed from changed. "Nothing changed" is the database's count of changes
 * ({@code report_change}, V22), which every change to places, courses, cohorts or people's departments adds to in
 * its own transaction: a request reads the count first, and takes figures kept with that count or computes them (once
 * on this node however many ask at the same moment). So figures are never older than the last change committed
 * before the request, on however many nodes; each node computes its own once per count. What is kept is immutable
 * and holds counts, course titles and department names, no one's record.
 */
@ApplicationScoped
public class SharedFigures {

    /** More filter combinations than HR officers ask for between two changes; past it the node starts again. */
    static final int MOST = 500;

    private static final String CHANGES = "select sum(changes) from report_change";

    private final Map<Key, CompletableFuture<Object>> kept = new ConcurrentHashMap<>();
    private volatile long latest = -1;

    private record Key(long changes, Object what) {
    }

    /** Something to compute from the database, as the first request to ask for it does. */
    @FunctionalInterface
    public interface Computation<T> {
        T compute() throws SQLException;
    }

    /** The database's count of changes so far, read on {@code db}: what kept figures are compared with. */
    public static long changes(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(CHANGES); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The figures {@code what} (a record naming them and their filter) as of {@code changes}: kept ones, or computed
     * now by {@code computation}, which must give an immutable value. A computation that fails is not kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(long changes, Object what, Computation<T> computation) throws SQLException {
        if (changes > latest) {
            forgetBefore(changes);
        }
        Key key = new Key(changes, what);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = kept.putIfAbsent(key, mine);
        if (first == null) {
            if (kept.size() > MOST) {
                kept.keySet().removeIf(k -> !k.equals(key));
            }
            try {
                mine.complete(computation.compute());
            } catch (SQLException | RuntimeException e) {
                kept.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return (T) mine.join();
        }
        try {
            return (T) first.join();
        } catch (CompletionException e) {
            // the request computing them failed (and said so to its caller): this one computes them itself
            return computation.compute();
        }
    }

    private synchronized void forgetBefore(long changes) {
        if (changes > latest) {
            latest = changes;
            kept.keySet().removeIf(k -> k.changes() < changes);
        }
    }
}
