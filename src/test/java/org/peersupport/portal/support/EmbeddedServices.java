package org.peersupport.portal.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The real parts the portal needs, started in this JVM for the demo run and the integration tests: a real
 * PostgreSQL server (embedded binaries) and a real LDAP server (UnboundID in-memory directory) on loopback,
 * loaded from {@code deployment/demo-directory.ldif}.
 *
 * <p>The database has two roles, as production should: {@code portal_owner} owns the schema and runs the
 * migrations; {@code portal_app}, which the portal uses at run time, owns nothing and may only read and write rows,
 * and on the audit trail only read and append. Its grants are made by the migrations' {@code afterMigrate.sql}
 * callback, as in production, so they follow every new table; here the database only gets its roles.
 */
public final class EmbeddedServices implements AutoCloseable {

    public static final String BASE_DN = DemoDirectory.BASE_DN;
    public static final String SERVICE_DN = DemoDirectory.SERVICE_DN;
    public static final String SERVICE_PASSWORD = DemoDirectory.SERVICE_PASSWORD;
    public static final String DEMO_PASSWORD = DemoDirectory.PASSWORD;
    static final String OWNER_PASSWORD = "demo-owner-password";
    static final String APP_PASSWORD = "demo-app-password";

    private volatile EmbeddedPostgres postgres;
    private final EmbeddedPostgres.Builder postgresBuilder;
    private final boolean postgresKeepsData;
    private final int postgresPort;
    private final InMemoryDirectoryServer directory;
    private final int ldapPort;
    private final Path projectDirectory;

    private EmbeddedServices(EmbeddedPostgres postgres, EmbeddedPostgres.Builder postgresBuilder, boolean postgresKeepsData,
            InMemoryDirectoryServer directory, Path projectDirectory) {
        this.postgres = postgres;
        this.postgresBuilder = postgresBuilder;
        this.postgresKeepsData = postgresKeepsData;
        this.postgresPort = postgres.getPort();
        this.directory = directory;
        this.ldapPort = directory.getListenPort();
        this.projectDirectory = projectDirectory;
    }

    /**
     * Starts both servers. With a data directory the database survives restarts; without one it is new.
     */
    public static EmbeddedServices start(Path ldif, Path postgresData) throws IOException {
        return start(ldif, postgresData, Map.of());
    }

    /** As {@link #start(Path, Path)}, with PostgreSQL server settings (the benchmark loads pg_stat_statements). */
    public static EmbeddedServices start(Path ldif, Path postgresData, Map<String, String> postgresConfig) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(freePort());
        postgresConfig.forEach(builder::setServerConfig);
        if (postgresData != null) {
            Files.createDirectories(postgresData.getParent());
            builder.setDataDirectory(postgresData).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            prepareDatabase(postgres);
            // the LDIF is deployment/demo-directory.ldif: the project folder is two levels up
            return new EmbeddedServices(postgres, builder, postgresData != null, startDirectory(ldif),
                    ldif.toAbsolutePath().getParent().getParent());
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    private static void prepareDatabase(EmbeddedPostgres postgres) {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            try (ResultSet exists = sql.executeQuery("select 1 from pg_database where datname = 'portal'")) {
                if (exists.next()) {
                    return;
                }
            }
            sql.execute("create role portal_owner login password '" + OWNER_PASSWORD + "'");
            sql.execute("create role portal_app login password '" + APP_PASSWORD + "'");
            sql.execute("create database portal owner portal_owner");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the portal database", e);
        }
        try (Connection portal = postgres.getDatabase("postgres", "portal").getConnection();
                Statement sql = portal.createStatement()) {
            sql.execute("alter schema public owner to portal_owner");
            sql.execute("revoke create on schema public from public");
            sql.execute("grant connect on database portal to portal_app");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the portal database", e);
        }
    }

    private static InMemoryDirectoryServer startDirectory(Path ldif) throws IOException {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("demo-ldap",
                    InetAddress.getLoopbackAddress(), freePort(), null));
            config.setEnforceSingleStructuralObjectClass(false);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.importFromLDIF(true, ldif.toFile());
            server.startListening();
            return server;
        } catch (LDAPException e) {
            throw new IOException("could not start the demo directory: " + e.getMessage(), e);
        }
    }

    /**
     * A connection to the portal's database as the server's superuser (more than the schema owner), for tests and
     * tools that seed or check data beyond what the portal's run-time role may do.
     */
    public Connection portalDatabase() throws SQLException {
        return postgres.getDatabase("postgres", "portal").getConnection();
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int ldapPort() {
        return ldapPort;
    }

    /**
     * Stops PostgreSQL as an operator would ({@code pg_ctl stop -m fast}: open connections are ended); its data stays.
     * Only for servers started with a data directory, which {@link #startDatabase} starts again on the same port.
     */
    public synchronized void stopDatabase() throws IOException {
        if (!postgresKeepsData) {
            throw new IllegalStateException("a database without a data directory would lose its data when stopped");
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Starts PostgreSQL again after {@link #stopDatabase}: the same port, data directory and settings. */
    public synchronized void startDatabase() throws IOException {
        if (postgres == null) {
            postgres = postgresBuilder.start();
        }
    }

    /** Stops the directory listening and closes every connection to it, as a directory server going down does. */
    public void stopDirectory() {
        directory.shutDown(true);
    }

    /** Starts the directory listening again on its port after {@link #stopDirectory}, with the same entries. */
    public void startDirectory() throws IOException {
        try {
            directory.startListening();
        } catch (LDAPException e) {
            throw new IOException("could not start the demo directory again: " + e.getMessage(), e);
        }
    }

    /** Whether a connection to the port on loopback is refused: the proof that a stopped server is gone. */
    public static boolean refusesConnections(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    public InMemoryDirectoryServer directory() {
        return directory;
    }

    public String ldapUrl() {
        return "ldap://127.0.0.1:" + ldapPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/portal";
    }

    /** Every setting the portal needs to run against these servers, in demo mode. */
    public Map<String, String> portalSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("portal.demo", "true");
        settings.put("portal.cookies.secure", "false");
        settings.put("portal.db.url", jdbcUrl());
        settings.put("portal.db.user", "portal_app");
        settings.put("portal.db.password", APP_PASSWORD);
        settings.put("portal.db.migration.user", "portal_owner");
        settings.put("portal.db.migration.password", OWNER_PASSWORD);
        settings.put("portal.ldap.url", ldapUrl());
        settings.put("portal.ldap.bind.dn", SERVICE_DN);
        settings.put("portal.ldap.bind.password", SERVICE_PASSWORD);
        settings.put("portal.ldap.user.base-dn", "ou=people," + BASE_DN);
        settings.put("portal.ldap.user.filter", "(&(objectClass=inetOrgPerson)(uid={0}))");
        settings.put("portal.ldap.group.base-dn", "ou=groups," + BASE_DN);
        settings.put("portal.ldap.group.filter", "(&(objectClass=groupOfNames)(member={0}))");
        settings.put("portal.ldap.attr.id", "entryUUID");
        settings.put("portal.ldap.role.candidate", "cn=p2p-candidates,ou=groups," + BASE_DN);
        settings.put("portal.ldap.role.supervisor", "cn=p2p-supervisors,ou=groups," + BASE_DN);
        settings.put("portal.ldap.role.verifier", "cn=p2p-verifiers,ou=groups," + BASE_DN);
        settings.put("portal.ldap.role.coordinator", "cn=p2p-coordinators,ou=groups," + BASE_DN);
        settings.put("portal.ldap.role.hr", "cn=p2p-hr,ou=groups," + BASE_DN + ";cn=hr-api,ou=groups," + BASE_DN);
        settings.put("portal.ldap.role.safeguarding", "cn=p2p-safeguarding,ou=groups," + BASE_DN);
        settings.put("portal.ldap.role.governance", "cn=p2p-governance,ou=groups," + BASE_DN);
        settings.put("portal.privacy.controller", "Northshire Health and Care NHS Foundation Trust (a fictional trust: "
                + "this is the demo)");
        settings.put("portal.privacy.dpo-contact", "Iris Campbell, Data Protection Officer, "
                + "dpo@northshire-demo.nhs.example");
        settings.put("portal.privacy.lawful-basis", "UK GDPR Article 6(1)(e), a task in the public interest: training "
                + "the health and care workforce; for what you write about your own health, Article 9(2)(h) with the "
                + "Data Protection Act 2018, Schedule 1, paragraph 2 (the demo's wording: your organisation's data "
                + "protection officer sets its own)");
        settings.put("portal.demo.course-package", projectDirectory.resolve("deployment/courses/peer2peer").toString());
        return settings;
    }

    /** Writes settings as a properties file for Payara Micro's {@code --systemProperties}. */
    public static void writeProperties(Map<String, String> settings, Path file) {
        Properties properties = new Properties();
        properties.putAll(settings);
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
                properties.store(out, "Generated for the portal's embedded run; demo values only");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        directory.shutDown(true);
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
