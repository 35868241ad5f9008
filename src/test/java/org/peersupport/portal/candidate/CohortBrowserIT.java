package org.peersupport.portal.candidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 4, the coordinator's cohort pages, in headless Chromium against the shipped WAR in demo mode. The demo run
 * has the Peer2Peer demo cohort (Amara Okafor, Dylan Hughes and Priya Raman; Grace Mitchell supervises the first
 * two, Tom Barker Priya), and other test classes may add cohorts and allocations to the same database, so each test
 * makes a cohort with a name of its own and looks only at that cohort's rows.
 */
class CohortBrowserIT extends PortalBrowserTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final List<String> THREE = List.of("Amara Okafor", "Dylan Hughes", "Priya Raman");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.portal());
    }

    @Test
    void issue4_aCoordinatorSetsUpACohortWhoseFirstLessonIsOpenAndOpensTheSecondEarly() throws Exception {
        String name = newName();

        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD);
        browser.clickAndWait("#cohorts-link");
        assertEquals("Cohorts", browser.heading());
        assertEquals("Cohorts", browser.find(".portal-nav__link--current").getText(), "the Cohorts entry is current");
        assertEquals(1, browser.findAll(".portal-nav__link--current").size());
        createCohort(name, yesterday(), 3);
        assertEquals(name, browser.heading());
        assertTrue(browser.text().contains("Cohort " + name + " is set up."), browser.text());
        assertEquals("0 of 3 places taken, 3 free", browser.find("#places").getText());

        // the first session was yesterday, so its lesson is open; the second opens in six days unless opened early
        assertEquals("Open", lessonState(1));
        assertTrue(lessonState(2).startsWith("Opens "), lessonState(2));
        assertTrue(browser.findAll("tr[data-session='2'] a[href*='register.xhtml']").isEmpty(), "no register before the day");
        browser.screenshot("cohort-new");
        openTheSecondSessionEarly();
        assertTrue(lessonState(3).startsWith("Opens "));
    }

    @Test
    void issue4_aCoordinatorEnrolsSomeoneFromTheDirectoryThenOthersFromAPreviewedFileUntilTheCohortIsFull()
            throws Exception {
        String name = newName();
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/cohorts.xhtml");
        createCohort(name, yesterday(), 3);

        // one candidate found in the directory
        browser.type("#search\\:query", "okafor").clickAndWait("#search\\:submit");
        browser.clickAndWait(".portal-found tr[data-username='amara.okafor'] input[type=submit]");
        assertTrue(browser.text().contains("Amara Okafor is enrolled on " + name + "."), browser.text());
        assertEquals(List.of("Amara Okafor"), candidateNames());

        // a file with a bad row: the problem with its line, and nobody enrolled
        uploadCsv("username,name\ndylan.hughes,Dylan Hughes\nno.such.person,Nobody\n");
        assertTrue(browser.find("#csv-problems").getText().contains("line 3: no.such.person is not a person in the directory"),
                browser.find("#csv-problems").getText());
        assertTrue(browser.findAll("#csvConfirm\\:confirm").isEmpty(), "a file with problems cannot be confirmed");
        assertEquals(List.of("Amara Okafor"), candidateNames(), "nothing imported from a file with a problem");
        browser.assertAccessible("a CSV file with a problem").screenshot("cohort-csv-problem");

        // two more from a good file: previewed, nobody enrolled until confirmed
        uploadCsv("username\ndylan.hughes\npriya.raman\n");
        List<String> preview = browser.findAll(".portal-csv-preview tbody th").stream().map(WebElement::getText).toList();
        assertEquals(List.of("Dylan Hughes", "Priya Raman"), preview);
        assertEquals(List.of("Amara Okafor"), candidateNames(), "the preview enrols nobody");
        browser.assertAccessible("a CSV preview").screenshot("cohort-csv-preview");
        browser.clickAndWait("#csvConfirm\\:confirm");
        assertTrue(browser.text().contains("2 people from the file are enrolled on " + name + "."), browser.text());
        assertEquals(THREE, candidateNames());
        assertEquals("3 of 3 places taken, 0 free", browser.find("#places").getText());

        // the cohort is full
        browser.type("#search\\:query", "helen.shaw").clickAndWait("#search\\:submit");
        browser.clickAndWait(".portal-found tr[data-username='helen.shaw'] input[type=submit]");
        String full = browser.find("#search\\:query-message").getText();
        assertTrue(full.contains("has 3 places and 0 are free"), full);
        assertEquals(THREE, candidateNames());
    }

    @Test
    void issue4_aCoordinatorTakesTheRegisterOfTheFirstSessionAndDownloadsTheWholeRegister() throws Exception {
        String name = newName();
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/cohorts.xhtml");
        createCohort(name, yesterday(), 3);
        enrolTheThree(name);

        // the register of the first session
        browser.clickAndWait("tr[data-session='1'] a[href*='register.xhtml']");
        assertEquals("Register: session 1, Introduction", browser.heading());
        browser.clickAndWait("#register\\:save");
        assertTrue(browser.text().contains("Choose a mark for Amara Okafor."), "every unmarked candidate is named");
        browser.assertAccessible("a register with candidates unmarked").screenshot("register-unmarked");
        browser.clickAndWait("#register\\:allPresent");
        assertEquals(3, browser.findAll("#register input[type=radio][value=PRESENT]:checked").size());
        mark("Dylan Hughes", "LATE");
        mark("Priya Raman", "ABSENT");
        browser.clickAndWait("#register\\:save");
        assertTrue(browser.text().contains("The register for session 1 is saved: 1 present, 1 late, 1 absent, 0 with apologies."),
                browser.text());
        assertTrue(registerRadio("Priya Raman", "ABSENT").isSelected(), "the saved register shows the marks");
        browser.screenshot("register");
        browser.clickAndWait(".portal-breadcrumb a");
        assertEquals("100% (1 of 1 sessions)", candidateCell("dylan.hughes", "attendance"));
        assertEquals("0% (0 of 1 sessions) Below 80%", candidateCell("priya.raman", "attendance"));

        // the whole register downloads for the coordinator's records, as the page shows it
        String csv = download("#attendance-csv", "text/csv");
        assertTrue(csv.contains(",Session 1: Introduction ("), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("Dylan Hughes,") && l.contains(",Late,") && l.endsWith(",1,1,100,Yes")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("Priya Raman,") && l.contains(",Absent,") && l.endsWith(",0,1,0,No")), csv);
        assertTrue(download("#attendance-xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .startsWith("PK"), "an Excel workbook is a zip");
    }

    @Test
    void issue4_aCoordinatorAllocatesASupervisorWithRoomWhoSeesTheirCandidatesAndTheirAttendance() throws Exception {
        String name = newName();
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/cohorts.xhtml");
        long id = createCohort(name, yesterday(), 3);
        enrolTheThree(name);
        // the caseload shows attendance: session 1's register, saved as the register test saves it
        saveTheFirstRegister();
        // Tom's cap is shared by every test class: put back as found
        Object tomsCap = sqlValue("select (select p.caseload_cap from supervisor_profile p join person s on s.id = p.person_id "
                + "where s.username = 'tom.barker')");
        try {
            // Tom Barker, with room for them, supervises all three
            // Enter in Tom's cap saves Tom's cap, not the first supervisor's
            browser.type(".portal-caseloads tr[data-username='tom.barker'] input[type=text]", "60");
            pressEnter(".portal-caseloads tr[data-username='tom.barker'] input[type=text]");
            assertTrue(browser.text().contains("Tom Barker may now supervise up to 60 candidates."), browser.text());
            assertTrue(browser.find(".portal-caseloads tr[data-username='tom.barker'] .portal-caseload-count").getText().endsWith("of 60"));
            for (String username : List.of("amara.okafor", "dylan.hughes", "priya.raman")) {
                new Select(browser.find(".portal-allocations tr[data-username='" + username + "'] select")).selectByValue("tom.barker");
                browser.clickAndWait(".portal-allocations tr[data-username='" + username + "'] input[type=submit]");
                assertTrue(browser.text().contains("Tom Barker now supervises "), browser.text());
            }
            for (String username : List.of("amara.okafor", "dylan.hughes", "priya.raman")) {
                assertEquals("Tom Barker", candidateCell(username, "supervisor"));
            }
            new Select(browser.find(".portal-allocations tr[data-username='amara.okafor'] select")).selectByValue("tom.barker");
            browser.clickAndWait(".portal-allocations tr[data-username='amara.okafor'] input[type=submit]");
            assertEquals("Tom Barker supervises Amara Okafor already.",
                    browser.find(".portal-allocations tr[data-username='amara.okafor'] .portal-field-error").getText());
            browser.assertAccessible("a cohort with its candidates allocated").screenshot("cohort-allocated");

            // the cohort list: other test classes' cohorts share the database, so the coordinator searches for it
            browser.clickAndWait(".portal-nav a[href$='/coordinator/cohorts.xhtml']");
            browser.type("#cohort-search", name.toUpperCase(java.util.Locale.ROOT)).clickAndWait("#cohort-search-submit");
            assertEquals("Showing 1 to 1 of 1 cohorts", browser.find("#cohorts-position").getText());
            assertEquals("3 of 3", browser.find(".portal-cohorts tr[data-cohort='" + id + "'] .portal-places").getText());
            browser.assertAccessible("the cohort list, searched").screenshot("cohorts-searched");

            browser.clearCookies();
            browser.signIn("tom.barker", DemoDirectory.PASSWORD);
            assertEquals("My candidates", browser.heading());
            List<WebElement> rows = browser.findAll(".portal-caseload tbody tr").stream()
                    .filter(row -> row.findElement(By.cssSelector("td")).getText().startsWith(name)).toList();
            assertEquals(THREE, rows.stream().map(row -> row.findElement(By.cssSelector("th")).getText()).sorted().toList());
            assertEquals(List.of("100%", "100%", "0%"), rows.stream().sorted(java.util.Comparator.comparing(
                    row -> row.findElement(By.cssSelector("th")).getText())).map(row -> row.findElements(By.cssSelector("td"))
                    .get(4).getText()).toList());
            browser.screenshot("supervisor-cohort-caseload");
        } finally {
            if (tomsCap == null) {
                sql("delete from supervisor_profile where person_id = (select id from person where username = 'tom.barker')");
            } else {
                sql("update supervisor_profile set caseload_cap = ?, version = version + 1 "
                        + "where person_id = (select id from person where username = 'tom.barker')", tomsCap);
            }
        }
    }

    @Test
    void issue4_aCandidateSeesTheNewCohortsDatedScheduleWithThePastAndOpenedEarlySessionsOpen() throws Exception {
        String name = newName();
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/cohorts.xhtml");
        createCohort(name, yesterday(), 3);
        openTheSecondSessionEarly();
        browser.type("#search\\:query", "priya.raman").clickAndWait("#search\\:submit");
        browser.clickAndWait(".portal-found tr[data-username='priya.raman'] input[type=submit]");
        assertTrue(browser.text().contains("Priya Raman is enrolled on " + name + "."), browser.text());

        // a candidate sees the new cohort's dated schedule: session 1 (yesterday) and 2 (opened early) open, 3 later
        browser.clearCookies();
        browser.signIn("priya.raman", DemoDirectory.PASSWORD);
        assertEquals("My learning", browser.heading());
        WebElement course = browser.findAll(".portal-my-course").stream()
                .filter(article -> article.getText().contains(name)).findFirst().orElseThrow();
        List<WebElement> sessions = course.findElements(By.cssSelector(".portal-schedule tbody tr"));
        assertEquals(11, sessions.size(), "every session of the course is on the schedule");
        assertEquals(2, course.findElements(By.cssSelector(".portal-schedule tbody a")).size(), "two sessions are open");
        assertTrue(sessions.get(2).getText().contains("Opens on"), sessions.get(2).getText());
        browser.assertAccessible("a candidate's home with the new cohort's schedule").screenshot("candidate-cohort-schedule");
    }

    @Test
    void issue4_aSupervisorDeclaresAConflictOfInterestWithSomeoneFoundInTheDirectory() throws Exception {
        // the conflict is Tom's and Sana's, people every test class shares: withdrawn afterwards
        try {
            browser.signIn("tom.barker", DemoDirectory.PASSWORD);
            browser.clickAndWait("#conflicts-link");
            assertEquals("Conflicts of interest", browser.heading());
            assertEquals("Conflicts of interest", browser.find(".portal-nav__link--current").getText());
            browser.clickAndWait("#search\\:submit");
            assertEquals("Enter part of the person's name or email address.", browser.find("#search\\:query-message").getText());
            assertEquals("true", browser.find("#search\\:query").getAttribute("aria-invalid"));
            browser.assertAccessible("conflicts of interest, nothing searched for").screenshot("conflicts-empty-search");

            browser.type("#search\\:query", "iqbal");
            browser.pressAndWait(Keys.ENTER);
            WebElement row = browser.find(".portal-found tr[data-username='sana.iqbal']");
            assertTrue(row.getText().contains("Sana Iqbal"), row.getText());
            browser.type("#declare\\:note", "She is my sister.");
            browser.clickAndWait(row.findElement(By.cssSelector("input[type=submit]")));
            assertTrue(browser.text().contains("Your conflict of interest with Sana Iqbal is recorded."), browser.text());
            WebElement declared = browser.find(".portal-conflicts tr[data-username='sana.iqbal']");
            assertTrue(declared.getText().contains("She is my sister."), declared.getText());
            assertTrue(declared.getText().contains(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
                    .format(LocalDate.now(UK))), declared.getText());
            browser.assertAccessible("conflicts of interest with one declared").screenshot("conflicts-declared");

            browser.type("#search\\:query", "iqbal");
            browser.clickAndWait("#search\\:submit");
            assertEquals("Declared already", browser.find(".portal-found tr[data-username='sana.iqbal'] td:last-child").getText(),
                    "a person can be declared once");
            assertEquals(List.of(), browser.findAll(".portal-found tr[data-username='sana.iqbal'] input"));
        } finally {
            sql("delete from conflict_of_interest where supervisor_id = (select id from person where username = 'tom.barker') "
                    + "and other_id = (select id from person where username = 'sana.iqbal')");
        }
    }

    @Test
    void issue4_badInputIsExplainedNextToEachFieldAndKeptAndAConcurrentEditIsNotOverwritten() throws Exception {
        String name = "Peer2Peer checks " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate start = LocalDate.now(UK).plusWeeks(2);
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/cohorts.xhtml");
        browser.clickAndWait("#create\\:submit");
        assertEquals("Choose the course version the cohort will take.", browser.find("#create\\:course-message").getText());
        assertEquals("Enter a name for the cohort.", browser.find("#create\\:name-message").getText());
        assertEquals("Enter the date the cohort starts.", browser.find("#create\\:startDate-message").getText());
        assertEquals("Enter how many places the cohort has.", browser.find("#create\\:capacity-message").getText());
        assertEquals("true", browser.find("#create\\:name").getAttribute("aria-invalid"));
        browser.assertAccessible("the new cohort form with errors").screenshot("cohorts-errors");

        choosePeer2Peer();
        browser.type("#create\\:name", name).type("#create\\:capacity", "5");
        setDate("#create\\:startDate", start.toString());
        waitForSchedule(start + "T10:00");
        setDate("#create\\:endDate", start.minusDays(1).toString());
        // session 3 before session 2
        setDate("#create\\:schedule\\:2\\:startsAt", start.plusDays(3) + "T10:00");
        browser.clickAndWait("#create\\:submit");
        assertEquals("Session 3 must not be before session 2.", browser.find("#create\\:schedule\\:2\\:startsAt-message").getText());
        assertEquals(name, browser.find("#create\\:name").getAttribute("value"), "what was typed is kept");
        browser.clickAndWait("#create\\:fill");
        setDate("#create\\:schedule\\:2\\:startsAt", start.plusWeeks(2) + "T18:30");
        browser.clickAndWait("#create\\:submit");
        assertEquals("The cohort cannot end before it starts.", browser.find("#create\\:endDate-message").getText());
        assertEquals(start.plusWeeks(2) + "T18:30", browser.find("#create\\:schedule\\:2\\:startsAt").getAttribute("value"));
        setDate("#create\\:endDate", start.plusWeeks(12).toString());
        browser.clickAndWait("#create\\:submit");
        assertEquals("Give a venue or an online link for the cohort.", browser.find("#create\\:venue-message").getText());
        browser.type("#create\\:onlineLink", "http://meet.example.org/p2p").clickAndWait("#create\\:submit");
        assertEquals("The online link must start with https://.", browser.find("#create\\:onlineLink-message").getText());
        browser.type("#create\\:onlineLink", "https://meet.example.org/p2p").clickAndWait("#create\\:submit");
        assertEquals(name, browser.heading());
        long id = cohortId();
        assertEquals(start.plusWeeks(2) + "T18:30", browser.find("#schedule\\:slots\\:2\\:startsAt").getAttribute("value"),
                "the edited date was saved");

        // someone else changes the cohort while it is open here
        sql("update cohort set facilitators = 'Morgan Price', version = version + 1 where id = ?", id);
        browser.type("#details\\:venue", "Recovery College, Room 4").clickAndWait("#details\\:save");
        assertTrue(browser.text().contains("Someone else changed this cohort since you opened it"), browser.text());
        assertEquals("Recovery College, Room 4", browser.find("#details\\:venue").getAttribute("value"), "what was typed is kept");
        browser.go("coordinator/cohort.xhtml?id=" + id);
        assertEquals("Morgan Price", browser.find("#details\\:facilitators").getAttribute("value"), "their change stands");
        browser.type("#details\\:venue", "Recovery College, Room 4").clickAndWait("#details\\:save");
        assertTrue(browser.text().contains("The cohort's details are saved."), browser.text());
        sql("update cohort set version = version + 1 where id = ?", id);
        setDate("#schedule\\:slots\\:0\\:startsAt", start + "T09:30");
        browser.clickAndWait("#schedule\\:save");
        browser.screenshot("cohort-stale-schedule");
        assertTrue(browser.text().contains("Someone else changed this cohort since you opened it"), "a stale schedule is refused too");

        // place requests: approve one, decline one with a reason
        for (String username : List.of("dylan.hughes", "priya.raman")) {
            sql("insert into place_request (id, person_id, cohort_id, message, status, requested_at) select "
                    + "nextval('place_request_seq'), id, ?, 'My manager agreed', 'PENDING', now() from person where username = ?",
                    id, username);
        }
        browser.go("coordinator/cohort.xhtml?id=" + id);
        browser.clickAndWait(".portal-requests tr[data-username='dylan.hughes'] input[id$=':decline']");
        assertEquals("Say why the request is declined: the person will read it.",
                browser.find(".portal-requests tr[data-username='dylan.hughes'] .portal-decline-error").getText());
        browser.assertAccessible("place requests with an error").screenshot("cohort-requests");
        // Enter in the reason declines that request (the first button of the form would approve it)
        browser.type(".portal-requests tr[data-username='dylan.hughes'] input[type=text]", "This cohort is for the inpatient team");
        pressEnter(".portal-requests tr[data-username='dylan.hughes'] input[type=text]");
        assertTrue(browser.text().contains("Dylan Hughes's request is declined."), browser.text());
        browser.clickAndWait(".portal-requests tr[data-username='priya.raman'] input[id$=':approve']");
        assertTrue(browser.text().contains("Priya Raman has a place and is enrolled."), browser.text());
        assertTrue(browser.text().contains("Nobody is waiting for a decision on a place."));
        assertEquals(List.of("Priya Raman"), candidateNames());

        // a directory group: those not on the cohort yet
        browser.type("#group\\:groupName", "nobody-here").clickAndWait("#group\\:submit");
        assertEquals("There is no directory group nobody-here.", browser.find("#group\\:groupName-message").getText());
        browser.type("#group\\:groupName", "p2p-candidates").clickAndWait("#group\\:submit");
        assertTrue(browser.text().contains("2 members of p2p-candidates are enrolled."), browser.text());
        assertEquals(THREE, candidateNames());

        // a future session's register is not open yet
        long futureSession = (Long) sqlValue("select id from cohort_session where cohort_id = ? and number = 1", id);
        browser.go("coordinator/register.xhtml?session=" + futureSession);
        assertTrue(browser.find("#not-yet").getText().contains("Its register opens on that day."));
        assertTrue(browser.findAll("#register\\:save").isEmpty());
        browser.screenshot("register-not-yet");
    }

    // ---------------------------------------------------------------- helpers

    /** A cohort name no other test uses, so that each test looks only at its own cohort's rows. */
    private static String newName() {
        return "Peer2Peer browser cohort " + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Yesterday in the UK: a cohort starting then has its first session in the past and its lesson open. */
    private static LocalDate yesterday() {
        return LocalDate.now(UK).minusDays(1);
    }

    /** On a new cohort's page: opens session 2 before its day. */
    private void openTheSecondSessionEarly() {
        browser.clickAndWait("#schedule\\:slots\\:1\\:openEarly");
        assertTrue(browser.text().contains("Session 2, What is Recovery?, is open to the cohort now."), browser.text());
        assertEquals("Opened early", lessonState(2));
    }

    /** On a new cohort's page: enrols Amara Okafor, Dylan Hughes and Priya Raman from a confirmed file. */
    private void enrolTheThree(String name) throws Exception {
        uploadCsv("username\namara.okafor\ndylan.hughes\npriya.raman\n");
        browser.clickAndWait("#csvConfirm\\:confirm");
        assertTrue(browser.text().contains("3 people from the file are enrolled on " + name + "."), browser.text());
        assertEquals(THREE, candidateNames());
    }

    /** On the cohort's page: saves session 1's register (Amara present, Dylan late, Priya absent) and comes back. */
    private void saveTheFirstRegister() {
        browser.clickAndWait("tr[data-session='1'] a[href*='register.xhtml']");
        browser.clickAndWait("#register\\:allPresent");
        mark("Dylan Hughes", "LATE");
        mark("Priya Raman", "ABSENT");
        browser.clickAndWait("#register\\:save");
        assertTrue(browser.text().contains("The register for session 1 is saved: 1 present, 1 late, 1 absent, 0 with apologies."),
                browser.text());
        browser.clickAndWait(".portal-breadcrumb a");
    }

    /** Fetches what a download link on the page points at, as the signed-in coordinator; checks its type and name. */
    private static String download(String link, String contentType) throws Exception {
        WebElement a = browser.find(link);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(a.getAttribute("href")))
                .header("Cookie", browser.cookieHeader()).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), a.getAttribute("href"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(contentType),
                response.headers().toString());
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename\\*=UTF-8''attendance-.+"),
                response.headers().toString());
        return new String(response.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    /** Fills in and submits the "New cohort" form; returns the new cohort's id. */
    private long createCohort(String name, LocalDate start, int capacity) {
        choosePeer2Peer();
        browser.type("#create\\:name", name);
        setDate("#create\\:startDate", start.toString());
        waitForSchedule(start + "T10:00");
        assertEquals(start.plusWeeks(10) + "T10:00", browser.find("#create\\:schedule\\:10\\:startsAt").getAttribute("value"),
                "the schedule is filled in weekly");
        setDate("#create\\:endDate", start.plusWeeks(12).toString());
        browser.type("#create\\:venue", "Recovery College, Room 2").type("#create\\:facilitators", "Sana Iqbal")
                .type("#create\\:capacity", String.valueOf(capacity));
        browser.assertAccessible("the new cohort form with its schedule").screenshot("cohorts-new");
        browser.clickAndWait("#create\\:submit");
        return cohortId();
    }

    private void choosePeer2Peer() {
        Select course = new Select(browser.find("#create\\:course"));
        WebElement peer2peer = course.getOptions().stream().filter(o -> o.getText().contains("(PEER2PEER)")).findFirst()
                .orElseThrow();
        course.selectByVisibleText(peer2peer.getText());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("input[id^='create:schedule:'][id$=':startsAt']")).size() == 11);
        assertEquals("Session 2: What is Recovery?", browser.find("label[for='create:schedule:1:startsAt']").getText());
        assertEquals("80", browser.find("#create\\:threshold").getAttribute("value"),
                "the attendance threshold is filled in from the course version");
    }

    private void waitForSchedule(String firstDateTime) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> firstDateTime.equals(d.findElement(By.id("create:schedule:0:startsAt")).getAttribute("value")));
    }

    /** Sets a date or date-and-time field as a date picker would, and tells the page it changed. */
    private void setDate(String css, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", browser.find(css), value);
    }

    /** Presses Enter in a field and waits for the page the form's postback returns. */
    private void pressEnter(String css) {
        WebElement field = browser.find(css);
        field.sendKeys(Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        wait.until(d -> {
            try {
                field.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private long cohortId() {
        String url = browser.driver().getCurrentUrl();
        return Long.parseLong(url.substring(url.indexOf("id=") + 3).replaceFirst("[^0-9].*$", ""));
    }

    private void uploadCsv(String content) throws Exception {
        Path file = Files.createTempFile("enrol-", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        browser.find("#csv\\:file").sendKeys(file.toString());
        browser.clickAndWait("#csv\\:preview");
    }

    private List<String> candidateNames() {
        return browser.findAll(".portal-candidates tbody th").stream().map(WebElement::getText).toList();
    }

    private String candidateCell(String username, String column) {
        return browser.find(".portal-candidates tr[data-username='" + username + "'] .portal-candidate-" + column).getText();
    }

    private String lessonState(int session) {
        return browser.find("tr[data-session='" + session + "'] .portal-lesson-state").getText();
    }

    private WebElement registerRadio(String candidate, String mark) {
        WebElement line = browser.findAll("fieldset.portal-register__line").stream()
                .filter(f -> f.findElement(By.tagName("legend")).getText().startsWith(candidate)).findFirst().orElseThrow();
        return line.findElement(By.cssSelector("input[type=radio][value='" + mark + "']"));
    }

    private void mark(String candidate, String mark) {
        registerRadio(candidate, mark).click();
    }

    private static void sql(String statement, Object... parameters) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement update = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    private static Object sqlValue(String query, Object... parameters) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement select = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                assertTrue(result.next(), query);
                return result.getObject(1);
            }
        }
    }
}
