package org.peersupport.portal.load;

import jakarta.annotation.sql.DataSourceDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peersupport.portal.cluster.ClusterRun;
import org.peersupport.portal.platform.boundary.PortalDataSource;
import org.peersupport.portal.reporting.ReportBenchmark;
import org.peersupport.portal.reporting.ReportDataGenerator;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.PortalNode;

/**
 * The soak ({@code ./mvnw -Pbenchmark-load -Dbenchmark.soak=true}; docs/performance.md, "Soak (two nodes)"): the
 * two-node cluster as {@code ./mvnw -Pcluster} starts it ({@link ClusterRun}: the demo WAR, database and directory,
 * HAProxy in front), with {@code benchmark.soak.staff} generated staff added to its database and directory accounts for
 * some of them (as the load benchmark makes them), then {@code benchmark.soak.users} signed-in users spread evenly over
 * the four journeys of {@link PortalSimulation} (lesson, portfolio, review, hr), each pausing between pages, for
 * {@code benchmark.soak.minutes} once all have arrived. Meanwhile it samples each node's live heap after a full
 * collection it asks for ({@code jcmd GC.run}, read from the node's gc log) and the database's connections
 * ({@code pg_stat_activity}). It writes the figures to docs/performance.md, and fails when any request failed.
 */
final class Soak {

    static final String SECTION = "## Soak (two nodes)";
    static final String SECTION_END = "<!-- end of the soak's generated section -->";
    static final List<String> JOURNEYS = List.of("lesson", "portfolio", "review", "hr");

    /** The soak's settings, from {@code benchmark.soak.*} system properties. */
    record Options(int users, int minutes, int pauseMin, int pauseMax, int rampSeconds, int warmUpSeconds,
            int heapEverySeconds, int connectionsEverySeconds, int staff, long seed) {

        static Options fromSystemProperties() {
            String[] pause = System.getProperty("benchmark.soak.pause", "3-30").split("-");
            return new Options(Integer.getInteger("benchmark.soak.users", 200), Integer.getInteger("benchmark.soak.minutes", 10),
                    Integer.parseInt(pause[0].strip()), Integer.parseInt(pause[pause.length - 1].strip()),
                    Integer.getInteger("benchmark.soak.ramp", 60), Integer.getInteger("benchmark.soak.warmup", 30),
                    Integer.getInteger("benchmark.soak.heapEvery", 60), Integer.getInteger("benchmark.soak.connectionsEvery", 10),
                    Integer.getInteger("benchmark.soak.staff", 1000), Long.getLong("benchmark.seed", 42));
        }

        /** Users on each journey: the users spread evenly, rounded down. */
        int perJourney() {
            return Math.max(1, users / JOURNEYS.size());
        }
    }

    /** Each node's live heap after a full collection, {@code minute}s after the measured run started. */
    record HeapSample(double minute, List<Long> bytes, String load) {
    }

    /** The portal pools' connections to the portal database by state, and any other client's, at one moment. */
    record ConnectionSample(double minute, Map<String, Integer> byState, int others) {

        int portal() {
            return byState.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Path project;
    private final Path work;
    private final Options options;

    private Soak(Path project, Options options) {
        this.project = project;
        this.work = project.resolve("target/load/soak");
        this.options = options;
    }

    /** Runs the soak and writes its section; returns the process's exit status (1 when a request failed). */
    static int run(Path project) throws Exception {
        return new Soak(project, Options.fromSystemProperties()).run();
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        Path data = work.resolve("data");
        org.apache.commons.io.FileUtils.deleteDirectory(data.toFile());
        Files.createDirectories(data);
        int perJourney = options.perJourney();
        say("Starting the two-node cluster (embedded PostgreSQL, demo directory, two Payara Micro nodes, HAProxy); logs in "
                + project.relativize(work.resolve("logs")));
        String machineBefore = ReportBenchmark.loadAverage();
        try (ClusterRun cluster = ClusterRun.start(project, data, EmbeddedServices.freePort(), work.resolve("logs"), Map.of())) {
            say("Cluster up in " + cluster.startup().toSeconds() + " s at " + cluster.url());
            Map<String, List<String>> accounts = accounts(cluster.services(), perJourney);
            LoadSettings settings = new LoadSettings(cluster.url(), JOURNEYS, perJourney, 0, accounts,
                    "resources/portal/portal.css");
            if (options.warmUpSeconds() > 0) {
                say("Warming up: every journey, 2 users, no pauses, " + options.warmUpSeconds() + " s (not recorded)");
                LoadRun.run(settings.with(JOURNEYS, 2, options.warmUpSeconds()), work.resolve("gatling-warmup"));
            }
            // every user goes on until the last one has had the whole soak: all of them are on from the ramp's end
            int seconds = options.minutes() * 60 + options.rampSeconds();
            LoadSettings soak = settings.with(JOURNEYS, perJourney, seconds)
                    .withPauses(options.pauseMin(), options.pauseMax(), options.rampSeconds());
            for (PortalNode node : cluster.nodes()) {
                // each node's collections from here on, with their pauses (Unified Logging switched on in the running JVM)
                jcmd(node.process().pid(), "VM.log output=file=" + gcLog(node) + " what=gc decorators=uptime");
            }
            List<HeapSample> heap = Collections.synchronizedList(new ArrayList<>());
            List<ConnectionSample> connections = Collections.synchronizedList(new ArrayList<>());
            List<String> sampleErrors = Collections.synchronizedList(new ArrayList<>());
            long zero = System.nanoTime();
            ScheduledExecutorService samplers = Executors.newScheduledThreadPool(2);
            samplers.scheduleAtFixedRate(() -> {
                try {
                    heap.add(heap(cluster.nodes(), minutes(zero)));
                } catch (Exception e) {
                    sampleErrors.add("heap: " + e);
                }
            }, 0, options.heapEverySeconds(), TimeUnit.SECONDS);
            samplers.scheduleAtFixedRate(() -> {
                try {
                    connections.add(connections(cluster.services(), minutes(zero)));
                } catch (Exception e) {
                    sampleErrors.add("connections: " + e);
                }
            }, 0, options.connectionsEverySeconds(), TimeUnit.SECONDS);
            say("Soaking: " + perJourney * JOURNEYS.size() + " users (" + perJourney + " a journey), arriving over "
                    + options.rampSeconds() + " s, pausing " + options.pauseMin() + "-" + options.pauseMax()
                    + " s between pages, all on for " + options.minutes() + " min");
            LoadRun.Result run;
            try {
                run = LoadRun.run(soak, work.resolve("gatling"));
            } finally {
                samplers.shutdown();
                samplers.awaitTermination(2, TimeUnit.MINUTES);
            }
            double ran = minutes(zero);
            heap.add(heap(cluster.nodes(), ran));
            String machineAfter = ReportBenchmark.loadAverage();
            // a broken session can fail without a failed request: either fails the soak
            long errors = Math.max(run.requests().stream().mapToLong(LoadRun.RequestStats::errors).sum(), run.errors().size());
            run.requests().forEach(r -> say(String.format(Locale.UK, "  %-24s %6d req median %5d p95 %5d p99 %5d errors %d",
                    r.request(), r.count(), r.median(), r.p95(), r.p99(), r.errors())));
            run.errors().forEach(e -> say("  error: " + e));
            sampleErrors.forEach(e -> say("  sampling failed: " + e));
            String section = section(started, cluster, run, ran, List.copyOf(heap), List.copyOf(connections),
                    List.copyOf(sampleErrors), machineBefore, machineAfter);
            write(section);
            if (errors > 0) {
                say("FAILED: " + errors + " failed requests (report: " + run.report() + ")");
                return 1;
            }
            say("No errors.");
            return 0;
        }
    }

    private Path gcLog(PortalNode node) {
        return work.resolve("logs").resolve(node.name() + "-gc.log").toAbsolutePath();
    }

    private static double minutes(long zero) {
        return (System.nanoTime() - zero) / 60e9;
    }

    /**
     * Generated staff in the cluster's database (namespace {@value LoadBenchmark#NAMESPACE}), directory accounts for
     * two candidates, a supervisor and an HR officer per user of a journey, and the candidates' places on the demo
     * cohort with a submission each for their supervisor's queue ({@link LoadBenchmark}'s benchmark data).
     */
    private Map<String, List<String>> accounts(EmbeddedServices services, int perJourney) throws Exception {
        try (Connection db = services.portalDatabase()) {
            say("Generating " + options.staff() + " staff (seed " + options.seed() + ") beside the demo's");
            ReportDataGenerator.generate(db, new ReportDataGenerator.Spec(options.staff(), options.seed(),
                    LoadBenchmark.NAMESPACE, null, LocalDate.now(LoadBenchmark.UK)));
            try (Statement sql = db.createStatement()) {
                sql.execute("vacuum analyze");
            }
        }
        Map<String, List<String>> accounts = LoadBenchmark.directoryAccounts(services, 2 * perJourney, perJourney, perJourney);
        try (Connection db = services.portalDatabase()) {
            LoadBenchmark.benchmarkPlaces(db, accounts);
        }
        return accounts;
    }

    // ------------------------------------------------------------------ sampling

    private HeapSample heap(List<PortalNode> nodes, double minute) throws Exception {
        List<Long> bytes = new ArrayList<>();
        for (PortalNode node : nodes) {
            bytes.add(node.isAlive() ? liveHeapBytes(node.process().pid(), gcLog(node)) : -1L);
        }
        return new HeapSample(minute, List.copyOf(bytes), ReportBenchmark.loadAverage().split(" ")[0]);
    }

    /**
     * {@code jcmd GC.run} (a full collection), then the heap it left as its line in the node's gc log says
     * ({@code Pause Full (Diagnostic Command) 310M->180M(768M)}): read later, {@code GC.heap_info}'s "used" would also count
     * what the node allocated in the seconds a second jcmd takes to start on a busy machine. Without that line, the
     * "used" of {@code GC.heap_info}.
     */
    static long liveHeapBytes(long pid, Path gcLog) throws Exception {
        int before = GcLog.read(gcLog).forcedAfter().size();
        jcmd(pid, "GC.run");
        List<Long> after = GcLog.read(gcLog).forcedAfter();
        if (after.size() > before) {
            return after.get(after.size() - 1);
        }
        return usedHeapBytes(jcmd(pid, "GC.heap_info"));
    }

    /** The "used" figure of {@code jcmd GC.heap_info}'s first line (the whole heap), in bytes. */
    static long usedHeapBytes(String heapInfo) {
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heapInfo);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + heapInfo);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    private static ConnectionSample connections(EmbeddedServices services, double minute) throws SQLException {
        Map<String, Integer> byState = new TreeMap<>();
        int others = 0;
        try (Connection db = services.portalDatabase(); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select coalesce(state, 'unknown'), application_name = 'peer-support-portal', "
                        + "count(*) from pg_stat_activity where datname = 'portal' and pid <> pg_backend_pid() group by 1, 2")) {
            while (rs.next()) {
                if (rs.getBoolean(2)) {
                    byState.merge(rs.getString(1), rs.getInt(3), Integer::sum);
                } else {
                    others += rs.getInt(3);
                }
            }
        }
        return new ConnectionSample(minute, byState, others);
    }

    /** The most connections both nodes' pools may hold: each node's {@code maxPoolSize}. */
    static int poolLimit(int nodes) {
        return nodes * PortalDataSource.class.getAnnotation(DataSourceDefinition.class).maxPoolSize();
    }

    // ------------------------------------------------------------------ report

    private String section(Instant started, ClusterRun cluster, LoadRun.Result run, double ran, List<HeapSample> heap,
            List<ConnectionSample> connections, List<String> sampleErrors, String loadBefore, String loadAfter) {
        int perJourney = options.perJourney();
        int users = perJourney * JOURNEYS.size();
        double rampMinutes = options.rampSeconds() / 60.0;
        double steadyEnd = rampMinutes + options.minutes();
        long requests = run.requests().stream().mapToLong(LoadRun.RequestStats::count).sum();
        long failed = run.requests().stream().mapToLong(LoadRun.RequestStats::errors).sum();
        StringBuilder md = new StringBuilder(SECTION).append("\n\n");
        md.append(String.format(Locale.UK, """
                Measured by `./mvnw -Pbenchmark-load -Dbenchmark.soak=true` (`Soak`, with `PortalSimulation`'s journeys): \
                the two-node cluster of `./mvnw -Pcluster` (`ClusterRun`: two Payara Micro nodes, -Xmx768m each, clustered \
                through Hazelcast, HAProxy in front with sticky sessions; the demo WAR, database and directory), with \
                %,d generated staff added (seed %d) and directory accounts for some of them as in the load benchmark. \
                %d signed-in users, %d on each journey (lesson, portfolio, review, hr), each with an account of its own, \
                arrive evenly over %d s and then go on until all of them have been on for %d minute%s (the run lasts \
                %.1f minutes). After every page a user pauses for a time drawn **uniformly between %d and %d s** \
                (Gatling's `pause(min, max)`; mean %.1f s). Before the soak, %d s of every journey at 2 users without \
                pauses warm both nodes up (not recorded). The load generator runs on the same machine as the nodes, \
                HAProxy and the database.

                Every %d s each node's live heap is read after a full collection the soak asks for (`jcmd <pid> GC.run`; \
                the heap the collection left, from its line in the node's gc log, switched on with `jcmd <pid> VM.log`); \
                the trend is the least-squares slope over the samples taken while all \
                users were on (minute %.1f to %.1f): **flat** when the fitted line rises by less than %.0f %% of the mean \
                over that span, **not flat** when it rises more and the slope's 95 %% interval lies above zero, \
                **not flat, within the scatter** when it rises more but the interval includes zero (a longer soak \
                would tell). A forced full collection pauses its node (stop-the-world), so it shows in the response \
                times as well. Every %d s the soak counts the connections to the portal database in `pg_stat_activity` (the \
                portal pools' connections, by state, and any others, its own excepted); bounded means never more than \
                both nodes' pools may hold (2 × maxPoolSize = %d).

                """, options.staff(), options.seed(), users, perJourney, options.rampSeconds(), options.minutes(), options.minutes() == 1 ? "" : "s", ran,
                options.pauseMin(), options.pauseMax(), (options.pauseMin() + options.pauseMax()) / 2.0,
                options.warmUpSeconds(), options.heapEverySeconds(), rampMinutes, steadyEnd, Trend.FLAT_SHARE * 100,
                options.connectionsEverySeconds(), poolLimit(cluster.nodes().size())));
        md.append("### Run\n\n");
        md.append("- Date: ").append(ZonedDateTime.now(LoadBenchmark.UK).withNano(0)).append(" (took ")
                .append(Duration.between(started, Instant.now()).toMinutes()).append(" min with the cluster's start-up)\n");
        md.append("- Machine: ").append(ReportBenchmark.machine()).append("\n");
        md.append("- Load average before the cluster started: ").append(loadBefore).append("; after the soak: ")
                .append(loadAfter).append(" (1-minute load averages during it are in the heap table).\n");
        if (users != options.users()) {
            md.append("- Asked for ").append(options.users()).append(" users: ").append(users)
                    .append(" is the nearest even spread over the four journeys.\n");
        }
        md.append("\n### Errors\n\n");
        md.append(String.format(Locale.UK, "**%s**: %,d requests (%.1f a second over the run), %,d failed%s%n%n",
                failed == 0 && run.errors().isEmpty() ? "None" : "FAILED", requests, requests / (ran * 60), failed,
                run.errors().isEmpty() ? "." : ". Gatling's errors:"));
        run.errors().forEach(e -> md.append("- ").append(e).append("\n"));
        md.append("\n### Response times per page\n\n");
        md.append("Gatling's response times (request sent to last byte received) over every request of the soak, the "
                + "ramp included.\n\n");
        md.append("| page | requests | errors | median | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
        for (LoadRun.RequestStats r : run.requests()) {
            md.append(String.format(Locale.UK, "| %s | %,d | %d | %d ms | **%d ms** | %d ms | %d ms |%n", r.request(),
                    r.count(), r.errors(), r.median(), r.p95(), r.p99(), r.max()));
        }
        md.append("\n### Heap after each full collection\n\n");
        md.append(heapSection(cluster.nodes(), heap, rampMinutes, steadyEnd));
        md.append("\n### Collections and the load balancer\n\n");
        for (PortalNode node : cluster.nodes()) {
            md.append("- ").append(node.name()).append(": ").append(GcLog.read(gcLog(node)).summary()).append("\n");
        }
        md.append("- HAProxy: ").append(Outages.read(work.resolve("logs/haproxy.log")).summary(
                healthCheck(work.resolve("logs/haproxy.cfg")))).append("\n");
        md.append("\n### Database connections\n\n");
        md.append(connectionsSection(connections, poolLimit(cluster.nodes().size()), rampMinutes, steadyEnd));
        if (!sampleErrors.isEmpty()) {
            md.append("\nSamples that failed: ").append(String.join("; ", sampleErrors)).append("\n");
        }
        md.append("\n").append("Report: `").append(project.relativize(run.report())).append("` (not kept in git). Run it with `./mvnw -Pbenchmark-load -Dbenchmark.soak=true` "
                + "(HAProxy installed); `-Dbenchmark.soak.users=200 -Dbenchmark.soak.minutes=10 -Dbenchmark.soak.pause=3-30 "
                + "-Dbenchmark.soak.ramp=60 -Dbenchmark.soak.warmup=30 -Dbenchmark.soak.heapEvery=60 "
                + "-Dbenchmark.soak.connectionsEvery=10 -Dbenchmark.soak.staff=1000` are the defaults.\n");
        md.append("\n").append(SECTION_END).append("\n");
        return md.toString();
    }

    static String heapSection(List<PortalNode> nodes, List<HeapSample> heap, double from, double to) {
        StringBuilder md = new StringBuilder("| minute |");
        nodes.forEach(n -> md.append(" ").append(n.name()).append(" |"));
        md.append(" load average |\n|---|");
        nodes.forEach(n -> md.append("---|"));
        md.append("---|\n");
        for (HeapSample s : heap) {
            md.append(String.format(Locale.UK, "| %.1f%s |", s.minute(), s.minute() >= from && s.minute() <= to ? "" : " (outside the trend)"));
            s.bytes().forEach(b -> md.append(b < 0 ? " down |" : String.format(Locale.UK, " %.1f MB |", b / 1048576.0)));
            md.append(" ").append(s.load()).append(" |\n");
        }
        md.append("\n");
        for (int i = 0; i < nodes.size(); i++) {
            int node = i;
            Trend trend = Trend.of(heap.stream().filter(s -> s.minute() >= from && s.minute() <= to && s.bytes().get(node) >= 0)
                    .map(s -> new Trend.Sample(s.minute(), s.bytes().get(node) / 1048576.0)).toList());
            md.append(String.format(Locale.UK, "- %s: slope **%+.2f MB/minute** (± %.2f, 95 %%) over %d samples, %.1f minutes; "
                    + "the fitted line rises %+.1f MB on a mean of %.1f MB: **%s**.%n", nodes.get(i).name(),
                    trend.slopePerMinute(), trend.margin(), trend.samples(), trend.spanMinutes(), trend.rise(), trend.mean(),
                    trend.verdict()));
        }
        return md.toString();
    }

    static String connectionsSection(List<ConnectionSample> samples, int limit, double from, double to) {
        StringBuilder md = new StringBuilder();
        int max = samples.stream().mapToInt(ConnectionSample::portal).max().orElse(0);
        int maxOthers = samples.stream().mapToInt(ConnectionSample::others).max().orElse(0);
        Map<String, Integer> maxByState = new TreeMap<>();
        samples.forEach(s -> s.byState().forEach((state, n) -> maxByState.merge(state, n, Math::max)));
        Trend trend = Trend.of(samples.stream().filter(s -> s.minute() >= from && s.minute() <= to)
                .map(s -> new Trend.Sample(s.minute(), s.portal())).toList());
        md.append(String.format(Locale.UK, "%d samples. The portal pools' connections: at most **%d** (limit %d: **%s**); "
                + "the most in each state at any sample: %s. Other clients' connections: at most %d. While all users were on, "
                + "the count's slope was %+.2f a minute (mean %.1f).%n%n", samples.size(), max, limit,
                max > limit ? "NOT bounded" : max == limit ? "bounded, both pools full at times" : "bounded", maxByState.isEmpty() ? "none" : maxByState.toString()
                        .replaceAll("[{}]", ""), maxOthers, trend.slopePerMinute(), trend.mean()));
        md.append("| minute | portal pools' connections (by state) | others |\n|---|---|---|\n");
        double next = 0;
        for (ConnectionSample s : samples) {
            // one row a minute keeps the table short; the maximum above is over every sample
            if (s.minute() + 1e-6 < next) {
                continue;
            }
            next = Math.floor(s.minute()) + 1;
            md.append(String.format(Locale.UK, "| %.1f | %d (%s) | %d |%n", s.minute(), s.portal(),
                    s.byState().toString().replaceAll("[{}]", ""), s.others()));
        }
        return md.toString();
    }

    /**
     * A node's collections in its Unified Logging {@code gc} log ({@code [12.3s] GC(7) Pause Full (Diagnostic Command)
     * 300M->180M(768M) 412.3ms}, the collection {@code jcmd GC.run} asks for): the pauses, in milliseconds, of the full collections the soak asked for, of any
     * other full collection (the heap running short), and of the young ones.
     */
    record GcLog(List<Double> forced, List<Long> forcedAfter, List<Double> otherFull, List<Double> young) {

        private static final Pattern PAUSE = Pattern.compile("\\bPause (Full|Young)\\b(.*?)\\s([\\d.]+)ms\\s*$");
        private static final Pattern AFTER = Pattern.compile("->(\\d+)M\\(");

        static GcLog parse(List<String> lines) {
            List<Double> forced = new ArrayList<>();
            List<Long> forcedAfter = new ArrayList<>();
            List<Double> otherFull = new ArrayList<>();
            List<Double> young = new ArrayList<>();
            for (String line : lines) {
                Matcher pause = PAUSE.matcher(line);
                if (!pause.find()) {
                    continue;
                }
                double ms = Double.parseDouble(pause.group(3));
                if (pause.group(1).equals("Young")) {
                    young.add(ms);
                } else if (pause.group(2).contains("(Diagnostic Command)") || pause.group(2).contains("(System.gc())")) {
                    forced.add(ms);
                    Matcher after = AFTER.matcher(pause.group(2));
                    if (after.find()) {
                        forcedAfter.add(Long.parseLong(after.group(1)) * 1024 * 1024);
                    }
                } else {
                    otherFull.add(ms);
                }
            }
            return new GcLog(forced, forcedAfter, otherFull, young);
        }

        static GcLog read(Path file) {
            try {
                return parse(Files.readAllLines(file));
            } catch (IOException e) {
                return new GcLog(List.of(), List.of(), List.of(), List.of());
            }
        }

        String summary() {
            return String.format(Locale.UK, "%d forced full collections (pause median %s, max %s), %d other full "
                    + "collections%s, %d young collections (pause median %s, max %s)", forced.size(), median(forced),
                    max(forced), otherFull.size(), otherFull.isEmpty() ? "" : " (max " + max(otherFull) + ")", young.size(),
                    median(young), max(young));
        }

        private static String median(List<Double> pauses) {
            List<Double> sorted = pauses.stream().sorted().toList();
            return sorted.isEmpty() ? "-" : String.format(Locale.UK, "%.0f ms", sorted.get(sorted.size() / 2));
        }

        private static String max(List<Double> pauses) {
            return pauses.isEmpty() ? "-" : String.format(Locale.UK, "%.0f ms",
                    pauses.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
    }

    /**
     * How often HAProxy took a node out of service in its log ({@code Server nodes/node1 is DOWN, reason: ...}), by
     * node, and how often that left no node at all (its 503s).
     */
    record Outages(Map<String, Integer> down, int noneLeft) {

        private static final Pattern DOWN = Pattern.compile("Server \\S+/(\\S+) is DOWN");

        static Outages parse(List<String> lines) {
            Map<String, Integer> down = new TreeMap<>();
            int noneLeft = 0;
            for (String line : lines) {
                Matcher matcher = DOWN.matcher(line);
                if (matcher.find()) {
                    down.merge(matcher.group(1), 1, Integer::sum);
                    if (line.contains(" 0 active and 0 backup servers left")) {
                        noneLeft++;
                    }
                }
            }
            return new Outages(down, noneLeft);
        }

        static Outages read(Path file) {
            try {
                return parse(Files.readAllLines(file));
            } catch (IOException e) {
                return new Outages(Map.of(), 0);
            }
        }

        String summary(String healthCheck) {
            if (down.isEmpty()) {
                return "no node was marked down by its health check (" + healthCheck + ")";
            }
            return "its health check (" + healthCheck + ") marked a node down "
                    + down.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + (e.getValue() == 1 ? " time" : " times"))
                            .collect(java.util.stream.Collectors.joining(", "))
                    + "; " + noneLeft + (noneLeft == 1 ? " time" : " times") + " that left no node in service (HAProxy answers 503 then)";
        }
    }

    /** The health check's lines of the load balancer's configuration, as written there. */
    private static String healthCheck(Path haproxyCfg) {
        try {
            return Files.readAllLines(haproxyCfg).stream().map(String::strip)
                    .filter(l -> l.startsWith("option httpchk") || l.startsWith("http-check") || l.startsWith("default-server")
                            || l.startsWith("timeout check"))
                    .map(l -> "`" + l + "`").collect(java.util.stream.Collectors.joining(", "));
        } catch (IOException e) {
            return "configuration not found";
        }
    }

    /** Replaces the soak's section of docs/performance.md, or adds it at the end. */
    private void write(String section) throws IOException {
        Path file = project.resolve("docs/performance.md");
        String existing = Files.exists(file) ? Files.readString(file) : "";
        Files.writeString(file, replaceSection(existing, section));
        Files.createDirectories(work);
        Files.writeString(work.resolve("results.md"), section);
        say("Wrote the soak's section of " + project.relativize(file));
    }

    static String replaceSection(String document, String section) {
        int from = document.indexOf(SECTION);
        int to = document.indexOf(SECTION_END);
        if (from < 0 || to < from) {
            return document.stripTrailing() + "\n\n" + section;
        }
        return document.substring(0, from) + section + document.substring(Math.min(document.length(),
                to + SECTION_END.length() + 1));
    }

    private static void say(String text) {
        System.out.println("[soak] " + text);
    }
}
