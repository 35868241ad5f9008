package org.peersupport.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.peersupport.portal.demo.DemoRun;
import org.peersupport.portal.demo.DemoWar;
import org.peersupport.portal.support.Browser;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.PortalNode;

/**
 * Issue 17, item 4: outages, with real processes. One Payara Micro node with the demo WAR, its own embedded
 * PostgreSQL (data in {@code target/outage}, new each run), the demo directory and a GreenMail relay, all of which
 * the tests stop and start again. Each test first proves the fault took effect (the stopped server's port refuses
 * connections, readiness says so, the email's first try failed) and only then what people see and the recovery.
 */
@Tag("processes")
class OutageIT {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.peersupport.portal.i18n.messages");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static EmbeddedServices services;
    private static PortalNode node;
    private static GreenMail relay;
    private static int smtpPort;

    @BeforeAll
    static void start() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path target = project.resolve("target");
        Path data = target.resolve("outage");
        deleteTree(data); // a database of its own, new each run: the demo story loads once, nothing of an earlier run
        services = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"), data.resolve("postgres"));
        try {
            smtpPort = EmbeddedServices.freePort();
            relay = startRelay();
            Path settings = DemoRun.prepare(services, data, Map.of(
                    "portal.smtp.host", "127.0.0.1",
                    "portal.smtp.port", Integer.toString(smtpPort),
                    "portal.smtp.from", "Peer Support Training Portal (outage test) <portal@northshire-demo.nhs.example>",
                    "portal.smtp.starttls", "false"));
            node = PortalNode.of("outage", target, EmbeddedServices.freePort(), settings, DemoWar.build(target),
                    data.resolve("node.log"), List.of());
            node.start().awaitServing();
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.stop();
        }
        if (relay != null) {
            relay.stop();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void issue17_whileTheDatabaseIsDownPagesAnswer503TheFormKeepsWhatWasTypedAndTheAutosaveRetriesUntilThePoolRecovers()
            throws Exception {
        String typedTitle = "Written while the database was down";
        String typedWords = "Hope grows when someone listens without judging.";
        try (Browser browser = Browser.open(node.url())) {
            browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
            browser.clickAndWait("a[href*='candidate/portfolio.xhtml?enrolment=']");
            browser.clickAndWait("#new\\:written");
            assertTrue(browser.heading().startsWith("Edit: Written piece"), browser.heading());
            long item = Long.parseLong(browser.driver().getCurrentUrl().replaceFirst(".*[?&]id=(\\d+).*", "$1"));
            assertEquals(200L, ((Number) fetch(browser, "candidate/index.xhtml").get("status")).longValue(),
                    "her home opens before the outage");
            long pid = node.process().pid();

            services.stopDatabase();
            try {
                assertTrue(EmbeddedServices.refusesConnections(services.postgresPort()),
                        "PostgreSQL is stopped: its port refuses connections");
                awaitTrue(() -> readiness().statusCode() == 503, "readiness reports the portal down");
                HttpResponse<String> ready = readiness();
                assertTrue(ready.body().matches("(?s).*\"name\"\\s*:\\s*\"database\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\".*"),
                        "the database is what is down: " + ready.body());

                // a page, asked for by her browser: 503, Retry-After, plain words from the bundle and no stack trace
                Map<?, ?> page = fetch(browser, "candidate/index.xhtml");
                assertEquals(503L, ((Number) page.get("status")).longValue(), page + "\n" + node.logTail(30));
                assertEquals("60", page.get("retryAfter"), "Retry-After is sent");
                String body = plain((String) page.get("body"));
                String main = body.substring(body.indexOf("<main"), body.indexOf("</main>"));
                assertTrue(main.contains(TEXT.getString("error.503.title")), main);
                assertTrue(main.contains(TEXT.getString("error.503.body")), main);
                assertTrue(main.contains(TEXT.getString("error.503.retry")), main);
                assertFalse(body.matches("(?s).*(\\w+Exception[:\\s]|\\n\\s*at [\\w.$]+\\().*"), "no stack trace: " + main);

                // HR's reporting system asks the API: 503 with Retry-After and the API's JSON problem, not the page
                HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(node.url()
                        + "api/completions?since=2026-01-01&size=1")).header("Authorization",
                        DemoDirectory.basic(DemoDirectory.API_SERVICE_ACCOUNT, DemoDirectory.API_SERVICE_PASSWORD)));
                assertEquals(503, api.statusCode(), api.body());
                assertEquals("60", api.headers().firstValue("Retry-After").orElse(""), "Retry-After is sent to the API");
                assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                        api.headers().map().toString());
                JsonObject problem = Json.createReader(new StringReader(api.body())).readObject();
                assertEquals(503, problem.getInt("status"), api.body());
                assertEquals(TEXT.getString("api.unavailable"), problem.getString("message"), api.body());

                // a form post: the same form again, with what she typed and why it was not saved; 503
                browser.type("#item\\:title", typedTitle);
                browser.clickAndWait("#item\\:save");
                assertEquals(503L, ((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return performance.getEntriesByType('navigation')[0].responseStatus")).longValue(),
                        "the form post is answered 503");
                assertTrue(browser.find("#messages").getText().contains(TEXT.getString("outage.notSaved")),
                        browser.find("#messages").getText());
                assertEquals(typedTitle, browser.find("#item\\:title").getAttribute("value"), "the typed title is kept");
                browser.screenshot("outage-form-kept");

                // the autosave cannot save and says it tries again
                WebElement editor = browser.find(".ql-editor");
                editor.click();
                editor.sendKeys(typedWords);
                String retrying = TEXT.getString("evidence.autosave.retrying");
                String retryingPrefix = retrying.substring(0, retrying.indexOf("{0}"));
                awaitTrue(() -> autosaveStatus(browser).text().startsWith(retryingPrefix),
                        "the autosave says it could not save and tries again");
                // the script says "trying again in 5 seconds", then "trying again now", then 10 seconds: each a problem
                AutosaveStatus status = autosaveStatus(browser);
                assertTrue(status.problem(), "said as a problem, not in the green of a save: " + status);
                browser.screenshot("outage-autosave-retrying");

                // the page she would see in another tab: the plain 503 page, accessible, then back to her form
                String form = browser.driver().getWindowHandle();
                browser.driver().switchTo().newWindow(WindowType.TAB);
                browser.go("candidate/index.xhtml");
                assertEquals(TEXT.getString("error.503.title"), browser.heading());
                browser.assertAccessible("the 503 page").screenshot("outage-503-page");
                browser.driver().close();
                browser.driver().switchTo().window(form);
            } finally {
                services.startDatabase();
            }
            assertFalse(EmbeddedServices.refusesConnections(services.postgresPort()), "PostgreSQL is back");

            // the same node, never restarted, recovers: the autosave gets through, readiness is up, pages open
            awaitTrue(() -> autosaveStatus(browser).text().startsWith("Saved at"), "the autosave gets through");
            assertTrue(text("select body_html from evidence_item where id = " + item).contains(typedWords),
                    "the autosaved words are in the database");
            awaitTrue(() -> readiness().statusCode() == 200, "readiness reports the portal up again");
            assertTrue(node.isAlive() && node.process().pid() == pid, "the node was not restarted");
            assertEquals(200L, ((Number) fetch(browser, "candidate/index.xhtml").get("status")).longValue(),
                    "her home opens again");
            browser.clickAndWait("#item\\:save");
            assertTrue(browser.text().contains(TEXT.getString("evidence.saved")), browser.text());
            assertEquals(typedTitle, text("select title from evidence_item where id = " + item), "the kept title is saved");
        }
    }

    @Test
    void issue17_whileTheDirectoryIsDownSignInSaysSoThoseSignedInKeepWorkingAndSignOffExplainsItCannotCheckThePassword()
            throws Exception {
        long submission = id("select s.id from submission s join enrolment e on e.id = s.enrolment_id "
                + "join person p on p.id = e.person_id join assessment_task t on t.id = s.task_id "
                + "where p.username = 'dylan.hughes' and t.code = 'ESSAY' and s.status = 'SUBMITTED'");
        String feedback = "A moving account; every requirement is met.";
        try (Browser grace = Browser.open(node.url()); Browser visitor = Browser.open(node.url())) {
            grace.signIn("grace.mitchell", DemoDirectory.PASSWORD).go("supervisor/review.xhtml?submission=" + submission);

            services.stopDirectory();
            try {
                assertTrue(EmbeddedServices.refusesConnections(services.ldapPort()),
                        "the directory is stopped: its port refuses connections");
                awaitTrue(() -> readiness().statusCode() == 503, "readiness reports the portal down");
                assertTrue(readiness().body().matches("(?s).*\"name\"\\s*:\\s*\"directory\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\".*"),
                        readiness().body());

                visitor.signIn("amara.okafor", DemoDirectory.PASSWORD);
                assertEquals("/signin.xhtml", visitor.currentPath(), "nobody signs in without the directory");
                assertTrue(visitor.text().contains(TEXT.getString("signin.directoryUnavailable")), visitor.text());
                assertFalse(visitor.text().contains(TEXT.getString("signin.failed")), "never 'wrong password'");

                // Grace, signed in before, keeps working
                grace.go("supervisor/index.xhtml");
                assertEquals("/supervisor/index.xhtml", grace.currentPath());
                assertFalse(grace.findAll("h1").isEmpty());
                grace.go("supervisor/review.xhtml?submission=" + submission);
                judgeAll(grace, "MET");
                grace.type("#review\\:overall", feedback);
                grace.find("#review\\:declared").click();
                grace.type("#review\\:password", DemoDirectory.PASSWORD).clickAndWait("#review\\:signOff");
                assertTrue(grace.text().contains(TEXT.getString("assessment.password.unavailable")), grace.text());
                assertFalse(grace.text().contains(TEXT.getString("assessment.password.wrong")), "never 'wrong password'");
                assertEquals(feedback, grace.find("#review\\:overall").getAttribute("value"), "her feedback is kept");
                for (WebElement requirement : grace.findAll("#review fieldset.portal-requirement")) {
                    assertTrue(requirement.findElement(By.cssSelector("input[type=radio][value='MET']")).isSelected(),
                            "her judgements are kept");
                }
                assertEquals("SUBMITTED", text("select status from submission where id = " + submission),
                        "nothing was signed off");
                grace.screenshot("outage-signoff-directory");
            } finally {
                services.startDirectory();
            }
            assertFalse(EmbeddedServices.refusesConnections(services.ldapPort()), "the directory is back");
            awaitTrue(() -> readiness().statusCode() == 200, "readiness reports the portal up again");
            visitor.signIn("amara.okafor", DemoDirectory.PASSWORD);
            assertFalse("/signin.xhtml".equals(visitor.currentPath()), "sign-in works again: " + visitor.text());
        }
    }

    @Test
    void issue17_aNoticeRaisedWhileTheMailRelayIsDownIsKeptAndEmailedOnceItIsBack() throws Exception {
        long submission = id("select s.id from submission s join enrolment e on e.id = s.enrolment_id "
                + "join person p on p.id = e.person_id join assessment_task t on t.id = s.task_id "
                + "where p.username = 'samuel.osei' and t.code = 'PORTFOLIO' and s.status = 'SUBMITTED'");
        long samuel = id("select id from person where username = 'samuel.osei'");
        long before = id("select coalesce(max(id), 0) from notice where recipient_id = " + samuel);
        String address = "samuel.osei@northshire-demo.nhs.example";

        relay.stop();
        relay = null;
        try {
            assertTrue(EmbeddedServices.refusesConnections(smtpPort), "the mail relay is stopped: its port refuses");
            try (Browser morgan = Browser.open(node.url())) {
                morgan.signIn("morgan.price", DemoDirectory.PASSWORD).go("supervisor/review.xhtml?submission=" + submission);
                judgeAll(morgan, "NOT_YET");
                morgan.type("#review\\:overall", "Say more about how you keep to the boundaries of the role.");
                morgan.clickAndWait("#review\\:referBack");
                assertEquals("REFERRED_BACK", text("select status from submission where id = " + submission),
                        morgan.text());
            }
            String notice = "select id from notice where recipient_id = " + samuel + " and id > " + before
                    + " order by id desc limit 1";
            awaitTrue(() -> !text(notice).isEmpty(), "Samuel has a notice");
            long id = Long.parseLong(text(notice));
            awaitTrue(() -> Integer.parseInt(text("select email_attempts from notice where id = " + id)) >= 1,
                    "the email was tried once the notice committed");
            assertEquals("PENDING", text("select email_state from notice where id = " + id),
                    "the relay did not take it, so it is kept");
        } finally {
            if (relay == null) {
                relay = startRelay();
            }
        }
        String title = text("select title from notice where id > " + before + " and recipient_id = " + samuel
                + " order by id desc limit 1");
        awaitTrue(() -> !mailsTo(address).isEmpty(), "the kept email arrives once the relay is back");
        List<MimeMessage> mails = mailsTo(address);
        assertEquals(1, mails.size(), "one email");
        assertEquals(title, mails.get(0).getSubject());
        awaitTrue(() -> "SENT".equals(text("select email_state from notice where recipient_id = " + samuel
                + " and id > " + before + " order by id desc limit 1")), "the notice says its email went");
    }

    // ---------------------------------------------------------------- helpers

    private static void judgeAll(Browser browser, String value) {
        for (WebElement requirement : browser.findAll("#review fieldset.portal-requirement")) {
            WebElement choice = requirement.findElement(By.cssSelector("input[type=radio][value='" + value + "']"));
            choice.click();
            if (!"MET".equals(value)) {
                requirement.findElement(By.tagName("textarea")).sendKeys("Tell us more about this one.");
            }
        }
    }

    /** The autosave's status region read in one go in the page, so a re-render between finding and reading cannot
     * make it stale: its text, and whether it is said as a problem. */
    private static AutosaveStatus autosaveStatus(Browser browser) {
        Map<?, ?> status = (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const region = document.getElementById('item:autosave');
                return {text: region ? region.innerText.trim() : '',
                        problem: !!(region && region.querySelector('.portal-field-error'))};""");
        return new AutosaveStatus((String) status.get("text"), Boolean.TRUE.equals(status.get("problem")));
    }

    private record AutosaveStatus(String text, boolean problem) {
    }

    private static GreenMail startRelay() {
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    private static List<MimeMessage> mailsTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : relay.getReceivedMessages()) {
            try {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    if (recipient.toString().contains(address)) {
                        found.add(message);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** What the browser gets for the page, with its session, without leaving the page it is on. */
    private static Map<?, ?> fetch(Browser browser, String path) {
        return (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})
                    .then(r => r.text().then(body => done({status: r.status, retryAfter: r.headers.get('Retry-After'),
                        body: body})))
                    .catch(e => done({status: -1, body: String(e)}));""", browser.url(path));
    }

    private static HttpResponse<String> readiness() {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + "/health/ready")));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls the condition until it holds (at most {@link #WAIT}); fails with the message and the node's log. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250); // polling interval, not a wait standing in for the condition
        }
        throw new AssertionError("Not within " + WAIT + ": " + what + ". The node's log ends:\n" + node.logTail(40));
    }

    /** The page's HTML with the character references Facelets writes (apostrophes, quotes) read back. */
    private static String plain(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static long id(String query) {
        return Long.parseLong(text(query));
    }

    /** The first column of the first row, or "" when there is none. */
    private static String text(String query) {
        try (Connection db = services.portalDatabase(); PreparedStatement statement = db.prepareStatement(query);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? String.valueOf(row.getString(1)) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
