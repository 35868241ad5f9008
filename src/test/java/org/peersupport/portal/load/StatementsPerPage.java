package org.peersupport.portal.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peersupport.portal.reporting.ReportBenchmark;
import org.peersupport.portal.support.EmbeddedServices;

/**
 * Statements per page (issue 18): the SQL statements the portal's database role runs for one request of each page the
 * load benchmark's journeys visit, counted by PostgreSQL's pg_stat_statements, each page asked for once first so that
 * what it caches is in place. The benchmark measures the same accounts (its first candidate, supervisor and HR
 * officer) with the first staff it generates and again with all of them: a page whose count grows with the data runs a
 * query per row somewhere ({@link #grown}), and the benchmark fails.
 */
final class StatementsPerPage {

    /** The connection pool's validation query, as pg_stat_statements normalises it. */
    static final String VALIDATION = "SELECT $1";

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final EmbeddedServices services;
    private final String base;
    private final Path texts;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    private StatementsPerPage(EmbeddedServices services, String base, Path texts) {
        this.services = services;
        this.base = base;
        this.texts = texts;
    }

    /**
     * Each page's statements for one warm request, in the journeys' order, as the accounts' first of each role; the
     * statements themselves, with their calls, are written to {@code texts} (one file per page).
     */
    static Map<String, Long> measure(EmbeddedServices services, String base, Map<String, List<String>> accounts,
            Path texts) throws Exception {
        Files.createDirectories(texts);
        StatementsPerPage pages = new StatementsPerPage(services, base, texts);
        pages.candidate(accounts.get("candidate").get(0));
        pages.supervisor(accounts.get("supervisor").get(0));
        pages.hr(accounts.get("hr").get(0));
        return pages.counts;
    }

    /** The report's table: each page's count with the first staff and with all (the first column only when measured). */
    static String table(Map<String, Long> fewer, Map<String, Long> all, int firstStaff, int staff) {
        if (all.isEmpty()) {
            return "Not measured.\n";
        }
        StringBuilder md = new StringBuilder("SQL statements the portal's database role sent for one request of each page "
                + "(the page asked for once before, so that what it caches is in place), counted by pg_stat_statements "
                + "(`track=top`, `track_utility=off`: not the statements of its functions and triggers, nor BEGIN and COMMIT); "
                + "\"save draft\" is the post and the page it redirects to. The fewer of two requests, not counting the "
                + "pool's connection validation (at most once per connection every 2 s, so it comes with the clock, not "
                + "the page).");
        if (fewer.isEmpty()) {
            md.append(" Measured with all the staff only (reused data): not compared.\n\n| page | statements |\n|---|---|\n");
            all.forEach((page, count) -> md.append("| ").append(page).append(" | ").append(count).append(" |\n"));
            return md.toString();
        }
        md.append(String.format(Locale.UK, " Measured with the first %,d staff generated and again with all %,d; the "
                + "benchmark fails when a count grew.%n%n| page | %,d staff | %,d staff |%n|---|---|---|%n", firstStaff, staff,
                firstStaff, staff));
        all.forEach((page, count) -> md.append("| ").append(page).append(" | ").append(fewer.getOrDefault(page, -1L))
                .append(" | ").append(count).append(" |\n"));
        return md.toString();
    }

    /** The pages whose count at the larger data set is above the count at the smaller one, with both counts. */
    static List<String> grown(Map<String, Long> smaller, Map<String, Long> larger) {
        List<String> grown = new ArrayList<>();
        smaller.forEach((page, before) -> {
            Long after = larger.get(page);
            if (after != null && after > before) {
                grown.add(page + ": " + before + " → " + after);
            }
        });
        return grown;
    }

    private void candidate(String candidate) throws Exception {
        HttpClient http = signedIn(candidate);
        count("lesson", http, get("learning/lesson.xhtml?course=PEER2PEER&session=1"));
        String home = send(http, get("candidate/index.xhtml")).body();
        Matcher place = Pattern.compile("candidate/portfolio\\.xhtml\\?enrolment=(\\d+)\"[^>]*>[^<]*"
                + Pattern.quote(PortalSimulation.COHORT)).matcher(home);
        if (!place.find()) {
            throw new IllegalStateException(candidate + " has no place on " + PortalSimulation.COHORT);
        }
        String portfolioPath = "candidate/portfolio.xhtml?enrolment=" + place.group(1);
        String portfolio = count("portfolio", http, get(portfolioPath));
        // a written piece of her own to open and save, started the way the portfolio journey starts one
        HttpResponse<String> started = send(http, post(portfolioPath, portfolio, "new=new&new%3Awritten=New+written+piece",
                "form id=\"new\""));
        Matcher draft = Pattern.compile("evidence\\.xhtml\\?(?:.*&)?id=(\\d+)").matcher(started.uri().toString());
        if (!draft.find()) {
            throw new IllegalStateException("starting a written piece went to " + started.uri());
        }
        String draftPath = "candidate/evidence.xhtml?id=" + draft.group(1);
        String editor = count("draft", http, get(draftPath));
        String title = PortalSimulation.DRAFT_TITLE + " (statements per page)";
        String form = "item=item&item%3Atitle=" + encode(title) + "&item%3Abody_input="
                + encode("<p>What I learnt about recovery this week.</p>") + "&item%3Asave=Save";
        send(http, post(draftPath, editor, form, "form id=\"item\""));
        String[] page = new String[1];
        measure("save draft", () -> page[0] = send(http, get(draftPath)).body(), () -> {
            HttpResponse<String> saved = send(http, post(draftPath, page[0], form, "form id=\"item\""));
            if (!saved.body().contains(title)) {
                throw new IllegalStateException("the draft was not saved: " + saved.uri());
            }
        });
    }

    private void supervisor(String supervisor) throws Exception {
        HttpClient http = signedIn(supervisor);
        String queue = count("review queue", http, get("supervisor/queue.xhtml"));
        Matcher submission = Pattern.compile("supervisor/review\\.xhtml\\?submission=(\\d+)").matcher(queue);
        if (!submission.find()) {
            throw new IllegalStateException(supervisor + "'s review queue lists no submission");
        }
        count("submission for review", http, get("supervisor/review.xhtml?submission=" + submission.group(1)));
    }

    private void hr(String hr) throws Exception {
        HttpClient http = signedIn(hr);
        String dashboard = count("dashboard", http, get("hr/dashboard.xhtml"));
        Matcher export = Pattern.compile("id=\"export-completion-csv\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"export-completion-csv\"")
                .matcher(dashboard);
        if (!export.find()) {
            throw new IllegalStateException("no completion export on the dashboard");
        }
        String href = (export.group(1) != null ? export.group(1) : export.group(2)).replace("&amp;", "&");
        count("completion export CSV", http, HttpRequest.newBuilder(URI.create(base).resolve(href)).GET());
    }

    /** Asks once (warming what the page caches), then counts the statements of the requests after it; its body. */
    private String count(String page, HttpClient http, HttpRequest.Builder request) throws Exception {
        send(http, request);
        String[] body = new String[1];
        measure(page, () -> { }, () -> body[0] = send(http, request).body());
        return body[0];
    }

    /**
     * The page's statements: the fewer of two requests, each after {@code prepare} (not counted), and not counting
     * the pool's connection validation ({@link #VALIDATION}: at most once per connection every 2 s, so whether a
     * request meets one depends on the clock, not on the page). The fewer of two, because an insert now and then
     * draws a new block of ids from its sequence. The statements of the request counted are written to a file.
     */
    private void measure(String page, ReportBenchmark.Request prepare, ReportBenchmark.Request request)
            throws Exception {
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            prepare.run();
            List<List<String>> seen = new ArrayList<>();
            ReportBenchmark.statements(services, request, seen::add);
            long statements = seen.get(0).stream().filter(line -> !line.endsWith(" × " + VALIDATION))
                    .mapToLong(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).sum();
            if (statements < fewest) {
                fewest = statements;
                write(page, seen.get(0));
            }
        }
        counts.put(page, fewest);
    }

    private void write(String page, List<String> seen) {
        try {
            Files.write(texts.resolve(page.replace(' ', '-') + ".txt"), seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        LoadBenchmark.signIn(http, base, username);
        return http;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    /** The form starting at {@code formStart} on {@code page}, posted as a browser posts it with {@code fields}. */
    private HttpRequest.Builder post(String path, String page, String fields, String formStart) {
        int form = page.indexOf(formStart);
        Matcher state = VIEW_STATE.matcher(page);
        if (form < 0 || !state.find(form)) {
            throw new IllegalStateException("no form (" + formStart + ") with a view state on " + path);
        }
        String body = fields + "&jakarta.faces.ViewState=" + encode(state.group(1)) + "&primefaces.nonce="
                + encode(LoadBenchmark.pageNonce(page));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.uri().getPath().endsWith("signin.xhtml")) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + " at "
                    + response.uri());
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
