package org.peersupport.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peersupport.portal.load.JourneyLoad;
import org.peersupport.portal.support.Browser;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.PortalNode;

/**
 * The portal on two real Payara Micro nodes clustered through Payara's Hazelcast, behind HAProxy, on the demo's
 * database and directory (their own, not the other tests'): people keep working, signed in and with what they
 * typed, when the node serving them is killed with {@code kill -9}.
 */
@Tag("processes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static ClusterRun cluster;
    /** The longest a node has taken to come back so far (the rolling restart's timing is planned on it). */
    private static Duration longestRestart = Duration.ofSeconds(45);

    @BeforeAll
    static void startTheCluster() throws Exception {
        Path build = ItServices.Paths.buildDirectory();
        Path data = build.resolve("cluster-it-data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        cluster = ClusterRun.start(build.getParent(), Files.createDirectories(data), EmbeddedServices.freePort(),
                build.resolve("cluster-it"), Map.of());
        LOG.info(() -> "Two nodes and the load balancer ready in " + cluster.startup().toMillis() + " ms");
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * A candidate half-way through a written piece, a supervisor who has chosen her judgements on a review and a
     * coordinator looking at a CSV enrolment preview, all three on the node that is then killed: each one's next
     * action works on the other node, still signed in, with nothing they typed lost.
     */
    @Test
    @Order(1)
    void threePeopleOnTheNodeThatIsKilledCarryOnOnTheOtherWithNothingLost() throws Exception {
        PortalNode doomed = cluster.node("node1");
        long submission = number("select s.id from submission s join enrolment e on e.id = s.enrolment_id join person p "
                + "on p.id = e.person_id where p.username = ? and s.status = 'SUBMITTED' order by s.id desc limit 1",
                "dylan.hughes");
        try (Browser candidate = pinnedTo(doomed); Browser supervisor = pinnedTo(doomed); Browser coordinator = pinnedTo(doomed)) {
            // Amara starts a written piece; what she wrote so far is autosaved
            candidate.signIn("amara.okafor", DemoDirectory.PASSWORD);
            candidate.clickAndWait("a[href*='candidate/portfolio.xhtml?enrolment=']").clickAndWait("#new\\:written");
            candidate.type("#item\\:title", "What hope looks like");
            write(candidate, "Hope, for me, came from someone who had been there.");
            // and saves once: "Saved." after the redirect is kept in the session, not in a cookie only this node can
            // read (Mojarra's flash cookie made the first save on the other node fail with a NullPointerException)
            candidate.clickAndWait("#item\\:save");
            assertTrue(candidate.text().contains("Saved."), candidate.text());
            assertNull(candidate.driver().manage().getCookieNamed("csfcfc"), "no flash cookie");

            // Grace judges every requirement of Dylan's essay met, writes her feedback and her password
            supervisor.signIn("grace.mitchell", DemoDirectory.PASSWORD).go("supervisor/review.xhtml?submission=" + submission);
            assertTrue(supervisor.heading().endsWith("Dylan Hughes"), supervisor.heading());
            List<WebElement> requirements = supervisor.findAll("#review fieldset.portal-requirement");
            assertFalse(requirements.isEmpty(), "requirements to judge");
            requirements.forEach(r -> r.findElement(By.cssSelector("input[type=radio][value='MET']")).click());
            supervisor.type("#review\\:overall", "A clear and honest essay: well done.");
            supervisor.find("#review\\:declared").click();
            supervisor.type("#review\\:password", DemoDirectory.PASSWORD);

            // Sana previews a CSV file of people to enrol on the demo cohort
            coordinator.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/cohort.xhtml?id="
                    + number("select id from cohort where name = ?", "Peer2Peer demo cohort"));
            Path file = Files.createTempFile("enrol-", ".csv");
            Files.writeString(file, "username\njo.lee\n");
            coordinator.find("#csv\\:file").sendKeys(file.toString());
            coordinator.clickAndWait("#csv\\:preview");
            assertEquals(List.of("Jo Lee"), coordinator.findAll(".portal-csv-preview tbody th").stream()
                    .map(WebElement::getText).toList());

            for (Browser browser : List.of(candidate, supervisor, coordinator)) {
                assertEquals(doomed.name(), servingNode(browser), "served by the node to be killed");
            }
            doomed.kill();
            assertTrue(doomed.refusesConnections(), doomed.name() + " is gone");

            // Amara writes on (autosaved on the other node) and saves: title and every word are kept
            write(candidate, " Then I learnt to offer it to others.");
            candidate.clickAndWait("#item\\:save");
            assertTrue(candidate.text().contains("Saved."), candidate.text());
            assertEquals("What hope looks like", candidate.find("#item\\:title").getAttribute("value"));
            assertEquals(1, number("select count(*) from evidence_item where title = ? and body_html like "
                    + "'%been there.%Then I learnt to offer it to others.%'", "What hope looks like"), "the whole text saved");
            candidate.screenshot("cluster-candidate-after-failover");

            // Grace signs off with the judgements and words she gave before the node died
            supervisor.clickAndWait("#review\\:signOff");
            assertTrue(supervisor.text().contains("is signed off."), supervisor.text());
            assertEquals(1, number("select count(*) from assessment_decision where submission_id = " + submission
                    + " and to_status = 'SIGNED_OFF' and identity_verified and feedback = ?",
                    "A clear and honest essay: well done."), "one sign-off with Grace's words");
            supervisor.screenshot("cluster-supervisor-after-failover");

            // Sana confirms the preview she was looking at
            coordinator.clickAndWait("#csvConfirm\\:confirm");
            assertTrue(coordinator.text().contains("1 people from the file are enrolled on Peer2Peer demo cohort."),
                    coordinator.text());
            assertEquals(1, number("select count(*) from enrolment e join person p on p.id = e.person_id join cohort c "
                    + "on c.id = e.cohort_id where p.username = 'jo.lee' and c.name = ?", "Peer2Peer demo cohort"));

            for (Browser browser : List.of(candidate, supervisor, coordinator)) {
                assertNotEquals(doomed.name(), servingNode(browser), "served by the other node");
            }
        }
        bringBack(doomed);
    }

    /**
     * Both nodes restarted one at a time, each taken out of the load balancer first, while signed-in users follow
     * the load benchmark's journeys: not one request fails. The nodes come back with the daily jobs set to the same
     * minute, and each job runs once for the two of them.
     */
    @Test
    @Order(4)
    void aRollingRestartUnderLoadFailsNoRequestAndTheDailyJobsRunOncePerCluster() throws Exception {
        LocalTime at = LocalTime.now(UK).plusSeconds(3 * longestRestart.toSeconds() + 60).truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        LocalDate day = LocalDate.now(UK);
        assertTrue(at.isAfter(LocalTime.now(UK)), "not across midnight");
        try (Connection db = cluster.services().portalDatabase(); Statement sql = db.createStatement()) {
            sql.executeUpdate("delete from job_run where run_date = current_date"); // today is free for both jobs
        }
        cluster.writeSettings(Map.of("portal.retention.time", at.toString(), "portal.reminder.time", at.toString()));
        Map<String, Long> logFrom = new java.util.HashMap<>();

        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            int seconds = (int) (2 * longestRestart.toSeconds() + 60);
            Future<JourneyLoad.Outcome> load = background.submit(() -> JourneyLoad.run(cluster.url(),
                    List.of("lesson", "portfolio", "review", "hr"), 1, seconds,
                    ItServices.Paths.buildDirectory().resolve("cluster-it/rolling-restart-load")));
            for (PortalNode node : cluster.nodes()) {
                cluster.balancer().drain(node);
                node.stop();
                assertTrue(node.refusesConnections(), node.name() + " is stopped");
                logFrom.put(node.name(), Files.size(node.log()));
                node.start().awaitServing();
                cluster.balancer().restore(node);
            }
            LocalTime restarted = LocalTime.now(UK);
            assertTrue(restarted.isBefore(at), "both nodes were back (" + restarted + ") before the jobs' minute " + at);
            JourneyLoad.Outcome outcome = load.get(10, TimeUnit.MINUTES);
            LOG.info(() -> "Rolling restart under load: " + outcome.requests() + " requests, report " + outcome.report());
            assertTrue(outcome.requests() > 100, "load ran: " + outcome.requests() + " requests");
            assertEquals(List.of(), outcome.failures(), "failed requests during the rolling restart");
        } finally {
            background.shutdownNow();
        }

        for (String job : List.of("retention-purge", "overdue-reminder")) {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (number("select count(*) from job_run where job = ? and run_date = current_date and finished_at is not null",
                    job) == 0) {
                assertTrue(System.nanoTime() < deadline, "the " + job + " job ran by " + at + " plus three minutes");
                TimeUnit.SECONDS.sleep(1); // polling the database for the condition
            }
        }
        for (String[] job : new String[][] {{"Retention purge for " + day, "retention"}, {"Overdue reminder for " + day, "reminder"}}) {
            long ran = 0;
            long skipped = 0;
            for (PortalNode node : cluster.nodes()) {
                String log = Files.readString(node.log()).substring(logFrom.get(node.name()).intValue());
                ran += log.lines().filter(line -> line.contains(job[0] + ":")).count();
                skipped += log.lines().filter(line -> line.contains(job[0] + " already run by another node")).count();
            }
            assertEquals(1, ran, "one node ran the " + job[1] + " job");
            assertEquals(1, skipped, "the other node's timer fired too, and skipped the " + job[1] + " job");
        }
    }

    /** Starts a killed node again and waits until the load balancer sends people to it. */
    private static void bringBack(PortalNode node) throws Exception {
        long started = System.nanoTime();
        node.start().awaitServing();
        cluster.balancer().restore(node);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(() -> node.name() + " back in the load balancer after " + took.toMillis() + " ms");
        if (took.compareTo(longestRestart) > 0) {
            longestRestart = took;
        }
    }

    /** A browser whose requests the load balancer sends to {@code node} (its stickiness cookie set beforehand). */
    private static Browser pinnedTo(PortalNode node) {
        Browser browser = Browser.open(cluster.url());
        browser.driver().get(browser.url("resources/portal/portal.css"));
        browser.driver().manage().addCookie(new Cookie(LoadBalancer.COOKIE, node.name(), "/"));
        return browser;
    }

    /** Types at the end of the rich-text editor and waits for the autosave to say it saved. */
    private static void write(Browser browser, String words) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('item:autosave').textContent = ''");
        WebElement editor = browser.find(".ql-editor");
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(words);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("item:autosave")).getText().startsWith("Saved at"));
    }

    /** The node the load balancer keeps this browser on (its cookie). */
    private static String servingNode(Browser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed(LoadBalancer.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static long number(String sql, String... parameters) throws Exception {
        try (Connection db = cluster.services().portalDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

}
