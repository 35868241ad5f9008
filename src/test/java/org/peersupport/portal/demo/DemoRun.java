package org.peersupport.portal.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.peersupport.portal.reporting.DemoDatabase;
import org.peersupport.portal.reporting.ReportDataGenerator;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.PortalNode;

/**
 * One run of the demo, as {@code mvn -Pdemo} starts it and as {@link DemoIT} does: the embedded PostgreSQL (its data
 * in {@code dataDirectory/postgres}, kept between runs), the demo directory on loopback, the organisation's staff on
 * an empty database (the report data generator: two organisations' staff with three years of training), and Payara
 * Micro with the demo WAR, whose story ({@link DemoStory}) loads the rest on its first start.
 */
public final class DemoRun implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoRun.class.getName());

    /** The generated staff of the demo organisation: a trust and a charity, as namespace, organisation and size. */
    record Staff(String namespace, String organisation, int people, long seed) {
    }

    static final List<Staff> STAFF = List.of(
            new Staff("northshire", "Northshire Health and Care NHS Foundation Trust", 220, 2026),
            new Staff("westshire", "Mind in Westshire (charity)", 110, 2027));

    private final EmbeddedServices services;
    private final PortalNode node;
    private final Duration startup;

    private DemoRun(EmbeddedServices services, PortalNode node, Duration startup) {
        this.services = services;
        this.node = node;
        this.startup = startup;
    }

    /**
     * Starts everything and returns once the sign-in page answers; {@code log} receives Payara's output. Throws
     * when the portal does not start, after stopping what it started.
     */
    public static DemoRun start(Path project, Path dataDirectory, int port, Path log) throws Exception {
        long started = System.nanoTime();
        Path target = project.resolve("target");
        EmbeddedServices services = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"),
                dataDirectory.resolve("postgres"));
        PortalNode node = null;
        try {
            Path settings = prepare(services, dataDirectory, Map.of());
            node = PortalNode.of("demo", target, port, settings, DemoWar.build(target), log, List.of());
            node.start().awaitServing();
            return new DemoRun(services, node, Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception | Error e) {
            if (node != null) {
                node.stop();
            }
            services.close();
            throw e;
        }
    }

    /**
     * Makes the demo's database ready for the portal (migrated, the organisations' staff generated once) and writes
     * its settings file, with {@code extra} settings over the demo's, into {@code dataDirectory}; returns the file.
     */
    public static Path prepare(EmbeddedServices services, Path dataDirectory, Map<String, String> extra) throws Exception {
        DemoDatabase.migrate(services);
        generateStaffOnce(services);
        Path settings = dataDirectory.resolve("portal-demo.properties");
        Map<String, String> all = new java.util.LinkedHashMap<>(services.portalSettings());
        all.putAll(extra);
        EmbeddedServices.writeProperties(all, settings);
        return settings;
    }

    /** The portal's address, ending in {@code /portal/}. */
    public String url() {
        return node.url();
    }

    /** From the start of {@link #start} to the first page served. */
    public Duration startup() {
        return startup;
    }

    public EmbeddedServices services() {
        return services;
    }

    public Process server() {
        return node.process();
    }

    @Override
    public void close() {
        node.stop();
        services.close();
    }

    /** The staff the generator makes, on a database that has none of them yet. */
    static void generateStaffOnce(EmbeddedServices services) throws Exception {
        try (Connection db = services.portalDatabase()) {
            for (Staff staff : STAFF) {
                if (count(db, "select count(*) from person where directory_id like 'generated:" + staff.namespace() + ":%'") > 0) {
                    continue;
                }
                ReportDataGenerator.Result result = ReportDataGenerator.generate(db, new ReportDataGenerator.Spec(
                        staff.people(), staff.seed(), staff.namespace(), staff.organisation(), LocalDate.now(ZoneId.of(
                                "Europe/London"))));
                LOG.info(() -> "Generated " + staff.people() + " staff of " + staff.organisation() + " in "
                        + result.took().toMillis() + " ms");
            }
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
