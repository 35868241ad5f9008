package org.peersupport.portal.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 5 (first half) as candidates, supervisors and witnesses meet it, in headless Chromium: Amara Okafor on a
 * cohort of her own that Grace Mitchell supervises, and Dylan Hughes on the demo cohort the demo-mode start-up creates. Ids are read
 * (never written) with SQL. axe-core checks every page visited.
 */
class PortfolioBrowserIT extends PortalBrowserTest {

    /** Mojarra's flash cookie, and one written by another node: 48 bytes its key does not decrypt to text. */
    private static final String FLASH_COOKIE = "csfcfc";
    private static final String FOREIGN_FLASH = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJCrze8SNFZ4kKvN7xI0VniQ";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.withCoordinatorFixture());
    }

    @Test
    void issue5_aCandidateWritesAnEssayAttachesAFileSubmitsByKeyboardAndTheSupervisorReadsTheSubmission() throws Exception {
        // Amara's place on a cohort of her own, supervised by Grace: her portfolio there starts empty, whatever other
        // test classes did with her place on the demo cohort
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/test-fixture/allocated?candidate=amara.okafor"
                + "&supervisor=grace.mitchell");
        long enrolment = Long.parseLong(browser.find("#enrolment").getText());
        String cohort = browser.find("#cohort").getText();
        browser.clearCookies();
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        WebElement open = browser.find("a[href$='candidate/portfolio.xhtml?enrolment=" + enrolment + "']");
        assertTrue(open.getText().contains(cohort), open.getText());
        browser.screenshot("portfolio-home");
        browser.clickAndWait("a[href$='candidate/portfolio.xhtml?enrolment=" + enrolment + "']");
        assertEquals("My portfolio of evidence", browser.heading());

        // a written piece, autosaved as she types, its words counted live and on the server
        browser.clickAndWait("#new\\:written");
        assertTrue(browser.heading().startsWith("Edit: Written piece"), browser.heading());
        assertTrue(browser.text().contains("ready"), "says the piece is ready");
        browser.type("#item\\:title", "My personal recovery story");
        WebElement editor = browser.find(".ql-editor");
        editor.click();
        editor.sendKeys("Recovery, for me, began when I was believed. Peer support showed me that hope can be shared.");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("item:autosave")).getText().startsWith("Saved at"));
        assertTrue(browser.find("#item\\:autosave").getText().endsWith("(17 words)"), browser.find("#item\\:autosave").getText());
        assertEquals("17 words", browser.find("#word-count").getText());
        long essay = id("select id from evidence_item where enrolment_id = " + enrolment + " and body_html like '%believed%'");
        browser.find("input[data-code='RC.2.1']").click();
        browser.find("input[data-code='RC.2.2']").click();
        browser.screenshot("portfolio-evidence-written");
        // issue 17: the browser carries a Faces flash cookie another node wrote (encrypted with that node's key, as
        // after a failover or a rolling restart); the save and its "Saved." after the redirect must not mind it
        browser.driver().manage().addCookie(new Cookie(FLASH_COOKIE, FOREIGN_FLASH, "/"));
        browser.clickAndWait("#item\\:save");
        assertTrue(browser.text().contains("Saved."), browser.text());
        browser.driver().manage().deleteCookieNamed(FLASH_COOKIE);
        assertEquals("Edit: My personal recovery story", browser.heading());
        assertTrue(browser.find("input[data-code='RC.2.1']").isSelected(), "the mapping is kept");

        // a file, checked by its content, mapped to a Developing Practice requirement
        browser.clickAndWait(".portal-breadcrumb a").clickAndWait("#new-file");
        assertEquals("Upload a file", browser.heading());
        Path notes = Files.createTempFile("reflective-log", ".txt");
        Files.writeString(notes, "Week 3: I noticed how sharing a little of my story helped someone talk.\n", StandardCharsets.UTF_8);
        browser.find("#upload\\:file").sendKeys(notes.toString());
        browser.type("#upload\\:fileTitle", "Reflective log from my placement").clickAndWait("#upload\\:submit");
        assertTrue(browser.text().contains("File uploaded"), browser.text());
        assertNull(browser.driver().manage().getCookieNamed(FLASH_COOKIE), "messages cross a redirect in the session, "
                + "not in a flash cookie only the node that wrote it can read");
        long file = id("select id from evidence_item where enrolment_id = " + enrolment + " and kind = 'FILE' "
                + "and title = 'Reflective log from my placement'");
        browser.find("input[data-code='DP.1.1']").click();
        browser.clickAndWait("#item\\:save");
        browser.screenshot("portfolio-evidence-file");

        // the matrix moves to "working towards" where evidence is mapped
        browser.clickAndWait(".portal-breadcrumb a");
        assertTrue(browser.find("#item-" + essay).getText().contains("RC.2.1, RC.2.2"), browser.find("#item-" + essay).getText());
        browser.screenshot("portfolio");
        browser.clickAndWait("#matrix-link");
        assertEquals("My evidence matrix", browser.heading());
        assertTrue(browser.find("tr[data-code='RC.2.1']").getText().contains("Working towards"));
        assertTrue(browser.find("tr[data-code='DP.1.1']").getText().contains("Working towards"));
        assertTrue(browser.find("tr[data-code='RC.1.1']").getText().contains("Not started"));
        browser.screenshot("portfolio-matrix");

        // the essay task, submitted with the declaration by keyboard alone
        browser.clickAndWait(".portal-breadcrumb a");
        browser.tabTo("#task-ESSAY a.submit-task", 120).pressAndWait(Keys.ENTER);
        assertEquals("Submit: Personal recovery story essay", browser.heading());
        browser.tabTo("input[data-item='" + essay + "']", 60);
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
        browser.tabTo("#submit\\:declaration", 30);
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
        assertTrue(browser.find("input[data-item='" + essay + "']").isSelected() && browser.find("#submit\\:declaration").isSelected());
        browser.screenshot("portfolio-submit");
        browser.tabTo("#submit\\:send", 10).pressAndWait(Keys.ENTER).screenshot("portfolio-submission");
        assertEquals("Personal recovery story essay: attempt 1", browser.heading());
        assertTrue(browser.text().contains("Submitted. This is attempt 1"), browser.text());
        assertEquals("Submitted", browser.find("#submission-status").getText());
        assertTrue(browser.find(".portal-evidence").getText().contains("I was believed"));
        browser.screenshot("portfolio-submission");
        long submission = id("select id from submission where enrolment_id = " + enrolment);

        // Grace, her supervisor, reads the portfolio and the submission, read-only, and each read is audited
        browser.clearCookies();
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD);
        browser.clickAndWait("a[href$='supervisor/portfolio.xhtml?enrolment=" + enrolment + "']");
        assertEquals("Amara Okafor: portfolio of evidence", browser.heading());
        String evidence = browser.find(".portal-evidence-list").getText();
        assertTrue(evidence.contains("I was believed") && evidence.contains("Reflective log from my placement"), evidence);
        assertTrue(browser.findAll(".ql-editor").isEmpty() && browser.findAll("#item\\:save").isEmpty(), "read-only");
        browser.screenshot("supervisor-portfolio");
        browser.clickAndWait("a[href$='supervisor/submission.xhtml?id=" + submission + "']");
        assertEquals("Personal recovery story essay: attempt 1", browser.heading());
        assertTrue(browser.find(".portal-evidence").getText().contains("I was believed"));
        assertTrue(browser.findAll("main input:not([type=hidden]), main textarea").isEmpty(), "nothing to edit");
        browser.screenshot("supervisor-submission");
        assertTrue(id("select count(*) from audit_entry where actor_id = (select id from person where username = 'grace.mitchell') "
                + "and action = 'SUBMISSION_READ' "
                + "and subject_id = '" + submission + "'") >= 1);

        // she may download the file; a coordinator and HR get 403 on the same address
        String fileUrl = browser.url("evidence/files/item/" + file);
        assertEquals(200, download(fileUrl).statusCode());
        for (String username : new String[] {"sana.iqbal", "mark.evans"}) {
            browser.clearCookies();
            browser.signIn(username, DemoDirectory.PASSWORD);
            HttpResponse<String> refused = download(fileUrl);
            assertEquals(403, refused.statusCode(), username);
            assertTrue(!refused.body().contains("sharing a little of my story"), username);
        }
    }

    @Test
    void issue5_aWitnessWithNoRoleInThePortalConfirmsATestimony() throws Exception {
        long enrolment = id("select e.id from enrolment e join cohort c on c.id = e.cohort_id join person p on p.id = e.person_id "
                + "where c.name = 'Peer2Peer demo cohort' and p.username = 'dylan.hughes'");
        browser.signIn("dylan.hughes", DemoDirectory.PASSWORD).go("candidate/portfolio.xhtml?enrolment=" + enrolment);
        browser.clickAndWait("#new-witness");
        assertEquals("Ask a witness for a testimony", browser.heading());
        browser.clickAndWait("#witness\\:submit");
        assertEquals("Give this evidence a title.", browser.find("#witness-title-error").getText(), "each problem beside its field");
        browser.type("#witness\\:title", "Welcoming visitors at the Recovery College")
                .type("#witness\\:witnessUsername", "jo.lee")
                .type("#witness\\:witnessRole", "Estates Administrator")
                .type("#witness\\:witnessStatement", "Dylan greeted every visitor and explained what peer support is.")
                .clickAndWait("#witness\\:submit");
        assertEquals("Say how the witness knows the candidate's work, for example line manager.",
                browser.find("#witness-witnessRelationship-error").getText());
        assertEquals("jo.lee", browser.find("#witness\\:witnessUsername").getAttribute("value"), "what was typed stays");
        browser.type("#witness\\:witnessRelationship", "Works at the front desk beside him").clickAndWait("#witness\\:submit");
        assertTrue(browser.text().contains("Waiting for the witness to confirm"), browser.text());
        browser.screenshot("portfolio-testimony-requested");

        browser.clearCookies();
        browser.signIn("jo.lee", DemoDirectory.PASSWORD);
        assertEquals("No access to this portal yet", browser.heading());
        browser.clickAndWait("#testimonies-notice a");
        assertEquals("Testimonies to confirm", browser.heading());
        assertTrue(browser.text().contains("Dylan greeted every visitor"), browser.text());
        browser.screenshot("witness-testimonies");
        browser.clickAndWait("input[id$='answer:confirm']");
        assertTrue(browser.text().contains("You confirmed the testimony for Dylan Hughes"), browser.text());
        assertTrue(browser.findAll("#no-testimonies").size() == 1);
    }

    private HttpResponse<String> download(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", browser.cookieHeader())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long id(String query) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement statement = db.prepareStatement(query);
                ResultSet row = statement.executeQuery()) {
            assertTrue(row.next(), query);
            return row.getLong(1);
        }
    }
}
