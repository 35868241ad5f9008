package org.peersupport.portal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every page of every role, proven: every view, servlet and REST path found in the deployed WAR
 * ({@code target/portal.war}) is requested by every caller below, signed in through the real sign-in form against the
 * demo directory, and each answer is compared with {@link #EXPECTED}. A path found in the WAR but missing from the
 * table fails the test, so a page added later must be given its line. No answer may be a 500. Each signed-in caller's
 * navigation (and notices link) must lead only to pages that open for them.
 */
@ExtendWith(ArquillianExtension.class)
class AccessSweepIT {

    /**
     * The callers, in the table's column order: each role's demo account, a person with two roles, a person in no
     * portal group, and a browser that has not signed in.
     */
    private static final Map<String, String> CALLERS = callers();

    private static Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("cand", "amara.okafor");   // candidate, on the demo cohort, allocated to Grace
        callers.put("sup", "grace.mitchell");  // supervisor of Amara and Dylan on the demo cohort (not of Priya)
        callers.put("ver", "helen.shaw");      // verifier
        callers.put("coord", "sana.iqbal");    // coordinator
        callers.put("hr", "mark.evans");       // HR
        callers.put("safe", "nadia.rahman");   // designated safeguarding lead
        callers.put("ig", "iris.campbell");    // information governance (data protection officer)
        callers.put("multi", "morgan.price");  // supervisor and coordinator
        callers.put("none", "jo.lee");         // in the directory, in no portal group
        callers.put("out", null);              // signed out
        return callers;
    }

    /**
     * What each caller gets at each address. {@code 200} the page; {@code 403} the "You do not have access" page;
     * {@code 404} not found (also a record the caller may not know exists); {@code 401} the API asks for credentials;
     * {@code in} a redirect to the sign-in form; {@code go} a redirect to the caller's own start page. Values in braces
     * are records of the demo data: {@code {amara-enrolment}} is Amara's place on the demo cohort (hers; supervised by
     * Grace), {@code {priya-enrolment}} Priya's (neither Amara's nor Grace's); {@code {missing}} an id no record has.
     * The API is called with HTTP Basic and the caller's password, as its clients do; pages with the form's session.
     */
    static final String EXPECTED = """
            path                                                            cand  sup   ver   coord hr    safe  ig    multi none  out
            home.xhtml                                                      go    go    go    go    go    go    go    go    go    in
            signin.xhtml                                                    go    go    go    go    go    go    go    go    go    200
            no-access.xhtml                                                 200   200   200   200   200   200   200   200   200   in
            notices.xhtml                                                   200   200   200   200   200   200   200   200   403   in
            expired.xhtml                                                   200   200   200   200   200   200   200   200   200   200
            privacy.xhtml                                                   200   200   200   200   200   200   200   200   200   200
            verify.xhtml                                                    200   200   200   200   200   200   200   200   200   200
            verify.xhtml?code=NOSUCHCODE                                    200   200   200   200   200   200   200   200   200   200
            candidate/index.xhtml                                           200   403   403   403   403   403   403   403   403   in
            candidate/portfolio.xhtml?enrolment={amara-enrolment}           200   403   403   403   403   403   403   403   403   in
            candidate/portfolio.xhtml?enrolment={priya-enrolment}           404   403   403   403   403   403   403   403   403   in
            candidate/matrix.xhtml?enrolment={amara-enrolment}              200   403   403   403   403   403   403   403   403   in
            candidate/matrix.xhtml?enrolment={priya-enrolment}              404   403   403   403   403   403   403   403   403   in
            candidate/evidence.xhtml?enrolment={amara-enrolment}&kind=FILE  200   403   403   403   403   403   403   403   403   in
            candidate/evidence.xhtml?enrolment={priya-enrolment}&kind=FILE  404   403   403   403   403   403   403   403   403   in
            candidate/evidence.xhtml?id={missing}                           404   403   403   403   403   403   403   403   403   in
            candidate/submit.xhtml?enrolment={amara-enrolment}&task={task}  200   403   403   403   403   403   403   403   403   in
            candidate/submit.xhtml?enrolment={priya-enrolment}&task={task}  404   403   403   403   403   403   403   403   403   in
            candidate/submission.xhtml?id={missing}                         404   403   403   403   403   403   403   403   403   in
            candidate/feedback.xhtml?submission={missing}                   404   403   403   403   403   403   403   403   403   in
            records/enrolment.xhtml?id={amara-enrolment}                    200   200   403   200   403   403   403   200   403   in
            records/enrolment.xhtml?id={priya-enrolment}                    404   404   403   200   403   403   403   200   403   in
            records/enrolment.xhtml?id={missing}                            404   404   403   404   403   403   403   404   403   in
            supervisor/index.xhtml                                          403   200   403   403   403   403   403   200   403   in
            supervisor/conflicts.xhtml                                      403   200   403   403   403   403   403   200   403   in
            supervisor/queue.xhtml                                          403   200   403   403   403   403   403   200   403   in
            supervisor/portfolio.xhtml?enrolment={amara-enrolment}          403   200   403   403   403   403   403   404   403   in
            supervisor/portfolio.xhtml?enrolment={priya-enrolment}          403   404   403   403   403   403   403   404   403   in
            supervisor/submission.xhtml?id={missing}                        403   404   403   403   403   403   403   404   403   in
            supervisor/review.xhtml?submission={missing}                    403   404   403   403   403   403   403   404   403   in
            verifier/index.xhtml                                            403   403   200   403   403   403   403   403   403   in
            verifier/sample.xhtml?decision={missing}                        403   403   404   403   403   403   403   403   403   in
            coordinator/index.xhtml                                         403   403   403   200   403   403   403   200   403   in
            coordinator/cohorts.xhtml                                       403   403   403   200   403   403   403   200   403   in
            coordinator/cohort.xhtml?id={demo-cohort}                       403   403   403   200   403   403   403   200   403   in
            coordinator/cohort.xhtml?id={missing}                           403   403   403   404   403   403   403   404   403   in
            coordinator/register.xhtml?session={demo-cohort-session}        403   403   403   200   403   403   403   200   403   in
            coordinator/course.xhtml?id={course}                            403   403   403   200   403   403   403   200   403   in
            coordinator/structure.xhtml?course={course}                     403   403   403   200   403   403   403   200   403   in
            coordinator/session.xhtml?id={course-session}                   403   403   403   200   403   403   403   200   403   in
            coordinator/warning.xhtml?session={course-session}              403   403   403   200   403   403   403   200   403   in
            coordinator/attendance/{demo-cohort}.csv                        403   403   403   200   403   403   403   200   403   in
            coordinator/export/{course}                                     403   403   403   200   403   403   403   200   403   in
            hr/index.xhtml                                                  403   403   403   403   200   403   403   403   403   in
            hr/dashboard.xhtml                                              403   403   403   403   200   403   403   403   403   in
            hr/people.xhtml                                                 403   403   403   403   200   403   403   403   403   in
            hr/staff.xhtml?person={amara-person}                            403   403   403   403   200   403   403   403   403   in
            hr/staff.xhtml?person={missing}                                 403   403   403   403   404   403   403   403   403   in
            hr/export/people.csv                                            403   403   403   403   200   403   403   403   403   in
            candidate/reads.xhtml                                           200   403   403   403   403   403   403   403   403   in
            governance/audit.xhtml                                          403   403   403   403   403   403   200   403   403   in
            governance/audit.xhtml?person=amara.okafor&action=READS_OF_WORK 403   403   403   403   403   403   200   403   403   in
            governance/audit.xhtml?from=not-a-date                          403   403   403   403   403   403   200   403   403   in
            governance/audit.csv?person=amara.okafor                        403   403   403   403   403   403   200   403   403   in
            governance/index.xhtml                                          403   403   403   403   403   403   200   403   403   in
            governance/index.xhtml?q=okafor                                 403   403   403   403   403   403   200   403   403   in
            governance/request.xhtml?person={amara-person}                  403   403   403   403   403   403   200   403   403   in
            governance/request.xhtml?person={missing}                       403   403   403   403   403   403   404   403   403   in
            governance/request.xhtml?id={missing}                           403   403   403   403   403   403   404   403   403   in
            governance/export/{missing}                                     403   403   403   403   403   403   404   403   403   in
            governance/retention.xhtml                                      403   403   403   403   403   403   200   403   403   in
            governance/retention.xhtml?person={amara-person}                403   403   403   403   403   403   200   403   403   in
            governance/retention.xhtml?person={missing}                     403   403   403   403   403   403   404   403   403   in
            governance/erase.xhtml?person={amara-person}                    403   403   403   403   403   403   200   403   403   in
            governance/erase.xhtml?person={missing}                         403   403   403   403   403   403   404   403   403   in
            governance/erase.xhtml                                          403   403   403   403   403   403   404   403   403   in
            my-data/export.zip                                              200   200   200   200   200   200   200   200   403   in
            safeguarding/index.xhtml                                        403   403   403   403   403   200   403   403   403   in
            learning/index.xhtml                                            200   200   200   200   200   200   403   200   403   in
            learning/course.xhtml?course=PEER2PEER                          200   200   200   200   200   200   403   200   403   in
            learning/lesson.xhtml?course=PEER2PEER&session=1                200   200   200   200   200   200   403   200   403   in
            learning/glossary.xhtml?course=PEER2PEER                        200   200   200   200   200   200   403   200   403   in
            learning/cohorts.xhtml                                          200   200   200   200   200   200   403   200   403   in
            learning/files/{missing}                                        404   404   404   404   404   404   403   404   403   in
            witness/testimonies.xhtml                                       200   200   200   200   200   200   200   200   200   in
            certificates/{amara-certificate}                                200   403   403   200   403   403   403   200   403   in
            certificates/{missing}                                          404   403   403   404   403   403   403   404   403   in
            evidence/files/item/{missing}                                   404   404   403   403   403   403   403   404   403   in
            evidence/files/submitted/{missing}                              404   404   404   403   403   403   403   404   403   in
            api/completions?since=2020-01-01                                403   403   403   403   200   403   403   403   403   401
            api/people/amara.okafor/training                                403   403   403   403   200   403   403   403   403   401
            api/courses/PEER2PEER/status-counts                             403   403   403   403   200   403   403   403   403   401
            """;

    private static final String FORBIDDEN_PAGE = "You do not have access to this page";

    /**
     * The shipped WAR with the coordinators' test fixture (under {@code /coordinator/test-fixture/}, not in
     * portal.war, so not swept), which gives Amara a completed place and its certificate.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withCoordinatorFixture();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyPathOfTheWarAnswersEveryCallerAsTheTableSaysAndNeverWithA500() throws Exception {
        List<Row> rows = parse(EXPECTED);
        Discovered found = discover(ItServices.Paths.buildDirectory().resolve("portal.war"));

        List<String> missing = new ArrayList<>();
        for (String path : found.all()) {
            Pattern pattern = pattern(path);
            if (rows.stream().noneMatch(row -> pattern.matcher(row.path()).matches())) {
                missing.add(path);
            }
        }
        assertTrue(missing.isEmpty(), () -> "Found in portal.war but not in AccessSweepIT.EXPECTED: " + missing
                + ". Add a line for each to the table, with what every caller should get.");
        List<String> stale = rows.stream().map(Row::path)
                .filter(row -> found.all().stream().noneMatch(path -> pattern(path).matcher(row).matches())).toList();
        assertTrue(stale.isEmpty(), () -> "AccessSweepIT.EXPECTED has lines for paths portal.war no longer has: " + stale);

        Map<String, HttpClient> sessions = new LinkedHashMap<>();
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            sessions.put(caller.getKey(), caller.getValue() == null ? client() : signedIn(caller.getValue()));
        }
        Map<String, String> fixtures = fixtures(sessions.get("coord"));
        HttpClient api = client();

        long started = System.nanoTime();
        List<String> mismatches = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, List<String>> actual = new LinkedHashMap<>();
        int requests = 0;
        for (Row row : rows) {
            String address = substitute(row.path(), fixtures);
            List<String> answers = new ArrayList<>();
            int column = 0;
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                HttpResponse<String> response = row.path().startsWith("api/")
                        ? api.send(apiRequest(address, caller.getValue()), HttpResponse.BodyHandlers.ofString())
                        : sessions.get(caller.getKey()).send(request(address).build(), HttpResponse.BodyHandlers.ofString());
                requests++;
                String answer = answer(response);
                answers.add(answer);
                String where = address + " as " + caller.getKey() + " (" + caller.getValue() + ")";
                if (response.statusCode() >= 500) {
                    errors.add(where + ": " + response.statusCode());
                }
                if (answer.equals("403") && !row.path().startsWith("api/") && !response.body().contains(FORBIDDEN_PAGE)) {
                    errors.add(where + ": 403 without the refusal page");
                }
                String expected = row.expected().get(column++);
                if (!expected.equals(answer)) {
                    mismatches.add(where + ": expected " + expected + ", got " + answer);
                }
            }
            actual.put(row.path(), answers);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("Access sweep: %d paths found in portal.war (%d views, %d servlet and REST paths), %d table lines"
                + " x %d callers = %d requests in %d s%n", found.all().size(), found.views().size(),
                found.all().size() - found.views().size(), rows.size(), CALLERS.size(), requests, seconds);
        if (!mismatches.isEmpty() || !errors.isEmpty()) {
            System.out.println("What the portal answered, as a table:\n" + table(actual));
        }
        assertTrue(errors.isEmpty(), () -> "Server errors or refusals without the refusal page:\n" + String.join("\n", errors));
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " cells differ from the table:\n"
                + String.join("\n", mismatches) + "\nWhat the portal answered:\n" + table(actual));

        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            if (caller.getValue() != null) {
                navigationOpens(caller.getKey(), sessions.get(caller.getKey()));
            }
        }
    }

    /** Every link of the caller's navigation, and their notices link, opens a page (no refusal, no error). */
    private void navigationOpens(String caller, HttpClient session) throws Exception {
        HttpResponse<String> home = follow(session, "home.xhtml");
        assertEquals(200, home.statusCode(), caller + "'s start page");
        Matcher nav = Pattern.compile("<nav class=\"portal-nav\".*?</nav>", Pattern.DOTALL).matcher(home.body());
        Set<String> links = new LinkedHashSet<>();
        if (nav.find()) {
            Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(nav.group());
            while (href.find()) {
                links.add(href.group(1));
            }
        }
        Matcher notices = Pattern.compile("<a id=\"noticesLink\"[^>]*href=\"([^\"]+)\"|<a [^>]*href=\"([^\"]+)\"[^>]*id=\"noticesLink\"")
                .matcher(home.body());
        if (notices.find()) {
            links.add(notices.group(1) != null ? notices.group(1) : notices.group(2));
        }
        // a role's home, the courses and the notices; information governance reads no course
        int least = switch (caller) {
            case "none" -> 0;
            case "ig" -> 2;
            default -> 3;
        };
        assertTrue(links.size() >= least, () -> caller + "'s navigation and notices link: " + links);
        for (String link : links) {
            String path = link.replace("&amp;", "&").substring(URI.create(base.toString()).getPath().length());
            HttpResponse<String> page = session.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), caller + "'s navigation leads to " + path + ", which answered " + answer(page));
        }
    }

    // ---------------------------------------------------------------- the table

    record Row(String path, List<String> expected) {
    }

    static List<Row> parse(String table) {
        List<Row> rows = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            if (cells[0].equals("path")) {
                assertEquals(List.copyOf(CALLERS.keySet()), List.of(cells).subList(1, cells.length), "the table's columns");
                continue;
            }
            assertEquals(CALLERS.size() + 1, cells.length, "one cell per caller in: " + line);
            rows.add(new Row(cells[0], List.of(cells).subList(1, cells.length)));
        }
        return rows;
    }

    private static String table(Map<String, List<String>> actual) {
        int width = actual.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
        StringBuilder out = new StringBuilder(String.format("%-" + width + "s", "path"));
        CALLERS.keySet().forEach(caller -> out.append(String.format("%-6s", caller)));
        out.append('\n');
        actual.forEach((path, answers) -> {
            out.append(String.format("%-" + width + "s", path));
            answers.forEach(answer -> out.append(String.format("%-6s", answer)));
            out.append('\n');
        });
        return out.toString().replaceAll(" +\n", "\n");
    }

    /** A view matches itself with any query; a servlet's {@code /x/*} anything under it; a REST {@code {param}} one segment. */
    private static Pattern pattern(String path) {
        if (path.endsWith("/*")) {
            return Pattern.compile(Pattern.quote(path.substring(0, path.length() - 1)) + ".+");
        }
        String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/?]+\\\\Q");
        return Pattern.compile(regex + "(\\?.*)?");
    }

    private static String substitute(String path, Map<String, String> fixtures) {
        Matcher placeholder = Pattern.compile("\\{([a-z-]+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = fixtures.get(placeholder.group(1));
            if (value == null) {
                fail("No demo record for {" + placeholder.group(1) + "} in " + path + "; known: " + fixtures.keySet());
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(out).toString();
    }

    // ---------------------------------------------------------------- requests

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
    }

    private HttpRequest apiRequest(String path, String username) {
        HttpRequest.Builder request = request(path);
        if (username != null) {
            request.header("Authorization", DemoDirectory.basic(username, DemoDirectory.PASSWORD));
        }
        return request.build();
    }

    /** The answer as the table writes it. */
    private String answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 301 || status == 302 || status == 303 || status == 307) {
            String location = response.headers().firstValue("Location").orElse("");
            return location.contains("/signin.xhtml") ? "in" : "go";
        }
        return Integer.toString(status);
    }

    private HttpResponse<String> follow(HttpClient session, String path) throws Exception {
        HttpResponse<String> response = session.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = session.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    /** A new session signed in through the sign-in form, as a browser does it. */
    private HttpClient signedIn(String username) throws Exception {
        HttpClient session = client();
        HttpResponse<String> form = session.send(request("signin.xhtml").build(), HttpResponse.BodyHandlers.ofString());
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(viewState.find(), "the sign-in form carries its view state");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin", "signin");
        fields.put("signin:username", username);
        fields.put("signin:password", DemoDirectory.PASSWORD);
        fields.put("signin:submit", "Sign in");
        fields.put("jakarta.faces.ViewState", viewState.group(1).replace("&#58;", ":"));
        // the page's script nonce, which PrimeFaces' script posts back with every form
        Matcher nonce = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"").matcher(form.body());
        assertTrue(nonce.find(), "the sign-in page's scripts carry a nonce");
        fields.put("primefaces.nonce", nonce.group(1));
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = session.send(request("signin.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        assertTrue(signedIn.statusCode() / 100 == 3 && !location.contains("signin.xhtml"),
                () -> username + " signs in through the form: " + signedIn.statusCode() + " " + location);
        return session;
    }

    // ---------------------------------------------------------------- the demo records

    /** The demo data's records the table names, and Amara's certificate of a place completed by the fixture. */
    private Map<String, String> fixtures(HttpClient coordinator) throws Exception {
        Map<String, String> fixtures = new LinkedHashMap<>();
        HttpResponse<String> completed = coordinator.send(request("coordinator/test-fixture/complete").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher enrolment = Pattern.compile("<span id=\"enrolment\">(\\d+)</span>").matcher(completed.body());
        assertTrue(enrolment.find(), () -> "the fixture completed a place for Amara: " + completed.body());
        try (Connection db = ItServices.get().portalDatabase()) {
            fixtures.put("amara-certificate", one(db, "select id from certificate where enrolment_id = ?",
                    Long.parseLong(enrolment.group(1))));
            String demoCohort = "select e.id from enrolment e join person p on p.id = e.person_id join cohort c "
                    + "on c.id = e.cohort_id where p.username = ? and c.name = 'Peer2Peer demo cohort'";
            fixtures.put("amara-enrolment", one(db, demoCohort, "amara.okafor"));
            fixtures.put("priya-enrolment", one(db, demoCohort, "priya.raman"));
            fixtures.put("amara-person", one(db, "select id from person where username = ?", "amara.okafor"));
            fixtures.put("demo-cohort", one(db, "select id from cohort where name = 'Peer2Peer demo cohort'"));
            fixtures.put("demo-cohort-session", one(db, "select s.id from cohort_session s join cohort c on c.id = s.cohort_id "
                    + "where c.name = 'Peer2Peer demo cohort' and s.number = 1"));
            String course = one(db, "select id from course where code = 'PEER2PEER' and status = 'PUBLISHED'");
            fixtures.put("course", course);
            fixtures.put("course-session", one(db, "select id from course_session where course_id = ? and number = 1",
                    Long.parseLong(course)));
            fixtures.put("task", one(db, "select id from assessment_task where course_id = ? order by position limit 1",
                    Long.parseLong(course)));
        }
        fixtures.put("missing", "987654321");
        return fixtures;
    }

    private static String one(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "the demo data has a record for: " + sql);
                return result.getString(1);
            }
        }
    }

    // ---------------------------------------------------------------- what the WAR holds

    record Discovered(Set<String> views, Set<String> others) {
        Set<String> all() {
            Set<String> all = new TreeSet<>(views);
            all.addAll(others);
            return all;
        }
    }

    /**
     * The WAR's views (every {@code .xhtml} outside WEB-INF), its servlets' and filters' URL patterns (annotations of
     * the classes in WEB-INF/classes, and web.xml's mappings other than the Faces servlet's {@code *.xhtml}), and its
     * JAX-RS resources' paths under the application path.
     */
    static Discovered discover(Path war) throws Exception {
        Set<String> views = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        Path unpacked = Files.createTempDirectory("access-sweep-war");
        List<String> classNames = new ArrayList<>();
        List<URL> classPath = new ArrayList<>();
        Files.createDirectories(unpacked.resolve("WEB-INF/classes"));
        classPath.add(unpacked.resolve("WEB-INF/classes").toUri().toURL()); // a folder: its URL ends in a slash
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.endsWith(".xhtml") && !name.startsWith("WEB-INF/") && !name.startsWith("META-INF/")) {
                    views.add(name);
                } else if (name.equals("WEB-INF/web.xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        others.addAll(webXmlMappings(in));
                    }
                } else if (name.startsWith("WEB-INF/classes/") || (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))) {
                    Path target = unpacked.resolve(name);
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    if (name.startsWith("WEB-INF/lib/")) {
                        classPath.add(target.toUri().toURL());
                    } else if (name.endsWith(".class") && mentionsAWebAnnotation(target)) {
                        classNames.add(name.substring("WEB-INF/classes/".length(), name.length() - ".class".length())
                                .replace('/', '.'));
                    }
                }
            }
        }
        // the WAR's own classes, not the ones the test JVM compiled: the parent does not hand out the portal's packages
        ClassLoader apis = new ClassLoader(AccessSweepIT.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.peersupport.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        try (URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new), apis)) {
            String application = null;
            List<Class<?>> resources = new ArrayList<>();
            for (String className : classNames) {
                Class<?> type = Class.forName(className, false, loader);
                WebServlet servlet = type.getAnnotation(WebServlet.class);
                if (servlet != null) {
                    for (String pattern : concat(servlet.value(), servlet.urlPatterns())) {
                        others.add(pattern.replaceFirst("^/", ""));
                    }
                }
                WebFilter filter = type.getAnnotation(WebFilter.class);
                if (filter != null) {
                    for (String pattern : concat(filter.value(), filter.urlPatterns())) {
                        if (!pattern.equals("/*")) { // a filter on everything adds no path of its own
                            others.add(pattern.replaceFirst("^/", ""));
                        }
                    }
                }
                ApplicationPath applicationPath = type.getAnnotation(ApplicationPath.class);
                if (applicationPath != null) {
                    application = applicationPath.value();
                }
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
            for (Class<?> resource : resources) {
                String root = application + "/" + resource.getAnnotation(jakarta.ws.rs.Path.class).value();
                for (Method method : resource.getDeclaredMethods()) {
                    jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
                    if (path != null) {
                        others.add((root + "/" + path.value()).replaceAll("/+", "/").replaceFirst("^/", ""));
                    }
                }
            }
        }
        return new Discovered(views, others);
    }

    private static boolean mentionsAWebAnnotation(Path classFile) throws IOException {
        String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        return bytes.contains("Ljakarta/servlet/annotation/WebServlet;") || bytes.contains("Ljakarta/servlet/annotation/WebFilter;")
                || bytes.contains("Ljakarta/ws/rs/Path;") || bytes.contains("Ljakarta/ws/rs/ApplicationPath;");
    }

    private static List<String> concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all;
    }

    /** web.xml's servlet mappings, but the Faces servlet's extension mapping (its views are listed one by one). */
    private static Set<String> webXmlMappings(InputStream webXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(webXml);
        Set<String> patterns = new TreeSet<>();
        NodeList mappings = document.getElementsByTagNameNS("*", "servlet-mapping");
        for (int i = 0; i < mappings.getLength(); i++) {
            NodeList urls = ((org.w3c.dom.Element) mappings.item(i)).getElementsByTagNameNS("*", "url-pattern");
            for (int j = 0; j < urls.getLength(); j++) {
                String pattern = urls.item(j).getTextContent().strip();
                if (!pattern.startsWith("*.")) {
                    patterns.add(pattern.replaceFirst("^/", ""));
                }
            }
        }
        return patterns;
    }
}
