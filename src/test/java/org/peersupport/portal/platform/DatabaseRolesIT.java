package org.peersupport.portal.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.Sql;

/**
 * Issue 13, point 7: the portal runs as a database role that cannot rewrite or unguard the audit trail. The attacks
 * are made with the connection the portal itself uses (its DataSource, in the container), as someone who had taken
 * over the portal would; the schema owner's migrations have granted that role what it needs and no more.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseRolesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalWith(DatabaseRolesIT.class, Sql.class);
    }

    @Inject
    Sql sql;

    @Test
    void issue13_thePortalsRoleCannotDeleteUpdateTruncateOrUnguardTheAuditTrail() throws SQLException {
        assertEquals("portal_app", sql.rows("select current_user as who").get(0).get("who"),
                "the portal runs as its run-time role, not as the schema's owner");
        long entries = sql.count("select count(*) from audit_entry");
        assertTrue(entries > 0, "deploying the portal has written audit entries");

        List<String> attacks = List.of(
                "delete from audit_entry",
                "update audit_entry set detail = 'rewritten'",
                "truncate audit_entry",
                "alter table audit_entry disable trigger all",
                "alter table audit_entry disable trigger audit_entry_no_update_or_delete",
                "drop trigger audit_entry_no_update_or_delete on audit_entry",
                "drop trigger audit_entry_no_truncate on audit_entry",
                "drop function audit_entry_append_only() cascade",
                "alter table audit_entry owner to portal_app",
                "drop table audit_entry");
        List<Executable> checks = new ArrayList<>();
        for (String attack : attacks) {
            SQLException refused = assertThrows(SQLException.class, () -> sql.update(attack), attack + " was allowed");
            checks.add(() -> assertEquals("42501", refused.getSQLState(), attack + ": " + refused.getMessage()));
            checks.add(() -> assertTrue(refused.getMessage().contains("permission denied")
                    || refused.getMessage().contains("must be owner"),
                    attack + " is refused for want of a privilege, not only by the trigger: " + refused.getMessage()));
        }
        assertAll(checks);
        assertTrue(sql.count("select count(*) from audit_entry") >= entries, "every entry is still there");
        assertEquals(2, sql.count("select count(*) from pg_trigger where tgrelid = 'audit_entry'::regclass "
                + "and not tgisinternal and tgenabled = 'O'"), "both triggers are still there and enabled");
    }

    @Test
    void issue13_thePortalsRoleOwnsNothingAndHasExactlyTheRightsItNeedsOnEveryTable() throws SQLException {
        assertEquals(0, sql.count("select count(*) from pg_class where relowner = (select oid from pg_roles "
                + "where rolname = current_user)"), "owns no table, sequence, view or index");
        assertEquals(0, sql.count("select count(*) from pg_proc where proowner = (select oid from pg_roles "
                + "where rolname = current_user)"), "owns no function");
        assertEquals(0, sql.count("select count(*) from pg_namespace where nspowner = (select oid from pg_roles "
                + "where rolname = current_user)"), "owns no schema");
        assertFalse((Boolean) sql.rows("select pg_has_role(current_user, relowner, 'MEMBER') as member from pg_class "
                + "where oid = 'audit_entry'::regclass").get(0).get("member"), "is not a member of the owner's role");
        assertFalse((Boolean) sql.rows("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls as strong "
                + "from pg_roles where rolname = current_user").get(0).get("strong"));

        List<Map<String, Object>> tables = sql.rows("select c.relname as name, "
                + "has_table_privilege(c.oid, 'SELECT') as s, has_table_privilege(c.oid, 'INSERT') as i, "
                + "has_table_privilege(c.oid, 'UPDATE') as u, has_table_privilege(c.oid, 'DELETE') as d, "
                + "has_table_privilege(c.oid, 'TRUNCATE') as t, has_table_privilege(c.oid, 'TRIGGER') as tr, "
                + "has_table_privilege(c.oid, 'REFERENCES') as r from pg_class c "
                + "where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by c.relname");
        assertTrue(tables.size() > 20, "every table of the schema: " + tables.size());
        List<Executable> checks = new ArrayList<>();
        for (Map<String, Object> table : tables) {
            String name = (String) table.get("name");
            String expected = switch (name) {
                case "audit_entry" -> "si";
                case "flyway_schema_history" -> "s";
                default -> "siud";
            };
            String actual = (Boolean.TRUE.equals(table.get("s")) ? "s" : "") + (Boolean.TRUE.equals(table.get("i")) ? "i" : "")
                    + (Boolean.TRUE.equals(table.get("u")) ? "u" : "") + (Boolean.TRUE.equals(table.get("d")) ? "d" : "")
                    + (Boolean.TRUE.equals(table.get("t")) ? "t" : "") + (Boolean.TRUE.equals(table.get("tr")) ? "T" : "")
                    + (Boolean.TRUE.equals(table.get("r")) ? "r" : "");
            checks.add(() -> assertEquals(expected, actual, "the run-time role's rights on " + name));
        }
        assertAll(checks);
        assertEquals(0, sql.count("select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace "
                + "and c.relkind = 'S' and (not has_sequence_privilege(c.oid, 'USAGE') "
                + "or has_sequence_privilege(c.oid, 'UPDATE'))"), "draws from every sequence and sets none");
        SQLException ddl = assertThrows(SQLException.class, () -> sql.update("create table sneaky (id int)"));
        assertEquals("42501", ddl.getSQLState(), ddl.getMessage());
    }

    @Test
    @RunAsClient
    void issue13_evenWithEveryPrivilegeTheTriggerStillKeepsTheAuditTrailAppendOnly() throws SQLException {
        try (Connection superuser = ItServices.get().portalDatabase(); Statement statement = superuser.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("update audit_entry set detail = 'rewritten'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException truncate = assertThrows(SQLException.class, () -> statement.executeUpdate("truncate audit_entry"));
            assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
        }
    }
}
