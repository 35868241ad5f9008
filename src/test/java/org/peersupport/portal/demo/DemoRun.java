package org.peersupport.portal.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.peersupport.portal.reporting.DemoDatabase;
import org.peersupport.portal.reporting.ReportDataGenerator;
import org.peersupport.portal.support.EmbeddedServices;

/**
 * One run of the demo, as {@code mvn -Pdemo} starts it and as {@link DemoIT} does: the embedded PostgreSQL (its data
 * in {@code dataDirectory/postgres}, kept between runs), the demo directory on loopback, the organisation's staff on
 * an empty database (the report data generator: two organisations' staff with three years of training), and Payara
 * Micro with the demo WAR, whose story ({@link DemoStory}) loads the rest on its first start.
 */
public final class DemoRun implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoRun.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    /** The generated staff of the demo organisation: a trust and a charity, as namespace, organisation and size. */
    record Staff(String namespace, String organisation, int people, long seed) {
    }

    static final List<Staff> STAFF = List.of(
            new Staff("northshire", "Northshire Health and Care NHS Foundation Trust", 220, 2026),
            new Staff("westshire", "Mind in Westshire (charity)", 110, 2027));

    private final EmbeddedServices services;
    private final Process server;
    private final String url;
    private final Duration startup;

    private DemoRun(EmbeddedServices services, Process server, String url, Duration startup) {
        this.services = services;
        this.server = server;
        this.url = url;
        this.startup = startup;
    }

    /**
     * Starts everything and returns once the sign-in page answers; {@code log} receives Payara's output. Throws
     * when the portal does not start, after stopping what it started.
     */
    public static DemoRun start(Path project, Path dataDirectory, int port, Path log) throws Exception {
        long started = System.nanoTime();
        Path target = project.resolve("target");
        Path payara = target.resolve("payara-micro.jar");
        EmbeddedServices services = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"),
                dataDirectory.resolve("postgres"));
        Process server = null;
        try {
            Path war = DemoWar.build(target);
            DemoDatabase.migrate(services);
            generateStaffOnce(services);
            Path settings = dataDirectory.resolve("portal-demo.properties");
            EmbeddedServices.writeProperties(services.portalSettings(), settings);
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m",
                    "-Djava.io.tmpdir=" + Files.createDirectories(target.resolve("demo-tmp")),
                    "-jar", payara.toString(),
                    "--nocluster", "--port", Integer.toString(port),
                    "--systemProperties", settings.toString(),
                    "--deploy", war.toString()));
            server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String url = "http://localhost:" + port + "/portal/";
            if (!waitUntilServing(url + "signin.xhtml", server)) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException("The portal did not start. The last lines of " + log + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            return new DemoRun(services, server, url, Duration.ofNanos(System.nanoTime() - started));
        } catch (Exception | Error e) {
            stop(server);
            services.close();
            throw e;
        }
    }

    /** The portal's address, ending in {@code /portal/}. */
    public String url() {
        return url;
    }

    /** From the start of {@link #start} to the first page served. */
    public Duration startup() {
        return startup;
    }

    public EmbeddedServices services() {
        return services;
    }

    public Process server() {
        return server;
    }

    @Override
    public void close() {
        stop(server);
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

    private static boolean waitUntilServing(String url, Process server) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            server.waitFor(250, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    private static void stop(Process server) {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
