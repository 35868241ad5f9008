package org.peersupport.portal.support;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * In-container test helper: counts the SQL statements the PostgreSQL JDBC driver sends for a piece of work on the
 * current thread, whoever issues them (EclipseLink, plain JDBC, the connection pool). The driver logs every message
 * it sends to the server at FINEST; each statement execution is one {@code Bind} (extended protocol) or one
 * {@code SimpleQuery}. Fetching further rows of an open cursor sends neither, so a streamed export counts once.
 */
public final class SqlStatements {

    private static final String DRIVER_LOGGER = "org.postgresql.core.v3.QueryExecutorImpl";

    private SqlStatements() {
    }

    /** The result of the work and how many statements it sent. */
    public record Counted<T>(T result, int statements) {
    }

    public static synchronized <T> Counted<T> count(Callable<T> work) throws Exception {
        Logger logger = Logger.getLogger(DRIVER_LOGGER);
        Level level = logger.getLevel();
        boolean parents = logger.getUseParentHandlers();
        long thread = Thread.currentThread().getId();
        AtomicInteger statements = new AtomicInteger();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (record.getLongThreadID() == thread && message != null
                        && (message.startsWith(" FE=> Bind") || message.startsWith(" FE=> SimpleQuery"))) {
                    statements.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.FINEST);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            T result = work.call();
            return new Counted<>(result, statements.get());
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parents);
            logger.setLevel(level);
        }
    }
}
