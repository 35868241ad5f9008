package org.peersupport.portal.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.peersupport.portal.support.AuditActors;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.CoordinatorFixtureServlet;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 5 as people meet it in Chromium: a declined place request reaches the requester's header and notices page,
 * the candidate downloads their certificate, and anyone checks it on the public verification page signed out. The
 * request and its answer go through the real pages; a new cohort to ask for, and a completed place, come from
 * {@link CoordinatorFixtureServlet}.
 */
class NoticesBrowserIT extends PortalBrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.withCoordinatorFixture());
    }

    @Test
    void issue5_aCoordinatorDeclinesAPlaceRequestAndTheRequesterSeesTheNoticeInTheHeaderAndOnTheNoticesPage() {
        // a new cohort, which Amara asks to join on the page for requests
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/test-fixture/future-cohort");
        String cohortId = browser.find("#cohort-id").getText();
        String cohort = browser.find("#cohort").getText();
        browser.clearCookies();
        // other test classes' cohorts share the database: Amara looks hers up by name
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD).go("learning/cohorts.xhtml");
        browser.type("#open-search", cohort).clickAndWait("#open-search-submit");
        browser.type("#cohort-" + cohortId + " textarea", "I would like to join.")
                .clickAndWait("#cohort-" + cohortId + " input[type=submit]");
        assertTrue(browser.text().contains("Your request for a place on " + cohort + " is sent."), browser.text());
        browser.signOut();

        // the coordinator declines it on the cohort's page, with a reason
        String reason = "This cohort is for the inpatient team (" + UUID.randomUUID().toString().substring(0, 8) + ")";
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/cohort.xhtml?id=" + cohortId);
        String row = ".portal-requests tr[data-username='amara.okafor']";
        browser.type(row + " input[id$=':reason']", reason).clickAndWait(row + " input[id$=':decline']");
        assertTrue(browser.findAll(row).isEmpty(), "the request is answered");
        browser.signOut();

        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        WebElement link = browser.find("#noticesLink");
        int unread = Integer.parseInt(browser.find("#noticesLink .portal-badge").getText());
        assertTrue(unread >= 1, "the header counts the new notice");
        assertTrue(link.getText().startsWith("Notices"), link.getText());
        assertTrue(link.getAttribute("textContent").contains(", " + unread + " unread"),
                "screen readers hear the count: " + link.getAttribute("textContent"));
        browser.screenshot("notices-header");

        browser.clickAndWait("#noticesLink");
        assertEquals("Notices", browser.heading());
        assertEquals("page", browser.find("#noticesLink").getAttribute("aria-current"));
        WebElement notice = browser.findAll(".portal-inbox-item").get(0);
        assertEquals("New Your request for a place on " + cohort + " was declined",
                notice.findElement(org.openqa.selenium.By.tagName("h2")).getText());
        assertTrue(notice.getText().contains("The training coordinator said: " + reason), notice.getText());
        assertTrue(notice.getText().contains("Place request declined"), notice.getText());
        browser.screenshot("notices-page");

        browser.clickAndWait(".portal-inbox-item:first-child input[id$='markRead']");
        assertTrue(browser.text().contains("The notice is marked as read."), browser.text());
        assertEquals(unread - 1, Integer.parseInt(browser.find("#noticesLink .portal-badge").getText()));
        assertFalse(browser.findAll(".portal-inbox-item").get(0).getAttribute("class").contains("portal-inbox-item--unread"));
        browser.assertAccessible("the notices page after marking one read").screenshot("notices-read");
    }

    @Test
    void issue5_theCandidateDownloadsTheirCertificateAndAnyoneChecksItSignedOut() throws Exception {
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD);
        browser.go("coordinator/test-fixture/complete");
        long enrolment = Long.parseLong(browser.find("#enrolment").getText());
        List<String> certificate = certificate(enrolment);
        long id = Long.parseLong(certificate.get(0));
        String code = certificate.get(1);
        String course = certificate.get(2);
        browser.clearCookies();

        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        WebElement download = browser.find(".portal-certificates a[href$='/certificates/" + id + "']");
        assertEquals("Download your certificate for " + course + " (PDF)", download.getText());
        browser.screenshot("candidate-certificates");
        HttpResponse<byte[]> pdf = get(download.getAttribute("href"), browser.driver().manage().getCookies()
                .stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        String text = new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1);
        assertTrue(text.contains("Amara Okafor") && text.contains(code.substring(0, 5) + "-" + code.substring(5))
                && text.contains("/portal/verify.xhtml?code=" + code), text);
        assertEquals(1, downloads(id, "amara.okafor"), "the download is in the audit trail, with who and which");
        HttpResponse<byte[]> anonymous = get(download.getAttribute("href"), null);
        assertNotEquals("application/pdf", anonymous.headers().firstValue("Content-Type").orElse(""),
                "signed out, the certificate is not served");

        browser.signOut();
        browser.clearCookies();
        browser.go("verify.xhtml?code=" + code);
        assertEquals("Check a certificate", browser.heading());
        assertEquals("This certificate is genuine", browser.find("#result-heading").getText());
        assertEquals(List.of("Amara Okafor", course), List.of(browser.find("#verified-name").getText(),
                browser.find("#verified-course").getText()));
        assertTrue(browser.find("#verified-date").getText().matches("\\d{1,2} [A-Z][a-z]+ \\d{4}"));
        assertEquals(3, browser.findAll(".portal-verify dt").size(), "name, course and date, nothing else");
        assertFalse(browser.text().contains("northshire-demo.nhs.example"), "no email address");
        assertFalse(browser.text().contains("Peer Support Worker"), "no job title");
        assertTrue(browser.findAll("#noticesLink").isEmpty() && browser.findAll("#signOutForm").isEmpty(), "signed out");
        browser.screenshot("verify-genuine");

        browser.go("verify.xhtml?code=ABCDE-FGHJK");
        assertEquals("There is no certificate with this code", browser.find("#result-heading").getText());
        assertFalse(browser.text().contains("Amara Okafor"));
        assertEquals("ABCDE-FGHJK", browser.find("#code").getAttribute("value"), "what was typed is kept");
        browser.screenshot("verify-unknown");

        browser.type("#code", code.toLowerCase()).clickAndWait("#check");
        assertEquals("Amara Okafor", browser.find("#verified-name").getText(), "typed in lower case, it still checks");
    }

    private static HttpResponse<byte[]> get(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** How many downloads of the certificate the audit trail holds by the person. */
    private static long downloads(long certificate, String actor) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement query = db.prepareStatement("select count(*) from audit_entry where action = "
                        + "'CERTIFICATE_DOWNLOADED' and subject_type = 'Certificate' and subject_id = ? and " + AuditActors.BY_PERSON)) {
            query.setString(1, String.valueOf(certificate));
            query.setString(2, actor);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The certificate of the enrolment: id, code and course title, from the database. */
    private static List<String> certificate(long enrolment) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement query = db.prepareStatement(
                        "select id, code, course_title from certificate where enrolment_id = ?")) {
            query.setLong(1, enrolment);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next(), "a certificate was issued");
                return List.of(result.getString(1), result.getString(2), result.getString(3));
            }
        }
    }

}
