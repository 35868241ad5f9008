package org.peersupport.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 16 as a candidate and the data protection officer meet it, in headless Chromium: Priya Raman, on a cohort of
 * her own that Tom Barker supervises, writes a piece, Tom reads it, and she sees that in "Who has read my work" and
 * downloads her data; Iris Campbell (information governance) finds Priya and downloads everything held about her.
 * axe-core checks every page visited.
 */
class GovernanceBrowserIT extends PortalBrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.withCoordinatorFixture());
    }

    @Test
    void aCandidateSeesWhoHasReadHerWorkAndDownloadsHerData() throws Exception {
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/test-fixture/allocated?candidate=priya.raman"
                + "&supervisor=tom.barker");
        long enrolment = Long.parseLong(browser.find("#enrolment").getText());
        String title = "What helped me " + UUID.randomUUID().toString().substring(0, 8);
        browser.clearCookies();
        browser.signIn("priya.raman", DemoDirectory.PASSWORD).go("candidate/portfolio.xhtml?enrolment=" + enrolment);
        assertTrue(browser.find("#privacy-first").getText().contains("Before you write: how your information is used"),
                "before her first piece, the portfolio says how what she writes is used");
        browser.clickAndWait("#new\\:written");
        browser.type("#item\\:title", title);
        WebElement editor = browser.find(".ql-editor");
        editor.click();
        editor.sendKeys("Being listened to without judgement helped me most.");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("item:autosave")).getText().startsWith("Saved at"));
        browser.clickAndWait("#item\\:save");
        assertTrue(browser.text().contains("Saved."), browser.text());

        // Tom, her supervisor, opens her portfolio: each piece he reads is a read of her work
        browser.clearCookies();
        browser.signIn("tom.barker", DemoDirectory.PASSWORD).go("supervisor/portfolio.xhtml?enrolment=" + enrolment);
        assertTrue(browser.text().contains(title), "Tom reads the piece");

        browser.clearCookies();
        browser.signIn("priya.raman", DemoDirectory.PASSWORD);
        browser.clickAndWait("#readsLink");
        assertEquals("Who has read my work", browser.heading());
        WebElement read = browser.findAll("#reads tbody tr").stream().filter(row -> row.getText().contains(title))
                .findFirst().orElseThrow(() -> new AssertionError("Tom's read is listed: " + browser.text()));
        assertTrue(read.getText().contains("Tom Barker") && read.getText().contains("as your supervisor"), read.getText());
        browser.assertAccessible("who has read my work").screenshot("governance-reads");

        Map<String, String> export = unzip(browser.download("#myDataLink"));
        String page = export.get("index.html");
        assertTrue(page.contains("The data the Peer Support Training Portal holds about Priya Raman"), page);
        assertTrue(page.contains(title) && page.contains("Being listened to without judgement"), "her piece is in it");
        assertTrue(page.contains("Tom Barker"), "and who read it");
        assertTrue(export.get("data/portfolio.json").contains(title), export.keySet().toString());
    }

    @Test
    void theDataProtectionOfficerHandlesARequestWithholdsANoteAndFindsTheExportInTheTrail() throws Exception {
        // Tom, supervising Priya on a place of her own, writes a confidential note that names someone else
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/test-fixture/allocated?candidate=priya.raman"
                + "&supervisor=tom.barker");
        long enrolment = Long.parseLong(browser.find("#enrolment").getText());
        String note = "Priya spoke about her neighbour " + UUID.randomUUID().toString().substring(0, 8);
        browser.clearCookies();
        browser.signIn("tom.barker", DemoDirectory.PASSWORD).go("records/enrolment.xhtml?id=" + enrolment);
        browser.type("textarea[id$=':note']", note).clickAndWait("input[id$=':addNote']");
        assertTrue(browser.text().contains(note), "the note is saved");

        browser.clearCookies();
        browser.signIn("iris.campbell", DemoDirectory.PASSWORD);
        assertEquals("/governance/index.xhtml", browser.currentPath());
        assertEquals("Information governance", browser.heading());
        assertTrue(browser.text().contains("Personal data the portal holds") && browser.text().contains("Your evidence")
                && browser.text().contains("Safeguarding concerns"), "the register of every feature's personal data");
        browser.assertAccessible("information governance").screenshot("governance-home");

        // an email asks for everything held about Priya: Iris finds her and records the request
        browser.type("#q", "raman").clickAndWait("#search");
        WebElement found = browser.findAll("#found tbody tr").stream().filter(r -> r.getText().contains("Priya Raman"))
                .findFirst().orElseThrow(() -> new AssertionError("Priya is found: " + browser.text()));
        assertTrue(found.getText().contains("priya.raman"), found.getText());
        browser.assertAccessible("information governance search").screenshot("governance-search");
        found.findElement(By.cssSelector("a.portal-record-request")).click();
        browser.find("#new\\:record");
        new org.openqa.selenium.support.ui.Select(browser.find("#new\\:channel")).selectByValue("EMAIL");
        browser.type("#new\\:reference", "Email of 6 December");
        browser.assertAccessible("recording a subject access request").screenshot("governance-request-new");
        browser.clickAndWait("#new\\:record");
        assertEquals("Subject access request: Priya Raman", browser.heading());
        assertTrue(browser.find("#status").getText().contains("Open"), browser.find("#status").getText());
        assertTrue(browser.find("#not-ready").isDisplayed(), "no export before the rules are decided");

        // the note names someone else: withheld, with why; anything else that names others is included
        List<String> toInclude = browser.findAll(".portal-review-class").stream()
                .filter(card -> !card.findElements(By.cssSelector("input[type=radio]")).isEmpty())
                .map(card -> card.getAttribute("id")).filter(id -> !id.equals("class-confidentialNotes")).toList();
        for (String id : toInclude) {
            browser.find("#" + id + " input[type=radio][value=INCLUDE]").click();
            browser.clickAndWait("#" + id + " input[type=submit]");
        }
        browser.clickAndWait("#class-confidentialNotes input[type=submit]");
        assertTrue(browser.find("#class-confidentialNotes .portal-field-error").getText().contains("Choose whether"),
                "a decision is needed, explained next to it");
        browser.find("#class-confidentialNotes input[type=radio][value=WITHHOLD]").click();
        browser.type("#class-confidentialNotes textarea", "It names a third party who has not agreed")
                .clickAndWait("#class-confidentialNotes input[type=submit]");
        assertTrue(browser.find("#decided-confidentialNotes").getText().startsWith("Withhold them, decided by Iris Campbell"),
                browser.find("#decided-confidentialNotes").getText());
        browser.assertAccessible("a subject access request").screenshot("governance-request");

        Map<String, String> export = unzip(browser.download("#export"));
        String page = export.get("index.html");
        assertTrue(page.contains("The data the Peer Support Training Portal holds about Priya Raman"), page);
        assertTrue(page.contains("produced by the information governance role for a subject access request"),
                "it says it is the reviewed export");
        assertTrue(page.contains("Produced on") && page.contains("by Iris Campbell"), "and who produced it");
        assertFalse(page.contains(note), "the withheld note is not in it");
        assertTrue(page.contains("Withheld by the data protection officer: It names a third party who has not agreed"),
                "but it says it is held, and why");
        browser.clickAndWait("#answer\\:complete");
        assertTrue(browser.find("#status").getText().startsWith("Answered on"), browser.find("#status").getText());

        // the trail of everything by or about Priya holds the export Iris just made
        browser.go("governance/index.xhtml?q=raman");
        browser.clickAndWait("#found tbody tr a[href*='audit.xhtml?person=priya.raman']:not(.portal-reads-link)");
        assertEquals("The audit trail", browser.heading());
        assertEquals("priya.raman", browser.find("#person").getAttribute("value"), "the search keeps what it asked");
        WebElement exported = browser.findAll("#entries tbody tr").stream()
                .filter(r -> r.getText().contains("SUBJECT_ACCESS_EXPORTED")).findFirst()
                .orElseThrow(() -> new AssertionError("the export is in Priya's trail: " + browser.text()));
        assertTrue(exported.getText().contains("Iris Campbell") && exported.getText().contains("Priya Raman"),
                exported.getText());
        browser.assertAccessible("audit trail").screenshot("governance-audit");
        String csv = new String(browser.download("#audit-csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("SUBJECT_ACCESS_EXPORTED") && csv.contains("Iris Campbell"), csv);

        // a date that is no date is explained next to its field, and what was typed stays
        browser.go("governance/audit.xhtml?person=priya.raman&from=06/12/2026");
        assertEquals("Enter a date, for example 2026-12-06.", browser.find("#from-error").getText());
        assertEquals("priya.raman", browser.find("#person").getAttribute("value"));
    }

    @Test
    void theDataProtectionOfficerPreviewsWhatIsDueHoldsItReleasesItAndRunsTodaysPurge() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD)
                .go("coordinator/test-fixture/old-notice?candidate=jo.lee&tag=" + tag);
        String notice = browser.find("#notice").getText();
        browser.go("coordinator/test-fixture/retention-day-free");
        try {
            browser.clearCookies();
            browser.signIn("iris.campbell", DemoDirectory.PASSWORD);
            browser.clickAndWait("#retention-link");
            assertEquals("Retention and legal holds", browser.heading());
            assertTrue(browser.find("#schedule").getText().contains("Evidence: writing, files and testimonies")
                    && browser.find("#schedule").getText().contains("6 years after the course place ended")
                    && browser.find("#schedule").getText().contains("Training record and certificate"),
                    "the schedule in force, with what stays: " + browser.find("#schedule").getText());
            WebElement due = priyasNoticesLine();
            assertTrue(due.getText().contains("Hold the records of Jo Lee"), due.getText());
            browser.assertAccessible("retention and legal holds").screenshot("governance-retention");

            // a hold needs a reason, said next to the field; then it stands and the line is held
            due.findElement(By.cssSelector("a.portal-hold-link")).click();
            browser.find("#hold\\:place");
            assertEquals("Place a legal hold on the records of Jo Lee", browser.find("#hold-heading").getText());
            browser.clickAndWait("#hold\\:place");
            assertTrue(browser.find("#reason-error").getText().startsWith("Say why the records are held"),
                    browser.text());
            browser.type("#hold\\:reason", "A grievance about his placement " + tag).clickAndWait("#hold\\:place");
            assertTrue(browser.text().contains("A legal hold now stands on the records of Jo Lee"), browser.text());
            WebElement hold = browser.findAll("#holds-table tbody tr").stream()
                    .filter(r -> r.getText().contains("A grievance about his placement " + tag)).findFirst()
                    .orElseThrow(() -> new AssertionError("the hold is listed: " + browser.text()));
            assertTrue(hold.getText().contains("Everything about this person") && hold.getText().contains("Iris Campbell"),
                    hold.getText());
            assertTrue(priyasNoticesLine().getText().contains("Held: not deleted"), "what it covers is held");
            browser.assertAccessible("placing a legal hold").screenshot("governance-retention-hold");

            browser.clickAndWait("[id='" + hold.findElement(By.cssSelector("input[type=submit]")).getAttribute("id") + "']");
            assertTrue(browser.text().contains("The hold is released"), browser.text());

            // today's purge, now: the old notice goes, and the purge is listed
            browser.clickAndWait("#run\\:runToday");
            assertTrue(browser.text().contains("Today's purge ran:") && browser.text().contains("deleted"),
                    browser.text());
            assertTrue(browser.findAll("#due-table-notices tbody tr").stream()
                    .noneMatch(r -> r.getText().contains("Jo Lee")), "Jo's old notice is gone");
            assertTrue(browser.findAll("#purges tbody tr").stream().anyMatch(r -> r.getText().contains("Notices")
                    && r.getText().contains("1 year after the notice was sent")), browser.find("#purges").getText());
            browser.clickAndWait("#run\\:runToday");
            assertTrue(browser.text().contains("Today's purge has already run"), "a second run the same day does nothing");
            browser.assertAccessible("retention after a purge").screenshot("governance-retention-purged");
            assertFalse(notice.isEmpty());
        } finally {
            browser.clearCookies();
            browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/test-fixture/retention-day-free?tag=" + tag);
        }
    }

    @Test
    void theOfficerSeesWhatAnErasureWouldRemoveWhatStaysAndWhatStopsIt() {
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/test-fixture/allocated?candidate=priya.raman"
                + "&supervisor=tom.barker");
        browser.clearCookies();
        browser.signIn("iris.campbell", DemoDirectory.PASSWORD).go("governance/index.xhtml?q=raman");
        browser.clickAndWait("#found tbody tr a.portal-erase-link");
        assertEquals("Erase Priya Raman", browser.heading());
        assertTrue(browser.find("#held").getText().contains("Your places on courses"), browser.find("#held").getText());
        assertTrue(browser.find("#kept").getText().contains("The audit trail:")
                && browser.find("#kept").getText().contains("The facts of their training record:"), "what stays, and why");
        assertTrue(browser.find("#blockers").getText().contains("They have a course place in progress"),
                browser.find("#blockers").getText());
        assertTrue(browser.findAll("#erase\\:eraseNow").isEmpty(), "no erasure while something stops it");
        browser.assertAccessible("erasing a person").screenshot("governance-erase");
    }

    private WebElement priyasNoticesLine() {
        return browser.findAll("#due-table-notices tbody tr").stream().filter(r -> r.getText().contains("Jo Lee"))
                .findFirst().orElseThrow(() -> new AssertionError("Jo's old notice is due: " + browser.text()));
    }

    @Test
    void anyoneReadsThePrivacyNoticeSignedInOrNot() {
        browser.go("signin.xhtml").clickAndWait("#privacyLink");
        assertEquals("How we use your information", browser.heading());
        assertTrue(browser.find("#privacy-controller").getText().contains("Northshire Health and Care NHS Foundation Trust"),
                "the organisation's own part, from its configuration");
        assertTrue(browser.find("#privacy-dpo").getText().contains("Iris Campbell, Data Protection Officer"));
        assertTrue(browser.find("#privacy-basis").getText().startsWith("UK GDPR Article 6(1)(e)"));
        assertTrue(browser.text().contains("never your evidence"), "who reads what");
        assertTrue(browser.find("#privacy-schedule").getText().contains("Notices 1 year after the notice was sent"),
                "how long each kind of record is kept, as the schedule in force says: "
                        + browser.find("#privacy-schedule").getText());
        browser.assertAccessible("privacy notice").screenshot("governance-privacy");
        browser.signIn("mark.evans", DemoDirectory.PASSWORD);
        browser.clickAndWait("#privacyLink");
        assertEquals("How we use your information", browser.heading(), "and from every page once signed in");
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
