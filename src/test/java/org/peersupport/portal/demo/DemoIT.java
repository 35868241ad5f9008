package org.peersupport.portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peersupport.portal.support.Browser;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.ItServices;

/**
 * Issue 14: the demo as a visitor meets it. Starts the demo exactly as {@code mvn -Pdemo} does ({@link DemoRun}) on
 * an empty database of its own, so the story is played through the boundaries; then signs in as every demo account
 * in Chromium and finds the work of its role on its first page; checks the history the story leaves (a year of
 * completions with certificates dated when they happened, every step in the audit trail); and restarts the demo on
 * the same database to check that nothing is loaded twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoIT {

    private static final Logger LOG = Logger.getLogger(DemoIT.class.getName());

    /** What each demo account's first page shows, in its main region. */
    private static final Map<DemoAccount, List<String>> FIRST_PAGE = new LinkedHashMap<>();

    static {
        FIRST_PAGE.put(DemoAccount.AMARA, List.of("/candidate/index.xhtml", "Welcome, Amara Okafor",
                "Peer2Peer demo cohort", "Your course has started. Please read the agreement and accept it.",
                "You have not submitted any work yet."));
        FIRST_PAGE.put(DemoAccount.DYLAN, List.of("/candidate/index.xhtml", "Personal recovery story essay",
                "Waiting for review"));
        FIRST_PAGE.put(DemoAccount.PRIYA, List.of("/candidate/index.xhtml", "Attempt 2", "Waiting for review",
                "Attempt 1", "Referred back"));
        FIRST_PAGE.put(DemoAccount.GRACE, List.of("/supervisor/index.xhtml", "Amara Okafor", "Dylan Hughes",
                "1 submission is waiting for your review."));
        FIRST_PAGE.put(DemoAccount.TOM, List.of("/supervisor/index.xhtml", "Priya Raman",
                "1 submission is waiting for your review."));
        FIRST_PAGE.put(DemoAccount.HELEN, List.of("/verifier/index.xhtml", "Samuel Osei", "Personal recovery story essay",
                "Morgan Price", "Picked candidate"));
        FIRST_PAGE.put(DemoAccount.SANA, List.of("/coordinator/index.xhtml", "Waiting for you", "Callum Reid",
                "Decide Callum Reid\u2019s request for Peer2Peer demo cohort"));
        FIRST_PAGE.put(DemoAccount.MARK, List.of("/hr/index.xhtml", "Aisha Begum", "Completed"));
        FIRST_PAGE.put(DemoAccount.NADIA, List.of("/safeguarding/index.xhtml", "About Dylan Hughes", "Leah Burns"));
        FIRST_PAGE.put(DemoAccount.IRIS, List.of("/governance/index.xhtml", "Subject access requests", "Leah Burns",
                "days left", "Personal data the portal holds"));
        FIRST_PAGE.put(DemoAccount.MORGAN, List.of("/supervisor/index.xhtml", "Samuel Osei",
                "1 submission is waiting for your review."));
        FIRST_PAGE.put(DemoAccount.JO, List.of("/no-access.xhtml"));
    }

    /** The notice each account has waiting, by its title. */
    private static final Map<DemoAccount, String> NOTICE = Map.of(
            DemoAccount.GRACE, "Dylan Hughes submitted work for review",
            DemoAccount.TOM, "Priya Raman submitted work for review",
            DemoAccount.HELEN, "A sign-off for Samuel Osei is sampled for verification",
            DemoAccount.SANA, "Callum Reid asked for a place on Peer2Peer demo cohort",
            DemoAccount.MORGAN, "Callum Reid asked for a place on Peer2Peer demo cohort",
            DemoAccount.NADIA, "A new safeguarding concern is waiting for you",
            DemoAccount.PRIYA, "Your work on Personal recovery story essay (Peer2Peer) was referred back");

    private static Path project;
    private static Path data;
    private static DemoRun run;
    private static Browser browser;

    @BeforeAll
    static void startTheDemoOnAnEmptyDatabase() throws Exception {
        project = ItServices.Paths.projectDirectory();
        data = Files.createTempDirectory(ItServices.Paths.buildDirectory(), "demo-it-");
        run = DemoRun.start(project, data, EmbeddedServices.freePort(), ItServices.Paths.buildDirectory()
                .resolve("demo-it-payara.log"));
        LOG.info(() -> "The demo started on an empty database in " + run.startup().toMillis() + " ms");
        browser = Browser.open(run.url());
    }

    @AfterAll
    static void stopTheDemo() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (run != null) {
            run.close();
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @BeforeEach
    void signedOut() {
        browser.clearCookies();
    }

    @AfterEach
    void noPolicyViolations() {
        browser.assertNoPolicyViolations();
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(DemoAccount.class)
    void issue14_everyDemoAccountsFirstPageShowsWorkOfItsRole(DemoAccount account) {
        browser.signIn(account.username(), DemoCast.PASSWORD);
        List<String> expected = FIRST_PAGE.get(account);
        assertEquals(expected.get(0), browser.currentPath(), account.username() + " lands on their role's home page");
        String main = browser.find("main").getText();
        for (String text : expected.subList(1, expected.size())) {
            assertTrue(main.contains(text), account.username() + "'s first page shows \"" + text + "\":\n" + main);
        }
        browser.assertAccessible("first page of " + account.username()).screenshot("demo-" + account.username());
        if (NOTICE.containsKey(account)) {
            assertTrue(account == DemoAccount.PRIYA || browser.find("header").getText().matches("(?s).*Notices\\s*[1-9].*"), account.username()
                    + " sees an unread notice in the header (Priya has read hers):\n" + browser.find("header").getText());
            browser.go("notices.xhtml");
            String notices = browser.find("main").getText();
            assertTrue(notices.contains(NOTICE.get(account)), account.username() + " has the notice \""
                    + NOTICE.get(account) + "\":\n" + notices);
        }
    }

    @Order(2)
    @Test
    void issue14_hrsDashboardShowsAYearOfCompletionsAcrossTwoOrganisations() {
        browser.signIn(DemoAccount.MARK.username(), DemoCast.PASSWORD);
        browser.go("hr/dashboard.xhtml");
        String main = browser.find("main").getText();
        for (String text : List.of("Mind in Westshire (charity)", "Northshire Health and Care NHS Foundation Trust",
                "Completed", "Overdue")) {
            assertTrue(main.contains(text), "the dashboard shows " + text + ":\n" + main);
        }
        assertTrue(!main.contains("\u2014 %") && main.matches("(?s).*\\d+(\\.\\d)? ?%.*"),
                "the rates are figures, not dashes:\n" + main);
        browser.assertAccessible("HR dashboard of the demo").screenshot("demo-hr-dashboard");
    }

    @Order(3)
    @Test
    void issue14_lastYearsCohortFinishedWithCertificatesDatedWhenItHappenedAndEveryStepAudited() throws SQLException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        try (Connection db = run.services().portalDatabase()) {
            List<Map<String, Object>> places = rows(db, "select p.username, e.status, e.completed_at from enrolment e "
                    + "join person p on p.id = e.person_id join cohort c on c.id = e.cohort_id where c.name = ? "
                    + "order by p.username", DemoStory.lastYearsName());
            Map<String, String> statuses = new LinkedHashMap<>();
            places.forEach(r -> statuses.put((String) r.get("username"), (String) r.get("status")));
            assertEquals(Map.of("aisha.begum", "COMPLETED", "callum.reid", "WITHDRAWN", "ellen.walsh", "COMPLETED",
                    "kofi.mensah", "COMPLETED", "leah.burns", "COMPLETED", "ruth.cohen", "COMPLETED",
                    "samuel.osei", "DEFERRED"), statuses);
            List<Map<String, Object>> certificates = rows(db, "select c.issued_at from certificate c join enrolment e "
                    + "on e.id = c.enrolment_id join cohort co on co.id = e.cohort_id where co.name = ?",
                    DemoStory.lastYearsName());
            assertEquals(5, certificates.size(), "five certificates");
            for (Map<String, Object> certificate : certificates) {
                LocalDate issued = ((java.sql.Timestamp) certificate.get("issued_at")).toLocalDateTime().toLocalDate();
                assertTrue(issued.isBefore(today.minusMonths(6)), "issued when the cohort finished: " + issued);
            }
            for (String action : List.of("COHORT_CREATED", "ENROLMENT_CREATED", "ENROLMENT_WITHDRAWN", "ENROLMENT_DEFERRED",
                    "SUBMISSION_CREATED", "CERTIFICATE_ISSUED", "PLACE_REQUESTED", "NOTICE_SENT")) {
                assertTrue(count(db, "select count(*) from audit_entry where action = ? and occurred_at < ?", action,
                        java.sql.Timestamp.valueOf(today.atStartOfDay())) > 0, action + " is in the audit trail, dated "
                        + "before today");
            }
            assertEquals(2, count(db, "select count(*) from safeguarding_concern"), "one closed, one open concern");
            assertEquals(1, count(db, "select count(*) from safeguarding_concern where closed_at is null"));
            assertTrue(count(db, "select count(distinct organisation) from person where directory_id like 'generated:%'") == 2,
                    "the generated staff work in two organisations");
            assertTrue(count(db, "select count(*) from person") > 300, "a few hundred staff");
        }
    }

    @Order(4)
    @Test
    void issue14_aRestartOnTheDemoDatabaseLoadsNothingTwice() throws Exception {
        Map<String, Long> before = counts();
        run.close();
        run = DemoRun.start(project, data, EmbeddedServices.freePort(), ItServices.Paths.buildDirectory()
                .resolve("demo-it-payara-restart.log"));
        LOG.info(() -> "The demo restarted on its database in " + run.startup().toMillis() + " ms");
        assertEquals(before, counts(), "the same rows after a restart");
        browser.close();
        browser = Browser.open(run.url());
        browser.signIn(DemoAccount.GRACE.username(), DemoCast.PASSWORD);
        String main = browser.find("main").getText();
        assertTrue(main.contains("1 submission is waiting for your review."), "still one, not two:\n" + main);
    }

    private static Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection db = run.services().portalDatabase()) {
            for (String table : List.of("person", "course", "cohort", "enrolment", "enrolment_status_change",
                    "attendance_mark", "lesson_progress", "evidence_item", "submission", "assessment_decision",
                    "certificate", "notice", "safeguarding_concern", "place_request", "sampling_plan")) {
                counts.put(table, count(db, "select count(*) from " + table));
            }
            counts.put("audit_entry (not sign-ins)", count(db, "select count(*) from audit_entry where action not like "
                    + "'SIGN_%' and action not like 'PERSON_%'"));
        }
        return counts;
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        return ((Number) rows(db, sql, parameters).get(0).values().iterator().next()).longValue();
    }

    private static List<Map<String, Object>> rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
