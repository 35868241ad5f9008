package org.peersupport.portal.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.ItServices;

/**
 * Issue 17, point 6: the backup procedure of docs/operations.md ("Backup and restore"), done from outside with
 * PostgreSQL's own tools against the running portal. A file of random bytes goes in through the portal's chunk store;
 * {@code pg_dump -Fc} (as the schema owner) dumps the live database while the portal runs; {@code pg_restore} (as the
 * schema owner too) restores it into a new database; then every table of the schema is compared, row count and a digest
 * of every row's text, with what the dump saw (the dump and the comparison read the same exported snapshot, so what the
 * portal writes meanwhile does not matter), together with sequences, the migration history, owners, grants,
 * constraints, indexes, triggers and functions; and the file is reassembled from its chunks in the restored database.
 *
 * <p>The client tools come from {@code deployment/postgresql-client/install.sh} (the failsafe configuration passes
 * their directory as {@code portal.pg.client}): pg_dump must be at least the server's major version, and without it
 * this test fails, saying so. It leaves no trace: the restored database and the seeded file are removed at the end.
 */
@ExtendWith(ArquillianExtension.class)
class BackupRestoreIT {

    private static final String RESTORED = "portal_restore_check";
    /** Two whole chunks and part of a third, so the file is reassembled from several rows. */
    private static final int FILE_SIZE = 2 * ChunkStore.CHUNK_SIZE + 12_345;
    private static final String INSTALL = "run deployment/postgresql-client/install.sh (README.md, \"Test\")";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPublicPath(Deployments.portal().addClass(StoredFileFixtureServlet.class),
                "stored-file-fixture");
    }

    @ArquillianResource
    URL base;

    @Test
    @RunAsClient
    void issue17_aDumpOfTheRunningPortalRestoresIntoANewDatabaseWithEveryRecordAndEveryFilesBytes() throws Exception {
        EmbeddedServices services = ItServices.get();
        Path dump = ItServices.Paths.buildDirectory().resolve("backup-restore/portal.dump");
        Files.createDirectories(dump.getParent());
        Files.deleteIfExists(dump);

        try (Connection admin = services.portalDatabase(); Statement sql = admin.createStatement()) {
            Path bin = clientTools(admin);
            long seed = new SecureRandom().nextLong();
            byte[] original = StoredFileFixtureServlet.content(seed, FILE_SIZE);
            long file = storeThroughThePortal(seed);
            try {
                sql.execute("drop database if exists " + RESTORED + " with (force)"); // left by a run that was killed
                // the live side: one repeatable-read transaction whose snapshot pg_dump reads too
                Map<String, String> live;
                Map<String, Long> sequencesBefore;
                Map<String, Long> sequencesAfter;
                try (Connection snapshot = services.portalDatabase()) {
                    snapshot.setAutoCommit(false);
                    snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    String snapshotId = single(snapshot, "select pg_export_snapshot()");
                    assertEquals("1", single(snapshot, "select count(*) from stored_file where id = " + file),
                            "the dump sees the file the portal stored");
                    sequencesBefore = sequences(snapshot);
                    run(bin, dump, "pg_dump", "--format=custom", "--snapshot=" + snapshotId, "--file=" + dump,
                            "--host=127.0.0.1", "--port=" + services.postgresPort(), "--username=portal_owner",
                            "--no-password", "--dbname=portal");
                    sequencesAfter = sequences(snapshot);
                    live = describe(snapshot);
                    snapshot.commit();
                }
                assertTrue(Files.size(dump) > FILE_SIZE, "the dump holds at least the file: " + Files.size(dump) + " bytes");
                assertTrue(Integer.parseInt(live.get("tables")) > 20, "the live schema's tables: " + live.get("tables"));
                for (String table : List.of("person", "course", "course_session", "stored_file", "stored_file_chunk",
                        "audit_entry", "flyway_schema_history")) {
                    assertTrue(rows(live, table) > 0, "the running portal has " + table + " rows to back up");
                }

                sql.execute("create database " + RESTORED + " owner portal_owner");
                sql.execute("grant connect on database " + RESTORED + " to portal_app");
                run(bin, dump, "pg_restore", "--exit-on-error", "--host=127.0.0.1", "--port=" + services.postgresPort(),
                        "--username=portal_owner", "--no-password", "--dbname=" + RESTORED, dump.toString());

                try (Connection restored = connect(services, RESTORED, "postgres")) {
                    assertEquals(RESTORED, single(restored, "select datname from pg_database where datname = current_database()"),
                            "the restored database exists");
                    Map<String, String> copy = describe(restored);
                    assertEquals(live.get("tables"), copy.get("tables"), "the restored database has every table");
                    assertTrue(rows(copy, "stored_file_chunk") >= 3 && rows(copy, "person") > 0
                            && rows(copy, "flyway_schema_history") > 0, "the restored database is not empty");

                    List<String> differences = new ArrayList<>();
                    for (String key : union(live, copy)) {
                        if (!Objects.equals(live.get(key), copy.get(key))) {
                            differences.add(key + ": live " + live.get(key) + ", restored " + copy.get(key));
                        }
                    }
                    assertEquals(List.of(), differences, "every table's rows, and the schema around them, as the dump saw them");

                    Map<String, Long> restoredSequences = sequences(restored);
                    assertEquals(sequencesBefore.keySet(), restoredSequences.keySet(), "every sequence");
                    sequencesBefore.forEach((name, before) -> {
                        long value = restoredSequences.get(name);
                        assertTrue(before <= value && value <= sequencesAfter.get(name), name + " restored at " + value
                                + ", read before the dump at " + before + " and after it at " + sequencesAfter.get(name));
                    });
                    assertEquals(live.get("flyway"), copy.get("flyway"), "the migration history");

                    assertEquals(3, Long.parseLong(single(restored, "select count(*) from stored_file_chunk where file_id = " + file)),
                            "the file's three chunks");
                    byte[] reassembled = reassemble(restored, file);
                    assertEquals(sha256(original), sha256(reassembled), "the restored file's bytes have the SHA-256 of "
                            + "the bytes the portal stored");
                    assertArrayEquals(original, reassembled);
                    assertEquals(sha256(original), single(restored, "select sha256 from stored_file where id = " + file),
                            "and the hash the portal recorded for it");
                }

                // the portal's run-time role works on the copy as on the original: reads rows, cannot touch the trail
                try (Connection app = connect(services, RESTORED, "portal_app"); Statement appSql = app.createStatement()) {
                    assertEquals(String.valueOf(rows(live, "person")), single(app, "select count(*) from person"));
                    SQLException refused = assertThrows(SQLException.class, () -> appSql.executeUpdate("delete from audit_entry"));
                    assertEquals("42501", refused.getSQLState(), refused.getMessage());
                }
            } finally {
                sql.execute("drop database if exists " + RESTORED + " with (force)");
                sql.executeUpdate("delete from stored_file where id = " + file); // its chunks go with it (cascade)
                Files.deleteIfExists(dump);
            }
            assertEquals("0", single(admin, "select count(*) from pg_database where datname = '" + RESTORED + "'"));
            assertEquals("0", single(admin, "select count(*) from stored_file_chunk where file_id = " + file));
        }
    }

    // ---------------------------------------------------------------- the client tools

    /** The directory of pg_dump and pg_restore, checked: present, and at least the server's major version. */
    private static Path clientTools(Connection server) throws Exception {
        Path bin = Path.of(System.getProperty("portal.pg.client",
                Path.of(System.getProperty("user.home"), ".cache/portal/postgresql-client-18.6/bin").toString()));
        int serverMajor = Integer.parseInt(single(server, "select current_setting('server_version_num')::int / 10000"));
        String advice = "the tests need pg_dump and pg_restore of PostgreSQL " + serverMajor + " or later in " + bin
                + " (system property portal.pg.client): " + INSTALL;
        for (String tool : List.of("pg_dump", "pg_restore")) {
            if (!Files.isExecutable(bin.resolve(tool))) {
                fail(tool + " is missing: " + advice);
            }
        }
        Path log = Files.createTempFile("pg_dump-version", ".txt");
        String version = run(bin, log, "pg_dump", "--version");
        Files.deleteIfExists(log);
        Matcher major = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < serverMajor) {
            fail("pg_dump is " + version.strip() + ", older than the server: " + advice);
        }
        return bin;
    }

    /** Runs a client tool (its output in a file beside {@code near}) and returns the output; fails unless it succeeds. */
    private static String run(Path bin, Path near, String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString()));
        command.addAll(List.of(arguments));
        Path log = near.resolveSibling(near.getFileName() + "." + tool + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(tool + " did not finish within 5 minutes: " + Files.readString(log));
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    // ---------------------------------------------------------------- what a database holds

    /**
     * Everything the comparison covers, as text by key: per table of the schema its row count and the MD5 of its
     * rows' MD5s (each row as text, in primary-key order), its owner and grants; every constraint, index, trigger
     * and function; the migration history; the number of large objects (the portal keeps files as bytea, not as
     * large objects, which a dump of one schema would miss).
     */
    private static Map<String, String> describe(Connection db) throws SQLException {
        Map<String, String> facts = new TreeMap<>();
        List<String> tables = column(db, "select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace "
                + "and c.relkind in ('r', 'p') order by 1");
        facts.put("tables", String.valueOf(tables.size()));
        for (String table : tables) {
            List<String> key = column(db, "select quote_ident(a.attname) from pg_index i join pg_attribute a on "
                    + "a.attrelid = i.indrelid and a.attnum = any(i.indkey) where i.indrelid = 'public." + table
                    + "'::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)");
            String order = key.isEmpty() ? "md5(t::text)" : String.join(", ", key);
            try (Statement sql = db.createStatement();
                    ResultSet row = sql.executeQuery("select count(*), md5(coalesce(string_agg(md5(t::text), '' order by "
                            + order + "), '')) from public." + table + " t")) {
                row.next();
                facts.put("table " + table, "rows=" + row.getLong(1) + " md5=" + row.getString(2));
            }
        }
        facts.putAll(pairs(db, "select 'owner and grants ' || c.relname || ' (' || c.relkind::text || ')', "
                + "pg_get_userbyid(c.relowner) || ' ' || coalesce(c.relacl::text, '') from pg_class c "
                + "where c.relnamespace = 'public'::regnamespace"));
        facts.putAll(definitions(db, "select 'constraint ' || conrelid::regclass || '.' || conname, "
                + "pg_get_constraintdef(oid) from pg_constraint where connamespace = 'public'::regnamespace"));
        facts.putAll(definitions(db, "select 'index ' || indexname, indexdef from pg_indexes where schemaname = 'public'"));
        facts.putAll(definitions(db, "select 'trigger ' || tgrelid::regclass || '.' || tgname, tgenabled::text || ' '"
                + " || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal"));
        facts.putAll(pairs(db, "select 'function ' || p.oid::regprocedure, pg_get_userbyid(p.proowner) || ' ' "
                + "|| coalesce(p.proacl::text, '') || ' ' || md5(pg_get_functiondef(p.oid)) from pg_proc p "
                + "where p.pronamespace = 'public'::regnamespace"));
        facts.put("schema public", single(db, "select pg_get_userbyid(nspowner) || ' ' || coalesce(nspacl::text, '') "
                + "from pg_namespace where nspname = 'public'"));
        facts.put("flyway", String.join("\n", column(db, "select installed_rank || ' ' || coalesce(version, 'R') || ' '"
                + " || description || ' ' || coalesce(checksum::text, '') || ' ' || success "
                + "from flyway_schema_history order by installed_rank")));
        facts.put("large objects", single(db, "select count(*) from pg_largeobject_metadata"));
        return facts;
    }

    /**
     * Definitions as the server prints them, without casts, brackets and spaces: a restore re-parses them, and
     * {@code status in ('A', 'B')} over a varchar column comes back with its casts on the elements instead of on the
     * array, the same condition printed differently.
     */
    private static Map<String, String> definitions(Connection db, String query) throws SQLException {
        Map<String, String> definitions = pairs(db, query);
        definitions.replaceAll((key, definition) -> CAST.matcher(definition).replaceAll("").replaceAll("[()\\s]", ""));
        return definitions;
    }

    /** A cast to a type, as the server prints it: types are lower case, key words upper case. */
    private static final Pattern CAST = Pattern.compile("::[a-z_][a-z0-9_ ]*(\\[\\])?");

    private static long rows(Map<String, String> facts, String table) {
        String fact = facts.get("table " + table);
        assertNotNull(fact, "no table " + table);
        return Long.parseLong(fact.substring("rows=".length(), fact.indexOf(' ')));
    }

    /**
     * Every sequence's next value, as a number that only grows: sequences are outside transactions, so what the
     * dump read lies between what is read before and after it.
     */
    private static Map<String, Long> sequences(Connection db) throws SQLException {
        Map<String, Long> values = new TreeMap<>();
        pairs(db, "select sequencename, coalesce(last_value, start_value - increment_by)::text from pg_sequences "
                + "where schemaname = 'public'").forEach((name, value) -> values.put(name, Long.parseLong(value)));
        return values;
    }

    private static byte[] reassemble(Connection db, long file) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PreparedStatement select = db.prepareStatement(
                "select data from stored_file_chunk where file_id = ? order by chunk_index")) {
            select.setLong(1, file);
            try (ResultSet chunk = select.executeQuery()) {
                while (chunk.next()) {
                    bytes.writeBytes(chunk.getBytes(1));
                }
            }
        }
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------- plumbing

    /** Stores the seed's bytes through the portal (the test WAR's fixture servlet) and returns the file's id. */
    private long storeThroughThePortal(long seed) throws IOException, InterruptedException {
        URI uri = URI.create(base.toString()).resolve("stored-file-fixture?seed=" + seed + "&size=" + FILE_SIZE);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Long.parseLong(response.body().strip());
    }

    private static Connection connect(EmbeddedServices services, String database, String user) throws SQLException {
        // the embedded server trusts loopback connections, as its initdb set it up
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + services.postgresPort() + "/" + database,
                user, "");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> keys = new TreeMap<>(a);
        keys.putAll(b);
        return new ArrayList<>(keys.keySet());
    }

    private static String single(Connection db, String query) throws SQLException {
        List<String> values = column(db, query);
        assertEquals(1, values.size(), query);
        return values.get(0);
    }

    private static List<String> column(Connection db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    private static Map<String, String> pairs(Connection db, String query) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            while (row.next()) {
                values.put(row.getString(1), row.getString(2));
            }
        }
        return values;
    }
}
