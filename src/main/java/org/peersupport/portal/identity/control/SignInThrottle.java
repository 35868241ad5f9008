package org.peersupport.portal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Counts failed sign-ins per account and per client address in the database ({@code sign_in_throttle}), so every
 * node of a cluster sees the same counts. After {@code portal.signin.max-failures} failures of one account (or
 * {@code portal.signin.address-max-failures} from one address) within {@code portal.signin.window-minutes}, sign-ins
 * of that account (or from that address) are refused, without asking the directory, for one window; each further
 * lock lasts twice as long as the one before, up to {@code portal.signin.max-lock-minutes}. Nothing waits: a locked
 * sign-in is answered at once. Rows are deleted a window after their last failure or the end of their lock.
 */
@ApplicationScoped
public class SignInThrottle {

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final int DEFAULT_ADDRESS_MAX_FAILURES = 100;
    public static final int DEFAULT_WINDOW_MINUTES = 15;
    public static final int DEFAULT_MAX_LOCK_MINUTES = 240;
    static final int MAX_KEY_VALUE = 100;

    /** A lock set by a failure: on what, until when, and how many failures led to it. */
    public record Lock(String key, Instant until, int failures, int lockNumber) {
        public boolean onAccount() {
            return key.startsWith(ACCOUNT);
        }
    }

    static final String ACCOUNT = "account:";
    static final String ADDRESS = "address:";

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalConfig config;

    /** The key of an attempted username: lower-cased (directories compare names without case), control characters gone. */
    public static String accountKey(String username) {
        String name = SignInNames.clean(username).toLowerCase(Locale.ROOT);
        return ACCOUNT + (name.length() > MAX_KEY_VALUE ? name.substring(0, MAX_KEY_VALUE) : name);
    }

    public static String addressKey(String address) {
        String value = address == null ? "" : SignInNames.clean(address);
        return ADDRESS + (value.length() > MAX_KEY_VALUE ? value.substring(0, MAX_KEY_VALUE) : value);
    }

    /** Until when sign-ins of this account or from this address are refused, if they are now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> lockedUntil(String username, String address, Instant now) {
        Object latest = em.createNativeQuery("select max(locked_until) from sign_in_throttle "
                + "where throttle_key in (?1, ?2) and locked_until > ?3")
                .setParameter(1, accountKey(username)).setParameter(2, addressKey(address))
                .setParameter(3, Timestamp.from(now)).getSingleResult();
        return Optional.ofNullable(latest).map(SignInThrottle::instant);
    }

    /**
     * Counts a failure against the account and the address; returns the locks this failure set (none, one or
     * both). The rows are locked while counted, so concurrent failures on any node are all counted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Lock> recordFailure(String username, String address, Instant now) {
        prune(now);
        Optional<Lock> account = count(accountKey(username), limit(PortalSetting.SIGNIN_MAX_FAILURES,
                DEFAULT_MAX_FAILURES), now);
        Optional<Lock> byAddress = count(addressKey(address), limit(PortalSetting.SIGNIN_ADDRESS_MAX_FAILURES,
                DEFAULT_ADDRESS_MAX_FAILURES), now);
        return java.util.stream.Stream.of(account, byAddress).flatMap(Optional::stream).toList();
    }

    /** Forgets the account's failures after it signed in (the address's stay counted). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSuccess(String username, Instant now) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, accountKey(username)).executeUpdate();
        prune(now);
    }

    public Duration window() {
        return Duration.ofMinutes(limit(PortalSetting.SIGNIN_WINDOW_MINUTES, DEFAULT_WINDOW_MINUTES));
    }

    private Optional<Lock> count(String key, int limit, Instant now) {
        Duration window = window();
        em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, window_start, locks, locked_until, "
                + "expires_at) values (?1, 0, ?2, 0, null, ?3) on conflict do nothing")
                .setParameter(1, key).setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.plus(window))).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select failures, window_start, locks, locked_until, expires_at "
                + "from sign_in_throttle where throttle_key = ?1 for update").setParameter(1, key).getSingleResult();
        int failures = ((Number) row[0]).intValue();
        Instant windowStart = instant(row[1]);
        int locks = ((Number) row[2]).intValue();
        Instant lockedUntil = row[3] == null ? null : instant(row[3]);
        if (!instant(row[4]).isAfter(now)) { // expired, not yet pruned: start afresh
            failures = 0;
            locks = 0;
            lockedUntil = null;
            windowStart = now;
        } else if (!windowStart.plus(window).isAfter(now)) {
            failures = 0;
            windowStart = now;
        }
        failures++;
        Lock lock = null;
        if (failures >= limit) {
            locks++;
            long maxLock = limit(PortalSetting.SIGNIN_MAX_LOCK_MINUTES, DEFAULT_MAX_LOCK_MINUTES);
            long minutes = Math.min(maxLock, window.toMinutes() << Math.min(locks - 1, 20));
            lockedUntil = now.plus(Duration.ofMinutes(Math.max(1, minutes)));
            lock = new Lock(key, lockedUntil, failures, locks);
            failures = 0;
            windowStart = now;
        }
        Instant last = lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : now;
        em.createNativeQuery("update sign_in_throttle set failures = ?2, window_start = ?3, locks = ?4, "
                + "locked_until = cast(?5 as timestamptz), expires_at = ?6 where throttle_key = ?1")
                .setParameter(1, key).setParameter(2, failures).setParameter(3, Timestamp.from(windowStart))
                .setParameter(4, locks).setParameter(5, lockedUntil == null ? null : Timestamp.from(lockedUntil))
                .setParameter(6, Timestamp.from(last.plus(window))).executeUpdate();
        return Optional.ofNullable(lock);
    }

    /** Deletes rows past their expiry, skipping any another sign-in holds (so no two sign-ins wait on each other). */
    private void prune(Instant now) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key in (select throttle_key "
                + "from sign_in_throttle where expires_at <= ?1 for update skip locked)")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
    }

    private int limit(PortalSetting setting, int fallback) {
        int value = config.number(setting, fallback);
        return value < 1 ? fallback : value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
