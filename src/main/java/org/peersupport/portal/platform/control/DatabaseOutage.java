package org.peersupport.portal.platform.control;

import jakarta.servlet.ServletException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, the network between) from every other
 * failure, however the layers wrap it: PostgreSQL's SQLState class 08 (connection exception), the JDBC connection
 * exceptions, a refused TCP connection, and Payara's pool failing to allocate a connection, inside EclipseLink's
 * {@code DatabaseException}, JPA's {@code PersistenceException}, an {@code EJBException}, a Faces or servlet exception.
 * Such a failure passes when the database is back: people are told to try again in a minute (HTTP 503).
 */
public final class DatabaseOutage {

    /** What the answers to a request that met an outage say in {@code Retry-After}, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 60;

    private DatabaseOutage() {
    }

    /** Whether the failure, or anything in its chain of causes, says the database cannot be reached. */
    public static boolean isCause(Throwable failure) {
        return find(failure).isPresent();
    }

    /** The link of the chain that says the database cannot be reached, for a one-line log. */
    public static Optional<Throwable> find(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = next(t), depth++) {
            if (isConnectionFailure(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A one-line description of the failure (no stack trace): the link that says so and its message. */
    public static String describe(Throwable failure) {
        return find(failure).map(t -> t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()))
                .orElseGet(() -> failure.getClass().getSimpleName());
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true;
        }
        String type = t.getClass().getName();
        // Payara's pool: "Error in allocating a connection. Cause: Connection could not be allocated because: ..."
        if (type.endsWith(".PoolingException") || type.endsWith(".ResourceAllocationException")) {
            return true;
        }
        String message = t.getMessage();
        return t instanceof SQLException && message != null && message.startsWith("Error in allocating a connection");
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t instanceof ServletException servlet && servlet.getRootCause() != null ? servlet.getRootCause()
                : t.getCause();
        if (cause == null && t instanceof SQLException sql) {
            cause = sql.getNextException();
        }
        return cause == t ? null : cause;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
