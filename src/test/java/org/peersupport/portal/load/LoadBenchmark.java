package org.peersupport.portal.load;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.io.IOException;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.peersupport.portal.platform.boundary.DatabaseMigration;
import org.peersupport.portal.reporting.ReportBenchmark;
import org.peersupport.portal.reporting.ReportDataGenerator;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.EmbeddedServices;

/**
 * The load benchmark ({@code mvn -Pbenchmark-load}; docs/performance.md): a fresh embedded PostgreSQL with
 * {@code benchmark.staff} generated staff (default 10,000), directory accounts for some of them (candidates on the
 * Peer2Peer demo cohort with a submission each waiting for one of the supervisors, and HR officers), the portal on
 * Payara Micro as in the demo, then {@link PortalSimulation} scenario by scenario at 1, 4, 16 and 64 concurrent
 * signed-in users, the heap per signed-in session at 1,000 sessions, Payara's resident memory, and start-up times
 * (existing database, empty database with migrations, an empty WAR). The figures go to docs/performance.md.
 * With {@code -Dbenchmark.soak=true} it runs the {@link Soak} instead.
 */
public final class LoadBenchmark {

    static final String NAMESPACE = "load";
    static final String SECTION = "## Load benchmark";
    static final String SECTION_END = "<!-- end of the load benchmark's generated section -->";
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final Path project;
    private final Path target;
    private final Path work;
    private final List<String> lines = new ArrayList<>();

    /** Statements per page (issue 18) with the first {@link #firstStaff} staff (empty when not measured), and with all. */
    private Map<String, Long> fewerStatements = Map.of();
    private Map<String, Long> statements = Map.of();
    private int firstStaff;

    private LoadBenchmark(Path project) {
        this.project = project;
        this.target = project.resolve("target");
        this.work = target.resolve("load");
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        if (Boolean.getBoolean("benchmark.soak")) {
            // -Dbenchmark.soak=true: the soak on the two-node cluster instead (docs/performance.md, "Soak (two nodes)")
            System.exit(Soak.run(project));
        }
        new LoadBenchmark(project).run();
        System.exit(0);
    }

    private void run() throws Exception {
        int staff = Integer.getInteger("benchmark.staff", 10_000);
        long seed = Long.getLong("benchmark.seed", 42);
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int sessions = Integer.getInteger("benchmark.sessions", 1000);
        List<Integer> levels = java.util.Arrays.stream(System.getProperty("benchmark.levels", "1,4,16,64").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        List<String> scenarios = java.util.Arrays.stream(System.getProperty("benchmark.scenarios",
                String.join(",", PortalSimulation.SCENARIOS)).split(",")).map(String::strip).toList();
        int maxUsers = levels.stream().mapToInt(Integer::intValue).max().orElse(1);
        Path data = work.resolve("data");
        boolean reuse = Boolean.getBoolean("benchmark.reuse") && Files.isDirectory(data.resolve("postgres"));
        if (!reuse) {
            org.apache.commons.io.FileUtils.deleteDirectory(data.toFile());
        }
        Path war = benchmarkWar();
        Path emptyWar = emptyWar();
        Instant started = Instant.now();
        Map<String, Long> sizes;
        Duration generation = Duration.ZERO;
        Map<String, List<String>> accounts;
        List<String[]> startUps = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String memory;
        // the accounts: enough candidates for the session count and the top level, a supervisor and an HR officer a user
        int accountsNeeded = Math.max(sessions, maxUsers) + 2 * maxUsers;
        // statements per page are measured first with only the people the accounts need, then with all the staff
        firstStaff = Math.min(staff, Math.max(2_000, accountsNeeded));
        say("Starting PostgreSQL (pg_stat_statements) and the demo directory in " + project.relativize(data));
        try (EmbeddedServices services = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"),
                data.resolve("postgres"), Map.of("shared_preload_libraries", "pg_stat_statements",
                        "pg_stat_statements.track", "top", "pg_stat_statements.track_utility", "off"))) {
            migrate(services);
            ReportBenchmark.countStatements(services);
            if (!reuse) {
                generation = generation.plus(generate(services, firstStaff, seed, NAMESPACE));
            }
            accounts = directoryAccounts(services, Math.max(sessions, maxUsers), maxUsers, maxUsers);

            Payara portal = Payara.start(war, settings(services, true), work.resolve("payara-setup.log"), target);
            String base;
            try {
                base = portal.base();
                say("Portal up in " + portal.startUp().toMillis() + " ms (first start: loads the demo course and cohort)");
                try (Connection db = services.portalDatabase()) {
                    benchmarkPlaces(db, accounts);
                }
                if (!reuse && staff > firstStaff) {
                    fewerStatements = StatementsPerPage.measure(services, base, accounts,
                            work.resolve("statements-first"));
                    say("Statements per page with " + firstStaff + " staff: " + fewerStatements);
                    generation = generation.plus(generate(services, staff - firstStaff, seed + 1, NAMESPACE + "more"));
                }
                statements = StatementsPerPage.measure(services, base, accounts, work.resolve("statements"));
                say("Statements per page with " + staff + " staff: " + statements);
                sizes = sizes(services);
                LoadSettings settings = new LoadSettings(base, scenarios, 1, seconds, accounts, "resources/portal/portal.css");
                // the JIT compiles the portal's hot paths during the first minutes: a short warm-up measured a bare
                // Faces page at a quarter of its warm rate at 1 user (163 against 663 requests/s)
                int warmUp = Integer.getInteger("benchmark.warmup", 60);
                say("Warming up: every scenario, 4 users, " + warmUp + " s (not recorded)");
                LoadRun.run(settings.with(scenarios, 4, warmUp), work.resolve("gatling-warmup"));
                if (Boolean.getBoolean("benchmark.jfr")) {
                    // a Java Flight Recorder profile of the portal over the measured runs (-Dbenchmark.jfr=true)
                    say(portal.jcmd("JFR.start name=load settings=profile filename=" + work.resolve("portal.jfr")));
                }
                // The bare Faces page is also measured right after each page's run at these levels, so that a page
                // can be compared with a baseline taken within a minute of it: on this shared machine the rate of the
                // same page moves by a tenth or more between the start of a run and its end.
                List<Integer> besides = java.util.Arrays.stream(System.getProperty("benchmark.besides", "16").split(","))
                        .map(String::strip).filter(level -> !level.isEmpty()).map(Integer::valueOf).toList();
                for (String scenario : scenarios) {
                    for (int users : levels) {
                        measure(settings, work, scenario, scenario, users, seconds, rows);
                        if (besides.contains(users) && scenarios.contains("faces")
                                && !List.of("faces", "static").contains(scenario)) {
                            measure(settings, work, "faces", "faces, right after " + scenario, users, seconds, rows);
                        }
                    }
                }
                if (Boolean.getBoolean("benchmark.jfr")) {
                    say(portal.jcmd("JFR.stop name=load"));
                }
                try {
                    memory = sessions == 0 ? "- Memory: not measured (-Dbenchmark.sessions=0).\n"
                            : memory(portal, accounts.get("candidate").subList(0, sessions), base);
                } catch (Exception e) {
                    e.printStackTrace();
                    memory = "- Memory: not measured, the measurement failed: " + e + "\n";
                }
            } finally {
                portal.stop();
            }
            write(staff, seed, seconds, sizes, generation, rows, memory, startUps, started);
            if (!Boolean.parseBoolean(System.getProperty("benchmark.startups", "true"))) {
                failIfGrown();
                return;
            }
            try {
                say("Start-up, existing database");
                Payara again = Payara.start(war, settings(services, true), work.resolve("payara-existing.log"), target);
                startUps.add(new String[] {"Portal, existing database (" + String.format(Locale.UK, "%,d", staff)
                        + " staff)", again.startUp().toMillis() + " ms", ReportBenchmark.loadAverage()});
                again.stop();
            } catch (Exception e) {
                startUps.add(new String[] {"Portal, existing database", "failed: " + e.getMessage(), ReportBenchmark.loadAverage()});
            }
        }
        try {
            say("Start-up, empty database (migrations and the demo course)");
            try (EmbeddedServices empty = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"), null)) {
                Payara fresh = Payara.start(war, settings(empty, true), work.resolve("payara-empty.log"), target);
                startUps.add(new String[] {"Portal, empty database (all migrations, demo course loaded)",
                        fresh.startUp().toMillis() + " ms", ReportBenchmark.loadAverage()});
                fresh.stop();
            }
            say("Start-up, an empty WAR");
            Payara bare = Payara.start(emptyWar, Map.of(), work.resolve("payara-emptywar.log"), target, "empty/index.html");
            startUps.add(new String[] {"Payara Micro with an empty WAR", bare.startUp().toMillis() + " ms",
                    ReportBenchmark.loadAverage()});
            bare.stop();
        } catch (Exception e) {
            startUps.add(new String[] {"Empty database / empty WAR", "failed: " + e.getMessage(), ReportBenchmark.loadAverage()});
        }
        write(staff, seed, seconds, sizes, generation, rows, memory, startUps, started);
        failIfGrown();
    }

    /** Fails the benchmark (after its report is written) when a page's statements grew with the data. */
    private void failIfGrown() {
        List<String> grown = StatementsPerPage.grown(fewerStatements, statements);
        if (!grown.isEmpty()) {
            throw new IllegalStateException("Statements per page grew with the data (" + firstStaff + " staff → all): "
                    + String.join("; ", grown));
        }
    }

    /** Generates {@code staff} more people in {@code namespace}, then brings the planner's statistics up to date. */
    private static Duration generate(EmbeddedServices services, int staff, long seed, String namespace) throws Exception {
        try (Connection db = services.portalDatabase()) {
            say("Generating " + staff + " staff (seed " + seed + ", " + namespace + ")");
            Duration took = ReportDataGenerator.generate(db, new ReportDataGenerator.Spec(staff, seed, namespace, null,
                    LocalDate.now(UK))).took();
            try (Statement sql = db.createStatement()) {
                sql.execute("vacuum analyze");
            }
            return took;
        }
    }

    /** One scenario's named request at one level. */
    record Row(String scenario, int users, LoadRun.RequestStats stats, String load) {
    }

    /** Runs {@code scenario} at {@code users} and adds its requests to {@code rows} under {@code label}. */
    private static void measure(LoadSettings settings, Path work, String scenario, String label, int users, int seconds,
            List<Row> rows) throws Exception {
        say("Measuring " + label + " at " + users + " users for " + seconds + " s");
        String load = ReportBenchmark.loadAverage();
        LoadRun.Result run = LoadRun.run(settings.with(List.of(scenario), users, seconds), work.resolve("gatling"));
        run.errors().forEach(e -> say("  error: " + e));
        String loadAfter = ReportBenchmark.loadAverage();
        for (LoadRun.RequestStats r : run.requests()) {
            rows.add(new Row(label, users, r, load.split(" ")[0] + " → " + loadAfter.split(" ")[0]));
            say(String.format(Locale.UK, "  %-24s %6d req %5.1f/s median %5d p95 %5d p99 %5d errors %d",
                    r.request(), r.count(), r.perSecond(), r.median(), r.p95(), r.p99(), r.errors()));
        }
    }

    // ------------------------------------------------------------------ set-up

    private Path benchmarkWar() throws IOException {
        Files.createDirectories(work);
        Path war = work.resolve("portal.war");
        WebArchive archive = BaselinePage.addTo(ShrinkWrap.createFromZipFile(WebArchive.class,
                target.resolve("portal.war").toFile()));
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    private Path emptyWar() {
        Path war = work.resolve("empty.war");
        ShrinkWrap.create(WebArchive.class, "empty.war").add(new StringAsset("<!DOCTYPE html><title>empty</title><p>empty</p>"),
                "index.html").as(ZipExporter.class).exportTo(war.toFile(), true);
        return war;
    }

    private static void migrate(EmbeddedServices services) {
        Map<String, String> settings = services.portalSettings();
        Flyway.configure(LoadBenchmark.class.getClassLoader()).dataSource(services.jdbcUrl(),
                settings.get("portal.db.migration.user"), settings.get("portal.db.migration.password"))
                .locations("classpath:db/migration")
                .placeholders(Map.of(DatabaseMigration.RUNTIME_ROLE_PLACEHOLDER, settings.get("portal.db.user")))
                .load().migrate();
    }

    private static Map<String, String> settings(EmbeddedServices services, boolean demo) {
        Map<String, String> settings = new LinkedHashMap<>(services.portalSettings());
        settings.put("portal.demo", Boolean.toString(demo));
        return settings;
    }

    /**
     * Directory accounts for generated people, with the demo password: the first {@code candidates} generated
     * people join p2p-candidates, the next ones p2p-supervisors and p2p-hr. Each person's directory id becomes the
     * directory's entryUUID for them, as if they had signed in before.
     */
    static Map<String, List<String>> directoryAccounts(EmbeddedServices services, int candidates, int supervisors, int hr)
            throws Exception {
        Map<String, List<String>> accounts = new LinkedHashMap<>();
        Map<String, String> groups = Map.of("candidate", "p2p-candidates", "supervisor", "p2p-supervisors", "hr", "p2p-hr");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("candidate", candidates);
        counts.put("supervisor", supervisors);
        counts.put("hr", hr);
        try (Connection db = services.portalDatabase();
                PreparedStatement people = db.prepareStatement("select id, username, display_name, job_title, department, "
                        + "organisation from person where username ~ ? order by id limit ?");
                PreparedStatement update = db.prepareStatement("update person set directory_id = ? where id = ?")) {
            people.setString(1, "\\." + NAMESPACE + "[0-9]+$");
            people.setInt(2, candidates + supervisors + hr);
            List<String[]> found = new ArrayList<>();
            try (ResultSet rs = people.executeQuery()) {
                while (rs.next()) {
                    found.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)});
                }
            }
            if (found.size() < candidates + supervisors + hr) {
                throw new IllegalStateException("only " + found.size() + " generated people for the directory accounts");
            }
            int next = 0;
            for (Map.Entry<String, Integer> role : counts.entrySet()) {
                List<String> usernames = new ArrayList<>();
                List<String> members = new ArrayList<>();
                for (int i = 0; i < role.getValue(); i++) {
                    String[] p = found.get(next++);
                    String dn = DemoDirectory.personDn(p[1]);
                    String[] names = p[2].split(" ", 2);
                    Entry entry = new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson",
                            "inetOrgPerson"), new Attribute("uid", p[1]), new Attribute("cn", p[2]),
                            new Attribute("givenName", names[0]), new Attribute("sn", names.length > 1 ? names[1] : names[0]),
                            new Attribute("displayName", p[2]), new Attribute("mail", p[1] + "@generated.example"),
                            new Attribute("userPassword", DemoDirectory.PASSWORD));
                    for (String[] optional : new String[][] {{"title", p[3]}, {"ou", p[4]}, {"o", p[5]}}) {
                        if (optional[1] != null) {
                            entry.addAttribute(optional[0], optional[1]);
                        }
                    }
                    services.directory().add(entry);
                    SearchResultEntry added = services.directory().getEntry(dn, "entryUUID");
                    update.setString(1, added.getAttributeValue("entryUUID"));
                    update.setLong(2, Long.parseLong(p[0]));
                    update.addBatch();
                    usernames.add(p[1]);
                    members.add(dn);
                }
                services.directory().modify("cn=" + groups.get(role.getKey()) + ",ou=groups," + DemoDirectory.BASE_DN,
                        new Modification(ModificationType.ADD, "member", members.toArray(String[]::new)));
                accounts.put(role.getKey(), usernames);
            }
            update.executeBatch();
        }
        say("Directory accounts for generated people: " + candidates + " candidates, " + supervisors + " supervisors, "
                + hr + " HR");
        return accounts;
    }

    /**
     * Benchmark data, written once the portal has created the Peer2Peer demo cohort: every benchmark candidate gets
     * an active place on it, a supervisor (round the benchmark supervisors) and one submitted piece of work for its
     * first assessment task, so each supervisor's review queue lists some.
     */
    static void benchmarkPlaces(Connection db, Map<String, List<String>> accounts) throws SQLException {
        long cohort;
        long task;
        LocalDate end;
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("select c.id, c.end_date, "
                + "(select t.id from assessment_task t where t.course_id = c.course_id order by t.position limit 1) "
                + "from cohort c where c.name = 'Peer2Peer demo cohort'")) {
            if (!rs.next()) {
                throw new IllegalStateException("the portal did not create the Peer2Peer demo cohort");
            }
            cohort = rs.getLong(1);
            end = rs.getObject(2, LocalDate.class);
            task = rs.getLong(3);
        }
        // a reused database may hold places for fewer accounts than this run signs in (a run with fewer sessions)
        Set<String> placed = new HashSet<>();
        try (PreparedStatement sql = db.prepareStatement("select p.username from enrolment e join person p "
                + "on p.id = e.person_id where e.cohort_id = ?")) {
            sql.setLong(1, cohort);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    placed.add(rs.getString(1));
                }
            }
        }
        List<String> candidates = accounts.get("candidate").stream().filter(c -> !placed.contains(c)).toList();
        if (candidates.isEmpty()) {
            say("Benchmark places exist already (-Dbenchmark.reuse=true)");
            return;
        }
        Map<String, Long> ids = personIds(db);
        List<String> supervisors = accounts.get("supervisor");
        ReportDataGenerator.Ids enrolments = ids(db, "enrolment_seq", candidates.size());
        ReportDataGenerator.Ids allocations = ids(db, "supervisor_allocation_seq", candidates.size());
        ReportDataGenerator.Ids submissions = ids(db, "submission_seq", candidates.size());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.setAutoCommit(false);
        try (PreparedStatement enrol = db.prepareStatement("insert into enrolment (id, person_id, cohort_id, status, "
                + "enrolled_at, status_changed_at, expected_end_date) values (?, ?, ?, 'ACTIVE', ?, ?, ?)");
                PreparedStatement allocate = db.prepareStatement("insert into supervisor_allocation (id, enrolment_id, "
                        + "supervisor_id, allocated_at, allocated_by, reason) values (?, ?, ?, ?, 'load benchmark', 'benchmark data')");
                PreparedStatement submit = db.prepareStatement("insert into submission (id, enrolment_id, task_id, attempt, "
                        + "status, token, declaration, submitted_by, submitted_at, status_changed_at) values "
                        + "(?, ?, ?, 1, 'SUBMITTED', ?, 'Benchmark data: this is my own work.', ?, ?, ?)")) {
            for (int i = 0; i < candidates.size(); i++) {
                long enrolment = enrolments.next();
                enrol.setLong(1, enrolment);
                enrol.setLong(2, ids.get(candidates.get(i)));
                enrol.setLong(3, cohort);
                enrol.setObject(4, now.minusWeeks(13));
                enrol.setObject(5, now.minusWeeks(13));
                enrol.setObject(6, end);
                enrol.addBatch();
                allocate.setLong(1, allocations.next());
                allocate.setLong(2, enrolment);
                allocate.setLong(3, ids.get(supervisors.get(i % supervisors.size())));
                allocate.setObject(4, now.minusWeeks(13));
                allocate.addBatch();
                submit.setLong(1, submissions.next());
                submit.setLong(2, enrolment);
                submit.setLong(3, task);
                submit.setString(4, UUID.randomUUID().toString().replace("-", ""));
                submit.setString(5, candidates.get(i));
                submit.setObject(6, now.minusDays(2));
                submit.setObject(7, now.minusDays(2));
                submit.addBatch();
            }
            enrol.executeBatch();
            allocate.executeBatch();
            submit.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        say("Benchmark places: " + candidates.size() + " candidates on the Peer2Peer demo cohort, each with a supervisor "
                + "and a submission");
    }

    private static Map<String, Long> personIds(Connection db) throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(
                "select username, id from person where directory_id not like 'generated:%'")) {
            while (rs.next()) {
                ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    /** Ids from a sequence the portal also draws from in blocks of 50, keeping a block clear on each side. */
    private static ReportDataGenerator.Ids ids(Connection db, String sequence, long count) throws SQLException {
        long blocks = (count + 49) / 50 + 3;
        try (PreparedStatement next = db.prepareStatement("select min(v), max(v) from (select nextval('" + sequence
                + "') as v from generate_series(1, ?)) s")) {
            next.setLong(1, blocks);
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                return new ReportDataGenerator.Ids(rs.getLong(1) + 50, rs.getLong(2) - 50);
            }
        }
    }

    private static Map<String, Long> sizes(EmbeddedServices services) throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection db = services.portalDatabase(); Statement sql = db.createStatement()) {
            for (String table : List.of("person", "enrolment", "cohort", "enrolment_status_change", "attendance_mark",
                    "lesson_progress")) {
                try (ResultSet rs = sql.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    sizes.put(table, rs.getLong(1));
                }
            }
        }
        return sizes;
    }

    // ------------------------------------------------------------------ memory

    /**
     * Heap per signed-in session: the live heap after a full collection, before and after {@code accounts.size()}
     * more people sign in through the form and open a lesson (which keeps one Faces view in their session).
     */
    private String memory(Payara portal, List<String> candidates, String base) throws Exception {
        long before = portal.liveHeapBytes();
        Files.writeString(work.resolve("heap-histogram-before.txt"), portal.jcmd("GC.class_histogram"));
        // each person's client and the lesson page it holds (its sign-out form is signed out through afterwards)
        Map<HttpClient, String> signedIn = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        inParallel(candidates, username -> {
            // HTTP/1.1 as a browser speaks to a plain-http server (Java's client would otherwise upgrade to h2c, and
            // Grizzly keeps each HTTP/2 connection's streams and buffers far longer than an idle HTTP/1.1 one)
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            signIn(http, base, username);
            // a lesson page refused under load (Payara issue 6145, see docs/performance.md) is asked for again
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<String> lesson = http.send(HttpRequest.newBuilder(URI.create(base
                        + "learning/lesson.xhtml?course=PEER2PEER&session=2")).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (lesson.statusCode() == 200 && lesson.body().contains("portal-lesson__about")) {
                    signedIn.put(http, lesson.body());
                    return;
                }
                refused.incrementAndGet();
            }
            throw new IllegalStateException(username + " did not reach the lesson three times");
        });
        // the sessions stay on the server; the 1,000 clients' idle keep-alive connections (and Grizzly's buffers for
        // them) must not count: outwait Payara's keep-alive timeout (30 s by default)
        long after = quietHeap(portal);
        // what the sessions hold, class by class: compare with the histogram before
        Files.writeString(work.resolve("heap-histogram-after.txt"), portal.jcmd("GC.class_histogram"));
        long rss = portal.residentBytes();
        // the same people sign out through the header's form: what the heap gives back is what their sessions held,
        // whatever else (pooled request objects, caches) grew while they signed in
        inParallel(List.copyOf(signedIn.keySet()), http -> signOut(http, base, signedIn.get(http)));
        long signedOut = quietHeap(portal);
        Files.writeString(work.resolve("heap-histogram-signed-out.txt"), portal.jcmd("GC.class_histogram"));
        int n = candidates.size();
        String perSession = String.format(Locale.UK, "%.1f KB", (after - signedOut) / 1024.0 / n);
        String grown = String.format(Locale.UK, "%.1f KB", (after - before) / 1024.0 / n);
        say("Heap before " + before / 1024 / 1024 + " MB, after " + n + " more sessions " + after / 1024 / 1024
                + " MB, after they signed out " + signedOut / 1024 / 1024 + " MB: " + perSession + " a session (" + grown
                + " of growth a session); resident memory " + rss / 1024 / 1024 + " MB");
        return String.format(Locale.UK, "- Heap per signed-in session: **%s**: live heap after a full collection, with "
                + "%,d more people signed in through the form and on a lesson (%,d KB), less the same once they had "
                + "signed out through the page's sign-out button (%,d KB); each measured once idle connections had "
                + "closed. The heap grew by %s a session from before they signed in (%,d KB), which also counts "
                + "objects kept for connections and requests rather than sessions (%,d lesson requests were refused "
                + "and asked again).%n- Payara Micro's resident memory (RSS) after the load runs and the "
                + "sessions: **%,d MB** (heap limit -Xmx1g).%n", perSession, n, after / 1024, signedOut / 1024, grown,
                before / 1024, refused.get(), rss / 1024 / 1024);
    }

    /** Runs one task per item on four threads and waits for all of them; the first failure is thrown. */
    private static <T> void inParallel(List<T> items, ThrowingConsumer<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (T item : items) {
                done.add(pool.submit(() -> {
                    task.accept(item);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A task over one item that may throw. */
    @FunctionalInterface
    private interface ThrowingConsumer<T> {
        void accept(T item) throws Exception;
    }

    /** The live heap once the clients' idle keep-alive connections have closed (a full collection first). */
    private static long quietHeap(Payara portal) throws Exception {
        System.gc();
        Thread.sleep(Duration.ofSeconds(Long.getLong("benchmark.keepAliveWait", 45)).toMillis());
        return portal.liveHeapBytes();
    }

    /** Presses the header's sign-out button on a page the client holds; it must redirect to the sign-in page. */
    static void signOut(HttpClient http, String base, String page) throws Exception {
        Matcher form = Pattern.compile("<form id=\"signOutForm\"[^>]*action=\"([^\"]+)\"").matcher(page);
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!form.find() || !state.find()) {
            throw new IllegalStateException("no sign-out form on the page");
        }
        String body = "signOutForm=signOutForm&signOutForm%3AsignOut=Sign+out&jakarta.faces.ViewState="
                + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + URLEncoder.encode(pageNonce(page), StandardCharsets.UTF_8);
        URI action = URI.create(base).resolve(form.group(1).replace("&amp;", "&"));
        // the redirect to the sign-in page is not followed: showing that page would start a new session
        HttpClient once = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(http.cookieHandler().orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response = once.send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.contains("signin.xhtml?reason=signedOut")) {
            throw new IllegalStateException("signing out answered " + response.statusCode() + " " + location);
        }
    }

    /** The page's script nonce, which PrimeFaces' script posts back with every form (field {@code primefaces.nonce}). */
    public static String pageNonce(String page) {
        Matcher nonce = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"").matcher(page);
        return nonce.find() ? nonce.group(1) : "";
    }

    static void signIn(HttpClient http, String base, String username) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "signin.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!state.find()) {
            throw new IllegalStateException("no view state on the sign-in page");
        }
        String form = "signin=signin&signin%3Ausername=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&signin%3Apassword=" + URLEncoder.encode(DemoDirectory.PASSWORD, StandardCharsets.UTF_8)
                + "&signin%3Asubmit=Sign+in&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + URLEncoder.encode(pageNonce(page), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "signin.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.uri().getPath().endsWith("signin.xhtml")) {
            throw new IllegalStateException("sign-in as " + username + " failed");
        }
    }

    // ------------------------------------------------------------------ Payara

    /** One Payara Micro process, timed from launch to its first successful page. */
    static final class Payara {
        private final Process process;
        private final String base;
        private final Duration startUp;

        private Payara(Process process, String base, Duration startUp) {
            this.process = process;
            this.base = base;
            this.startUp = startUp;
        }

        static Payara start(Path war, Map<String, String> settings, Path log, Path target) throws Exception {
            return start(war, settings, log, target, "portal/signin.xhtml");
        }

        static Payara start(Path war, Map<String, String> settings, Path log, Path target, String firstPage) throws Exception {
            int port = EmbeddedServices.freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Djava.io.tmpdir=" + Files.createDirectories(target.resolve("load/tmp"))));
            if (Boolean.getBoolean("benchmark.jfr") || Boolean.getBoolean("benchmark.startup.jfr")) {
                // a Faces request is deeper than the recorder's 64 frames: without this no sample shows its page
                command.add("-XX:FlightRecorderOptions:stackdepth=384");
            }
            if (Boolean.getBoolean("benchmark.startup.jfr")) {
                // a profile of each start, from the first second (-Dbenchmark.startup.jfr=true), for where start-up goes
                command.add("-XX:StartFlightRecording:settings=profile,filename="
                        + log.resolveSibling(log.getFileName().toString().replace(".log", "") + "-startup.jfr"));
            }
            command.addAll(List.of("-jar", target.resolve("payara-micro.jar").toString(), "--nocluster", "--port",
                    Integer.toString(port)));
            if (!settings.isEmpty()) {
                Path properties = log.resolveSibling(log.getFileName() + ".properties");
                EmbeddedServices.writeProperties(settings, properties);
                command.addAll(List.of("--systemProperties", properties.toString()));
            }
            String context = war.getFileName().toString().replace(".war", "");
            command.addAll(List.of("--deploy", war.toString()));
            long launched = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String first = "http://127.0.0.1:" + port + "/" + firstPage;
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = launched + Duration.ofMinutes(12).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create(first)).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new Payara(process, "http://127.0.0.1:" + port + "/" + context + "/",
                                Duration.ofNanos(System.nanoTime() - launched));
                    }
                } catch (IOException e) {
                    // not yet
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new IllegalStateException("Payara did not serve " + first + ": see " + log);
        }

        String base() {
            return base;
        }

        Duration startUp() {
            return startUp;
        }

        /** Live heap after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}'s "used"). */
        long liveHeapBytes() throws Exception {
            jcmd("GC.run");
            Thread.sleep(1000);
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
            if (!used.find()) {
                throw new IllegalStateException("no heap figure in: " + info);
            }
            return Long.parseLong(used.group(1)) * 1024;
        }

        long residentBytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return -1;
        }

        String jcmd(String command) throws Exception {
            List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid())));
            line.addAll(List.of(command.split(" ")));
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(60, TimeUnit.SECONDS);
            return out;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    // ------------------------------------------------------------------ report

    private void write(int staff, long seed, int seconds, Map<String, Long> sizes, Duration generation, List<Row> rows,
            String memory, List<String[]> startUps, Instant started) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(SECTION).append("\n\n");
        md.append("Measured by `./mvnw -Pbenchmark-load` (`LoadBenchmark`, Gatling ").append(gatlingVersion())
                .append(" Java DSL, `PortalSimulation`). Each virtual user signs in through the sign-in form with its own ")
                .append("directory account and HTTP session, then repeats its scenario's pages with no pause for ")
                .append(seconds).append(" s; the load generator runs on the same machine as the portal and the database. ")
                .append("Times are Gatling's response times (request sent to last byte received) over every request of the ")
                .append("run; requests/s is the count divided by the ").append(seconds).append(" s.\n\n");
        md.append("### Run\n\n");
        md.append("- Date: ").append(ZonedDateTime.now(UK).withNano(0)).append(" (took ")
                .append(Duration.between(started, Instant.now()).toMinutes()).append(" min)\n");
        md.append("- Machine: ").append(ReportBenchmark.machine()).append("\n");
        md.append("- Data: ").append(String.format(Locale.UK, "%,d", staff)).append(" generated staff (seed ").append(seed)
                .append(firstStaff < staff ? String.format(Locale.UK, " for the first %,d, %d for the rest, generated once "
                        + "statements per page were measured", firstStaff, seed + 1) : "").append("). Rows: ");
        List<String> counts = new ArrayList<>();
        sizes.forEach((table, count) -> counts.add(table + " " + String.format(Locale.UK, "%,d", count)));
        md.append(String.join(", ", counts)).append(".");
        if (!generation.isZero()) {
            md.append(" Generating took ").append(generation.toSeconds()).append(" s.");
        }
        md.append("\n- Load average (1 minute) before → after each level is in the tables: this machine is shared.\n\n");
        for (String scenario : rows.stream().map(Row::scenario).distinct().toList()) {
            md.append("### Scenario: ").append(scenario).append("\n\n");
            md.append("| users | request | requests | requests/s | median | p95 | p99 | max | errors | load average |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (Row row : rows) {
                if (!row.scenario().equals(scenario)) {
                    continue;
                }
                LoadRun.RequestStats r = row.stats();
                md.append(String.format(Locale.UK, "| %d | %s | %,d | %.1f | %d ms | %d ms | %d ms | %d ms | %d | %s |%n",
                        row.users(), r.request(), r.count(), r.perSecond(), r.median(), r.p95(), r.p99(), r.max(),
                        r.errors(), row.load()));
            }
            md.append("\n");
        }
        md.append("### Statements per page\n\n").append(StatementsPerPage.table(fewerStatements, statements, firstStaff, staff))
                .append("\n");
        md.append("### Memory\n\n").append(memory).append("\n");
        md.append("### Start-up\n\nFrom launching `java -jar payara-micro.jar --deploy …` to the first successful page "
                + "(the sign-in page; `index.html` for the empty WAR).\n\n| what | time | load average |\n|---|---|---|\n");
        for (String[] s : startUps) {
            md.append("| ").append(String.join(" | ", s)).append(" |\n");
        }
        md.append("\n").append(SECTION_END).append("\n");
        Path file = project.resolve("docs/performance.md");
        String existing = Files.exists(file) ? Files.readString(file) : "";
        int from = existing.indexOf(SECTION);
        int to = existing.indexOf(SECTION_END);
        String after = to < 0 ? "" : existing.substring(to + SECTION_END.length() + 1);
        if (from >= 0 && to > from && !archived) {
            // the previous run's tables stay below this run's, so that a regression shows
            after = earlierRun(existing.substring(from, to)) + after;
            archived = true;
        }
        String updated = from < 0 ? existing.stripTrailing() + "\n\n" + md : existing.substring(0, from) + md + after;
        Files.writeString(file, updated);
        Files.writeString(work.resolve("results.md"), md);
        say("Wrote the load benchmark's section of " + project.relativize(file));
    }

    /** Whether this run has moved the previous run's section down already (write runs twice: tables, then start-ups). */
    private boolean archived;

    /** A previous run's generated section, folded under "Earlier run" with its headings as bold lines. */
    static String earlierRun(String section) {
        java.util.regex.Matcher date = Pattern.compile("- Date: (\\S+)").matcher(section);
        StringBuilder md = new StringBuilder("\n### Earlier run: ").append(date.find() ? date.group(1) : "date unknown")
                .append("\n\n<details><summary>Its tables</summary>\n\n");
        boolean body = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("### ")) {
                body = true;
                md.append("**").append(line.substring(4)).append("**\n");
            } else if (body) {
                md.append(line).append("\n");
            }
        }
        return md.append("\n</details>\n").toString();
    }

    private static String gatlingVersion() {
        Package p = io.gatling.javaapi.core.Simulation.class.getPackage();
        return p.getImplementationVersion() == null ? "3.15.1" : p.getImplementationVersion();
    }

    private static void say(String text) {
        System.out.println("[load benchmark] " + text);
    }
}
