package org.peersupport.portal.identity;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.peersupport.portal.support.AuditActors;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.ItServices;

/**
 * What the sign-in attack tests share, on the test JVM's side: accounts of their own in the embedded directory (so
 * a lock never falls on a demo account other test classes sign in with), the throttle's rows, and audit counts.
 */
final class SignInAttacks {

    private SignInAttacks() {
    }

    /** Adds a person in no portal group, with the demo password. */
    static void addAccount(String uid) throws LDAPException {
        ItServices.get().directory().add(DemoDirectory.personDn(uid),
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid), new Attribute("cn", "Test " + uid), new Attribute("sn", uid),
                new Attribute("displayName", "Test " + uid), new Attribute("userPassword", DemoDirectory.PASSWORD));
    }

    static void removeAccount(String uid) throws LDAPException {
        ItServices.get().directory().delete(DemoDirectory.personDn(uid));
    }

    /** Deletes the throttle's rows of these accounts and addresses, so no lock outlives the test. */
    static void forget(String... keys) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement delete = db.prepareStatement("delete from sign_in_throttle where throttle_key = ?")) {
            for (String key : keys) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        }
    }

    /** As if the lock had run out and its window passed: what the rows look like when that time has come. */
    static void letTheWindowPass(String key) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement update = db.prepareStatement("update sign_in_throttle set "
                        + "locked_until = locked_until - interval '1 day', window_start = window_start - interval '1 day', "
                        + "expires_at = expires_at - interval '1 day' where throttle_key = ?")) {
            update.setString(1, key);
            update.executeUpdate();
        }
    }

    /** Counts failures against a key as if they had happened just now (to bring an address near its limit). */
    static void seedFailures(String key, int failures) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement insert = db.prepareStatement("insert into sign_in_throttle (throttle_key, failures, "
                        + "window_start, locks, locked_until, expires_at) values (?, ?, now(), 0, null, "
                        + "now() + interval '15 minutes')")) {
            insert.setString(1, key);
            insert.setInt(2, failures);
            insert.executeUpdate();
        }
    }

    static long audits(String action, String actor) throws SQLException {
        return count("select count(*) from audit_entry where action = ? and " + AuditActors.BY_NAME, action, actor);
    }

    static String latestRemoteAddress(String action, String actor) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement query = db.prepareStatement("select remote_address from audit_entry "
                        + "where action = ? and " + AuditActors.BY_NAME + " order by id desc limit 1")) {
            query.setString(1, action);
            query.setString(2, actor);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    static Instant lockedUntil(String key) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement query = db.prepareStatement(
                        "select locked_until from sign_in_throttle where throttle_key = ?")) {
            query.setString(1, key);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getTimestamp(1) != null ? result.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private static long count(String sql, String... parameters) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
