package org.peersupport.portal.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peersupport.portal.support.EmbeddedServices;

/**
 * The reporting benchmark ({@code mvn -Pbenchmark-reports}): a fresh embedded PostgreSQL with pg_stat_statements,
 * {@code benchmark.staff} generated staff (default 100,000, about 300,000 places) plus 10,000 staff of one
 * organisation with a place each on the 11-session course, the portal on Payara Micro as in the demo, HR signed in
 * over HTTP; then the dashboard, a drill-down page and the 10,000 x 11 completion export (CSV and XLSX) are timed
 * (median of {@code benchmark.runs} runs after warm-up, time to the last byte) and their SQL statements counted by
 * PostgreSQL. The figures, data size, date and machine go to {@code docs/performance.md}.
 */
public final class ReportBenchmark {

    static final String EXPORT_ORGANISATION = "Benchmark Export Trust";

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int staff = Integer.parseInt(System.getProperty("benchmark.staff", "100000"));
        int exportStaff = Integer.parseInt(System.getProperty("benchmark.exportStaff", "10000"));
        int runs = Integer.parseInt(System.getProperty("benchmark.runs", "7"));
        long seed = Long.parseLong(System.getProperty("benchmark.seed", "42"));
        Path target = project.resolve("target");
        Path data = target.resolve("benchmark-data");
        boolean reuse = Boolean.getBoolean("benchmark.reuse") && Files.isDirectory(data.resolve("postgres"));
        if (!reuse) {
            org.apache.commons.io.FileUtils.deleteDirectory(data.toFile());
        }
        say("Starting PostgreSQL (pg_stat_statements) and the demo directory in " + project.relativize(data));
        try (EmbeddedServices services = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"),
                data.resolve("postgres"), Map.of("shared_preload_libraries", "pg_stat_statements",
                        "pg_stat_statements.track", "all"))) {
            DemoDatabase.migrate(services);
            LocalDate today = LocalDate.now(ReportDataGenerator.UK);
            ReportDataGenerator.Result mixed = new ReportDataGenerator.Result(Map.of(), Duration.ZERO);
            ReportDataGenerator.Result export = mixed;
            if (reuse) {
                say("Reusing the data generated before in " + project.relativize(data) + " (-Dbenchmark.reuse=true)");
            } else try (Connection db = services.portalDatabase()) {
                say("Generating " + staff + " staff (seed " + seed + ") and " + exportStaff + " more in " + EXPORT_ORGANISATION);
                mixed = ReportDataGenerator.generate(db, new ReportDataGenerator.Spec(staff, seed, "bench", null, today));
                export = ReportDataGenerator.generate(db, new ReportDataGenerator.Spec(exportStaff, seed + 1, "export",
                        EXPORT_ORGANISATION, today, "GEN-P2P"));
                try (Statement sql = db.createStatement()) {
                    sql.execute("vacuum analyze");
                }
            }
            countStatements(services);
            say("Generated in " + (mixed.took().toSeconds() + export.took().toSeconds()) + " s: " + mixed.rows() + " + " + export.rows());
            Duration generation = Duration.ofSeconds(Long.getLong("benchmark.generatedSeconds",
                    mixed.took().toSeconds() + export.took().toSeconds()));
            Map<String, Long> sizes = sizes(services);

            int port = EmbeddedServices.freePort();
            Path settings = data.resolve("portal-benchmark.properties");
            Map<String, String> portal = new LinkedHashMap<>(services.portalSettings());
            portal.remove("portal.demo.course-package");
            // the daily overdue reminder (07:00 by default) writes thousands of notices at this size: keep it twelve
            // hours away from the measurements, which it would otherwise share the database with
            portal.put("portal.reminder.time", java.time.LocalTime.now(java.time.ZoneId.of("Europe/London")).plusHours(12)
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
            EmbeddedServices.writeProperties(portal, settings);
            Path log = target.resolve("benchmark-payara.log");
            Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Djava.io.tmpdir=" + Files.createDirectories(target.resolve("benchmark-tmp")), "-jar",
                    target.resolve("payara-micro.jar").toString(), "--nocluster", "--port", Integer.toString(port),
                    "--systemProperties", settings.toString(), "--deploy", target.resolve("portal.war").toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port + "/portal/";
                if (!waitUntilServing(base + "signin.xhtml", server)) {
                    throw new IllegalStateException("the portal did not start: see " + log);
                }
                HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
                signIn(http, base, "mark.evans", EmbeddedServices.DEMO_PASSWORD);
                String exportQuery = "organisation=" + URLEncoder.encode(EXPORT_ORGANISATION, StandardCharsets.UTF_8)
                        + "&course=GEN-P2P";
                Map<String, String> requests = new LinkedHashMap<>();
                requests.put("Dashboard, everyone", base + "hr/dashboard.xhtml");
                requests.put("Dashboard, one department", base + "hr/dashboard.xhtml?department="
                        + URLEncoder.encode("Recovery College", StandardCharsets.UTF_8));
                requests.put("Drill-down page (overdue, 50 a page)", base + "hr/people.xhtml?measure=overdue");
                requests.put("Completion export CSV, 10,000 x 11", base + "hr/export/completion.csv?" + exportQuery);
                requests.put("Completion export XLSX, 10,000 x 11", base + "hr/export/completion.xlsx?" + exportQuery);
                List<String[]> results = new ArrayList<>();
                for (Map.Entry<String, String> request : requests.entrySet()) {
                    for (int i = 0; i < 3; i++) {
                        fetch(http, request.getValue());
                    }
                    List<Long> millis = new ArrayList<>();
                    long bytes = 0;
                    for (int i = 0; i < runs; i++) {
                        long started = System.nanoTime();
                        bytes = fetch(http, request.getValue());
                        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    }
                    long statements = statements(services, () -> fetch(http, request.getValue()));
                    millis.sort(Comparator.naturalOrder());
                    results.add(new String[] {request.getKey(), millis.get(millis.size() / 2) + " ms", millis.get(0) + " ms",
                            millis.get(millis.size() - 1) + " ms", Long.toString(statements), String.format(Locale.UK, "%,d", bytes)});
                    say(String.join(" | ", results.get(results.size() - 1)));
                }
                write(project, staff, exportStaff, runs, seed, sizes, generation, results);
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
        }
    }

    /** Signs in through the real sign-in form, as a browser does. */
    static void signIn(HttpClient http, String base, String username, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "signin.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!state.find()) {
            throw new IllegalStateException("no view state on the sign-in page");
        }
        String form = "signin=signin&signin%3Ausername=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&signin%3Apassword=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&signin%3Asubmit=Sign+in"
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + URLEncoder.encode(org.peersupport.portal.load.LoadBenchmark.pageNonce(page),
                        StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "signin.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (!response.uri().getPath().contains("/hr/")) {
            throw new IllegalStateException("sign-in as " + username + " did not reach the HR area: " + response.uri());
        }
    }

    /** Fetches a page or a file to the last byte; returns its size. */
    static long fetch(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return bytes;
    }

    @FunctionalInterface
    public interface Request {
        void run() throws Exception;
    }

    /**
     * Installs pg_stat_statements (the server must preload it) in a schema of its own: in the portal's schema its
     * functions would belong to the superuser, and the grants every migration ends with (afterMigrate.sql) would fail
     * on them.
     */
    public static void countStatements(EmbeddedServices services) throws SQLException {
        try (Connection db = services.portalDatabase(); Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists statement_counts");
            sql.execute("create extension if not exists pg_stat_statements schema statement_counts");
        }
    }

    /** What pg_stat_statements holds for the portal's run-time role: each statement prefixed with its calls. */
    private static List<String> statementTexts(Statement sql) throws SQLException {
        List<String> seen = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("select calls, query from statement_counts.pg_stat_statements s "
                + "join pg_roles r on r.oid = s.userid where r.rolname = 'portal_app' order by calls desc, query")) {
            while (rs.next()) {
                seen.add(rs.getLong(1) + " × " + rs.getString(2).replaceAll("\\s+", " "));
            }
        }
        return seen;
    }

    /** Statements the portal's run-time role executed for one request, counted by pg_stat_statements. */
    public static long statements(EmbeddedServices services, Request request) throws Exception {
        return statements(services, request, texts -> { });
    }

    /**
     * As {@link #statements(EmbeddedServices, Request)}, and gives {@code texts} each statement as pg_stat_statements
     * normalised it, prefixed with its number of calls (what the report's readers look at to see where they come from).
     */
    public static long statements(EmbeddedServices services, Request request, Consumer<List<String>> texts)
            throws Exception {
        try (Connection db = services.portalDatabase(); Statement sql = db.createStatement()) {
            sql.execute("select statement_counts.pg_stat_statements_reset()");
            request.run();
            // A statement is counted when it ends, before its result reaches the portal, so the request's own are all
            // in by now; work the request left to run after its response (an email after commit) is waited for until
            // two readings a polling interval apart agree, at most 5 s.
            List<String> seen = statementTexts(sql);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            for (List<String> again = null; !seen.equals(again) && System.nanoTime() < deadline; ) {
                if (again != null) {
                    seen = again;
                }
                Thread.sleep(100); // polling interval, not a wait standing in for the condition
                again = statementTexts(sql);
            }
            texts.accept(seen);
            return seen.stream().mapToLong(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).sum();
        }
    }

    static Map<String, Long> sizes(EmbeddedServices services) throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection db = services.portalDatabase(); Statement sql = db.createStatement()) {
            for (String table : List.of("person", "enrolment", "cohort", "cohort_session", "enrolment_status_change",
                    "attendance_mark", "lesson_progress")) {
                try (ResultSet rs = sql.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    sizes.put(table, rs.getLong(1));
                }
            }
        }
        return sizes;
    }

    static void write(Path project, int staff, int exportStaff, int runs, long seed, Map<String, Long> sizes,
            Duration generation, List<String[]> results) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Performance of HR reporting\n\n");
        md.append("Measured by `./mvnw -Pbenchmark-reports` (").append("`ReportBenchmark`): a fresh embedded PostgreSQL 18, the ")
                .append("data generator, the portal on Payara Micro 6 with the demo settings, HR signed in through the sign-in ")
                .append("form over HTTP on loopback. Each time is from the request to the last byte received, the median of ")
                .append(runs).append(" runs after 3 warm-up runs (fastest and slowest beside it). Statements are those the ")
                .append("portal's database role ran for one request, counted by PostgreSQL's pg_stat_statements (they include ")
                .append("the page shell's own look-up of the signed-in person and the audit entry of an export).\n\n");
        md.append("## Run\n\n");
        md.append("- Date: ").append(ZonedDateTime.now(ReportDataGenerator.UK).withNano(0)).append("\n");
        md.append("- Machine: ").append(machine()).append("\n");
        md.append("- Data: ").append(String.format(Locale.UK, "%,d", staff)).append(" generated staff (seed ").append(seed)
                .append(") plus ").append(String.format(Locale.UK, "%,d", exportStaff)).append(" in *").append(EXPORT_ORGANISATION)
                .append("*, each with one place on the 11-session course GEN-P2P. Rows: ");
        List<String> rows = new ArrayList<>();
        sizes.forEach((table, count) -> rows.add(table + " " + String.format(Locale.UK, "%,d", count)));
        md.append(String.join(", ", rows)).append(".\n");
        md.append("- Generating took ").append(generation.toSeconds()).append(" s (load average while measuring: ")
                .append(loadAverage()).append(").\n\n");
        md.append("## Results\n\n| request | median | fastest | slowest | SQL statements | bytes |\n|---|---|---|---|---|---|\n");
        for (String[] r : results) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        md.append("\nThe statement counts do not depend on the data: `ReportingIT` checks that each report and export ")
                .append("sends the same number of statements at two data sizes.\n");
        Path file = project.resolve("docs/performance.md");
        // the load benchmark's section (mvn -Pbenchmark-load) and what follows it stay
        String existing = Files.exists(file) ? Files.readString(file) : "";
        int load = existing.indexOf("\n## Load benchmark");
        if (load >= 0) {
            md.append(existing.substring(load));
        }
        Files.writeString(file, md.toString());
        say("Wrote " + project.relativize(file));
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> {
                        long kb = Long.parseLong(l.replaceAll("\\D", ""));
                        return String.format(Locale.UK, "%.1f GiB memory", kb / 1024.0 / 1024.0);
                    }).orElse("");
        } catch (IOException e) {
            // not Linux: say what we know
        }
        return Runtime.getRuntime().availableProcessors() + " cores (nproc), " + memory + ", " + cpu + ", Java "
                + System.getProperty("java.version");
    }

    private static boolean waitUntilServing(String url, Process server) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(12).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                return false;
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void say(String text) {
        System.out.println("[benchmark] " + text);
    }
}
