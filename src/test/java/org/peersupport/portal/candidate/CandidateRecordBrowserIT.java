package org.peersupport.portal.candidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 4, candidate records, as candidates, supervisors, coordinators and HR meet them in headless Chromium, on
 * the demo cohort the demo start-up creates (Amara Okafor and Dylan Hughes supervised by Grace Mitchell, Priya
 * Raman by Tom Barker). Every page visited is checked with axe-core. Each test leaves the demo enrolments as it
 * found them (active), so other browser tests can rely on them.
 */
class CandidateRecordBrowserIT extends PortalBrowserTest {

    private static final String DEMO_COHORT = "Peer2Peer demo cohort";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.portal());
    }

    @Test
    void issue4_aCandidateSeesTheirDatedScheduleAndAcceptsTheAgreement() throws Exception {
        long amara = demoEnrolment("amara.okafor");
        LocalDateTime last = sessionStart(11);
        LocalDateTime nextWeek = LocalDateTime.now().plusDays(7).withHour(10).withMinute(0).withSecond(0).withNano(0);
        setSessionStart(11, nextWeek); // so that one session is still to come
        try {
            browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
            assertEquals("My learning", browser.heading());
            String course = "#my-course-" + amara;
            assertTrue(browser.find(course).getText().contains(DEMO_COHORT));
            List<WebElement> sessions = browser.findAll(course + " .portal-schedule tbody tr");
            assertEquals(11, sessions.size());
            assertTrue(sessions.get(1).getText().startsWith("Session 2: What is Recovery?"), sessions.get(1).getText());
            assertEquals(10, browser.findAll(course + " .portal-schedule tbody a").size(), "ten sessions are open");
            assertTrue(sessions.get(10).getText().contains("Opens on " + DATE.format(nextWeek)), sessions.get(10).getText());
            assertTrue(browser.findAll(course + " .portal-schedule tbody tr:nth-child(11) a").isEmpty());

            String agreement = browser.find(course + " .portal-agreement").getText();
            assertTrue(agreement.contains("What other people share about their lives stays within the group"), agreement);
            browser.assertAccessible("the candidate's home with the agreement");
            screenshot("candidate-home-agreement");
            browser.clickAndWait(course + " .portal-agreement input[type=submit]");
            assertTrue(browser.text().contains("Your acceptance of the agreement is recorded."), browser.text());
            assertTrue(browser.findAll(course + " .portal-agreement").isEmpty(), "nothing left to accept");
            assertTrue(browser.find(course + " .portal-agreement-accepted summary").getText().startsWith("You accepted it on"));
            assertEquals(1, count("select count(*) from agreement_acceptance where enrolment_id = ?", amara));
            screenshot("candidate-home-accepted");

            browser.clickAndWait(course + " .portal-schedule tbody tr:nth-child(2) a");
            assertEquals("Session 2: What is Recovery?", browser.heading(), "the schedule links to the lesson");
        } finally {
            setSessionStart(11, last);
        }
    }

    @Test
    void issue4_aSupervisorOpensAnAllocatedCandidatesRecordFromMyCandidatesAndAddsANote() throws Exception {
        long amara = demoEnrolment("amara.okafor");
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD);
        browser.clickAndWait(".portal-caseload a[href$='id=" + amara + "']");
        assertEquals("Candidate record: Amara Okafor", browser.heading());
        assertEquals("Grace Mitchell", browser.find("#line-manager").getText(), "the line manager, from the directory");
        assertTrue(browser.find("#profile").getText().contains("Community Mental Health Team North"));
        String record = "#enrolment-" + amara;
        assertTrue(browser.find(record + " h2").getText().contains(DEMO_COHORT));
        assertEquals("Grace Mitchell", browser.find(record + " .supervisor").getText());
        assertEquals(11, browser.findAll(record + " .portal-record-sessions tbody tr").size());
        assertTrue(browser.findAll(record + " input[id$=':pause']").isEmpty(), "only coordinators change statuses");

        browser.clickAndWait(record + " .portal-notes input[type=submit]");
        assertEquals("Write the note first.", browser.find("#note-" + amara + "-error").getText(), "next to the field");
        browser.assertAccessible("a record with a note refused");
        String note = "Talked through <b>session 10</b>; agreed a check-in next week.";
        browser.type(record + " .portal-notes textarea", note).clickAndWait(record + " .portal-notes input[type=submit]");
        assertTrue(browser.text().contains("Note added."));
        List<WebElement> notes = browser.findAll(record + " .portal-note");
        WebElement added = notes.get(notes.size() - 1);
        assertEquals(note, added.findElement(org.openqa.selenium.By.cssSelector(".portal-note__text")).getText(),
                "shown exactly as typed, markup and all");
        assertTrue(added.getText().startsWith("Grace Mitchell, "), added.getText());
        screenshot("record-supervisor-note");

        long priya = demoEnrolment("priya.raman");
        browser.go("records/enrolment.xhtml?id=" + priya);
        assertEquals("Record not available", browser.heading(), "Priya is allocated to another supervisor");
        browser.assertAccessible("a record that is not the reader's");
        assertFalse(browser.text().contains("Priya"), browser.text());
    }

    @Test
    void issue4_aCoordinatorPausesAndResumesSeesTheHistoryAndIsToldWhyAMoveIsRefused() throws Exception {
        long dylan = demoEnrolment("dylan.hughes");
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("records/enrolment.xhtml?id=" + dylan);
        assertEquals("Candidate record: Dylan Hughes", browser.heading());
        assertEquals("Tom Barker", browser.find("#line-manager").getText());
        String record = "#enrolment-" + dylan;
        String pause = record + " input[id$=':pause']";
        String reason = record + " textarea[id$=':reason']";
        assertEquals("Active", status(record));
        browser.assertAccessible("a record as a coordinator sees it");

        browser.clickAndWait(pause);
        assertEquals("Give a reason for making this enrolment paused.", browser.find("#reason-" + dylan + "-error").getText());
        assertEquals("true", browser.find(reason).getAttribute("aria-invalid"));
        browser.type(reason, "Time off for health").clickAndWait(pause);
        assertTrue(browser.text().contains("Status changed to Paused."), browser.text());
        assertEquals("Paused", status(record));
        assertTrue(lastHistoryRow(record).contains("Active to Paused"), lastHistoryRow(record));
        assertTrue(lastHistoryRow(record).contains("Time off for health"));
        assertTrue(lastHistoryRow(record).contains("Sana Iqbal"), "the history names who changed it");

        browser.type(reason, "Finished early").clickAndWait(record + " input[id$=':complete']");
        assertEquals("An enrolment that is paused cannot become completed: it can only become active or withdrawn or "
                + "deferred.", browser.find("#status-" + dylan + "-error").getText(), "the lifecycle's reason, by the buttons");
        assertEquals("Finished early", browser.find(reason).getAttribute("value"), "what was typed is kept");
        assertEquals("Paused", status(record));
        browser.assertAccessible("a record with a refused move");
        screenshot("record-coordinator-refused");

        browser.type(reason, "").clickAndWait(record + " input[id$=':resume']");
        assertTrue(browser.text().contains("Status changed to Active."), browser.text());
        assertEquals("Active", status(record));
        assertTrue(lastHistoryRow(record).contains("Paused to Active"), lastHistoryRow(record));
        screenshot("record-coordinator");
    }

    @Test
    void issue4_aChangeMadeMeanwhileInAnotherWindowIsNotOverwritten() throws Exception {
        long priya = demoEnrolment("priya.raman");
        String record = "#enrolment-" + priya;
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("records/enrolment.xhtml?id=" + priya);
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.go("records/enrolment.xhtml?id=" + priya);
        browser.type(record + " textarea[id$=':reason']", "Family emergency")
                .clickAndWait(record + " input[id$=':pause']");
        assertEquals("Paused", status(record));
        String second = browser.driver().getWindowHandle();
        browser.driver().switchTo().window(first);
        try {
            browser.type(record + " textarea[id$=':reason']", "Moved to another trust")
                    .clickAndWait(record + " input[id$=':withdraw']");
            String refusal = browser.find("#status-" + priya + "-error").getText();
            assertTrue(refusal.startsWith("Someone else changed this enrolment since you opened it"), refusal);
            assertEquals("PAUSED", statusInDatabase(priya), "the other change stands");
            browser.clickAndWait("#status-" + priya + "-error a");
            assertEquals("Paused", status(record), "reloading shows the other change");
        } finally {
            browser.driver().switchTo().window(second).close();
            browser.driver().switchTo().window(first);
        }
        browser.clickAndWait(record + " input[id$=':resume']");
        assertEquals("ACTIVE", statusInDatabase(priya));
    }

    @Test
    void issue4_staffAskForAPlaceAndSeeTheCoordinatorsAnswer() throws Exception {
        try {
            browser.signIn("helen.shaw", DemoDirectory.PASSWORD).go("learning/index.xhtml");
            browser.clickAndWait("a[href$='learning/cohorts.xhtml']");
            assertEquals("Request a place on a course", browser.heading());
            // other test classes' cohorts share the database: Helen finds the demo cohort by its name
            browser.type("#open-search", DEMO_COHORT).clickAndWait("#open-search-submit");
            assertTrue(browser.find("#open-position").getText().startsWith("Showing 1 to"), "found");
            browser.assertAccessible("the open cohorts, searched");
            String cohort = "#cohort-" + demoCohort();
            assertTrue(browser.find(cohort).getText().contains("Already running: you would join it partway through."),
                    "the demo cohort began weeks ago: " + browser.find(cohort).getText());
            browser.type(cohort + " textarea", "My manager has agreed I can attend.").clickAndWait(cohort + " input[type=submit]");
            assertTrue(browser.text().contains("Your request for a place on " + DEMO_COHORT + " is sent."), browser.text());
            assertTrue(browser.find(cohort).getText().contains("You have asked for a place"));
            String request = browser.find(".portal-my-requests tbody tr").getText();
            assertTrue(request.contains("Waiting for a reply"), request);
            assertTrue(request.contains("My manager has agreed I can attend."), "the message reached the coordinator: " + request);

            browser.signOut();

            // the coordinator declines it on the cohort's page, saying why
            browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/cohort.xhtml?id=" + demoCohort());
            String helensRequest = ".portal-requests tr[data-username='helen.shaw']";
            assertTrue(browser.find(helensRequest).getText().contains("My manager has agreed I can attend."),
                    browser.find(helensRequest).getText());
            browser.type(helensRequest + " input[type=text]", "This cohort is full; the spring one has room.")
                    .clickAndWait(helensRequest + " input[id$=':decline']");
            assertTrue(browser.text().contains("Helen Shaw's request is declined."), browser.text());
            browser.signOut();

            // Helen is told, and reads the reason beside her request
            browser.signIn("helen.shaw", DemoDirectory.PASSWORD).go("notices.xhtml");
            List<String> told = browser.findAll(".portal-inbox-item").stream().map(WebElement::getText).toList();
            assertTrue(told.stream().anyMatch(n -> n.contains("Your request for a place on") && n.contains(DEMO_COHORT)
                    && n.contains("was declined")), told.toString());
            browser.go("learning/cohorts.xhtml");
            String mine = browser.find(".portal-my-requests").getText();
            assertTrue(mine.contains("Declined") && mine.contains("This cohort is full; the spring one has room."), mine);
            screenshot("place-requests");
        } finally {
            update("delete from place_request where cohort_id = ? and person_id = (select id from person where username = "
                    + "'helen.shaw')", demoCohort());
        }
    }

    @Test
    void issue4_hrSeesTheEnrolmentListButNeverARecordPage() throws Exception {
        long amara = demoEnrolment("amara.okafor");
        browser.signIn("mark.evans", DemoDirectory.PASSWORD);
        assertEquals("Training records", browser.heading());
        List<String> rows = browser.findAll(".portal-hr-records tbody tr").stream().map(WebElement::getText).toList();
        assertFalse(rows.isEmpty());
        assertTrue(rows.size() <= 25, "one page at a time");
        assertTrue(browser.text().contains("Showing 1 to " + rows.size() + " of "), browser.text());
        if (!browser.findAll("a#next, a[id$='next']").isEmpty()) {
            browser.clickAndWait("a[id$='next']");
            assertTrue(browser.text().contains("Page 2 of"), browser.text());
        }

        // HR looks Amara up by part of her name, in any case
        browser.type("#hr-name", "okaF").clickAndWait("#hr-search");
        assertEquals("okaF", browser.find("#hr-name").getAttribute("value"), "what was typed is kept");
        rows = browser.findAll(".portal-hr-records tbody tr").stream().map(WebElement::getText).toList();
        assertTrue(rows.stream().anyMatch(r -> r.contains("Amara Okafor") && r.contains(DEMO_COHORT)), rows.toString());
        assertTrue(rows.stream().allMatch(r -> r.contains("Okafor")), "only the people looked up: " + rows);
        assertFalse(browser.find("main").getText().contains("Confidential"), "HR sees no notes");
        browser.assertAccessible("HR's list narrowed to one name");
        screenshot("hr-records");
        browser.type("#hr-name", "nobody%by_this name").clickAndWait("#hr-search");
        assertEquals("No enrolments for a name containing \u201cnobody%by_this name\u201d.", browser.find("#hr-no-match").getText());
        browser.clickAndWait("#hr-clear");
        assertEquals("", browser.find("#hr-name").getAttribute("value"));

        browser.go("records/enrolment.xhtml?id=" + amara);
        assertEquals("You do not have access to this page", browser.heading());
        assertFalse(browser.text().contains(DEMO_COHORT), "nothing of the record reaches HR");
        assertFalse(browser.text().contains("Amara"));
    }

    // ---------------------------------------------------------------- helpers

    /** A screenshot of the whole page, not only the window. */
    private static void screenshot(String name) {
        org.openqa.selenium.WebDriver driver = browser.driver();
        org.openqa.selenium.Dimension window = driver.manage().window().getSize();
        long height = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), (int) Math.min(8000, height + 150)));
        try {
            browser.screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    private static String status(String record) {
        return browser.find(record + " .portal-record__status .portal-enrolment-status").getText();
    }

    private static String lastHistoryRow(String record) {
        List<WebElement> rows = browser.findAll(record + " .portal-history tbody tr");
        return rows.get(rows.size() - 1).getText();
    }

    private static long demoEnrolment(String username) throws SQLException {
        return count("select e.id from enrolment e join person p on p.id = e.person_id join cohort c on c.id = e.cohort_id "
                + "where p.username = ? and c.name = ?", username, DEMO_COHORT);
    }

    private static long demoCohort() throws SQLException {
        return count("select id from cohort where name = ?", DEMO_COHORT);
    }

    private static String statusInDatabase(long enrolmentId) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement query = db.prepareStatement("select status from enrolment where id = ?")) {
            query.setLong(1, enrolmentId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static LocalDateTime sessionStart(int number) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement query = db.prepareStatement("select s.starts_at from cohort_session s join cohort c "
                        + "on c.id = s.cohort_id where c.name = ? and s.number = ?")) {
            query.setString(1, DEMO_COHORT);
            query.setInt(2, number);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getTimestamp(1).toLocalDateTime();
            }
        }
    }

    private static void setSessionStart(int number, LocalDateTime at) throws SQLException {
        update("update cohort_session set starts_at = ? where number = ? and cohort_id = (select id from cohort where name = ?)",
                Timestamp.valueOf(at), number, DEMO_COHORT);
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return result.getLong(1);
            }
        }
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
