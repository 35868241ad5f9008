package org.peersupport.portal.platform.control;

import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a daily job runs once per day on however many nodes: claim the day ({@link JobClaims}, committed on its own),
 * do the work in one transaction of its own (begun and ended here, on the job bean's {@link UserTransaction}), record
 * the outcome; on failure roll the work back and release the day for another try. The job beans
 * ({@code DailyReminder}, {@code RetentionJob}) own their transactions (bean-managed) and hand them in.
 */
public final class ClaimedDay {

    private static final Logger LOG = Logger.getLogger(ClaimedDay.class.getName());

    private ClaimedDay() {
    }

    /** The work's result, or empty when some call on some node has the day already. */
    public static <T> Optional<T> run(JobClaims claims, UserTransaction transaction, String job, LocalDate day,
            Callable<T> work, Function<T, String> outcome) {
        if (!claims.claim(job, day)) {
            return Optional.empty();
        }
        try {
            T result = inTransaction(transaction, job, day, work);
            claims.finish(job, day, outcome.apply(result));
            return Optional.of(result);
        } catch (RuntimeException e) {
            claims.release(job, day);
            throw e;
        }
    }

    private static <T> T inTransaction(UserTransaction transaction, String job, LocalDate day, Callable<T> work) {
        try {
            transaction.begin();
            T result = work.call();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollBack(transaction, job);
            throw e;
        } catch (Exception e) {
            rollBack(transaction, job);
            throw new IllegalStateException("The " + job + " for " + day + " was not committed", e);
        }
    }

    private static void rollBack(UserTransaction transaction, String job) {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The " + job + "'s transaction could not be rolled back", e);
        }
    }
}
