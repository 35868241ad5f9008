package org.peersupport.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.support.AuditActors;
import org.peersupport.portal.support.PortalBrowserTest;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;

/** Sign-in, navigation, sign-out and access as staff meet them, in headless Chromium against Payara Micro. */
class SignInBrowserIT extends PortalBrowserTest {

    private static final Map<String, String> HOME_BY_ROLE = Map.of(
            "candidate", "/candidate/index.xhtml", "supervisor", "/supervisor/index.xhtml",
            "verifier", "/verifier/index.xhtml", "coordinator", "/coordinator/index.xhtml", "hr", "/hr/index.xhtml",
            "safeguarding", "/safeguarding/index.xhtml", "governance", "/governance/index.xhtml");
    private static final Map<String, String> NAVIGATION_BY_ROLE = Map.of(
            "candidate", "My learning", "supervisor", "My candidates", "verifier", "Verification",
            "coordinator", "Course administration", "hr", "Training records", "safeguarding", "Safeguarding",
            "governance", "Information governance");
    private static final List<String> ROLE_ORDER = List.of("candidate", "supervisor", "verifier", "coordinator", "hr",
            "safeguarding", "governance");

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the shipped WAR plus one page that fails half-way through rendering (an unknown property of the shell)
        return Deployments.checkingSessions(Deployments.portal()).addAsWebResource(new StringAsset("""
                <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:ui="jakarta.faces.facelets"
                                template="/WEB-INF/templates/shell.xhtml">
                    <ui:param name="pageTitle" value="Half a page"/>
                    <ui:define name="content"><p>#{shell.noSuchProperty}</p></ui:define>
                </ui:composition>
                """), "learning/render-failure.xhtml");
    }

    @Test
    void everyDemoAccountSignsInLandsOnItsHomeAndSeesExactlyItsNavigation() {
        browser.go("signin.xhtml").assertAccessible("the sign-in page").screenshot("signin");
        assertTrue(browser.find(".demo-marker").isDisplayed(), "demo mode is visibly marked");
        for (DemoAccount account : DemoAccount.values()) {
            browser.clearCookies();
            browser.signIn(account.username(), DemoDirectory.PASSWORD);
            List<String> expectedNavigation = new java.util.ArrayList<>(ROLE_ORDER.stream()
                    .filter(account.roleNames()::contains).flatMap(role -> switch (role) {
                        case "coordinator" -> java.util.stream.Stream.of(NAVIGATION_BY_ROLE.get(role), "Cohorts");
                        case "supervisor" -> java.util.stream.Stream.of(NAVIGATION_BY_ROLE.get(role), "Conflicts of interest");
                        default -> java.util.stream.Stream.of(NAVIGATION_BY_ROLE.get(role));
                    }).toList());
            if (account.roleNames().contains("hr")) {
                expectedNavigation.add(expectedNavigation.indexOf("Training records") + 1, "Completion dashboard");
            }
            if (account.roleNames().stream().anyMatch(role -> !role.equals("governance"))) {
                expectedNavigation.add("Courses"); // the course catalogue is open to every role but governance
            }
            List<String> navigation = browser.findAll(".portal-nav a").stream().map(WebElement::getText).toList();
            assertEquals(expectedNavigation, navigation, account.username() + "'s navigation");
            if (account.roleNames().isEmpty()) {
                assertEquals("/no-access.xhtml", browser.currentPath());
                assertEquals("No access to this portal yet", browser.heading());
            } else {
                String firstRole = ROLE_ORDER.stream().filter(account.roleNames()::contains).findFirst().orElseThrow();
                assertEquals(HOME_BY_ROLE.get(firstRole), browser.currentPath(), account.username() + " lands on their home");
                assertEquals(NAVIGATION_BY_ROLE.get(firstRole), browser.heading());
                assertTrue(browser.text().contains("Welcome, " + account.displayName()), browser.text());
            }
            assertTrue(browser.find(".portal-user__name").getText().contains(account.displayName()));
            browser.assertAccessible(account.username() + "'s home page").screenshot("home-" + account.username());
            browser.signOut();
            assertEquals("/signin.xhtml", browser.currentPath());
        }
    }

    @Test
    void aSupervisorSeesTheirAllocatedCandidatesAndNoOneElse() {
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD);
        // other test classes allocate Grace candidates on cohorts of their own; the demo cohort's rows are the demo's
        List<String> caseload = browser.findAll(".portal-caseload tbody tr").stream()
                .filter(row -> row.findElement(org.openqa.selenium.By.cssSelector("td")).getText().startsWith("Peer2Peer demo cohort"))
                .map(row -> row.findElement(org.openqa.selenium.By.cssSelector("th")).getText()).toList();
        assertEquals(List.of("Amara Okafor", "Dylan Hughes"), caseload.stream().sorted().toList(),
                "on the demo cohort Grace supervises Amara and Dylan, and Priya is allocated to another supervisor");
        browser.screenshot("supervisor-caseload");
    }

    @Test
    void aPersonWithSeveralRolesCanReachEachArea() {
        browser.signIn("morgan.price", DemoDirectory.PASSWORD);
        browser.clickAndWait(".portal-nav a[href$='/coordinator/index.xhtml']");
        assertEquals("Course administration", browser.heading());
        assertEquals("page", browser.find(".portal-nav__link--current").getAttribute("aria-current"));
        browser.go("supervisor/index.xhtml");
        assertEquals("My candidates", browser.heading());
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameMessageAndKeepTheUsername() {
        browser.signIn("amara.okafor", "not-the-password");
        String wrongPassword = browser.find(".portal-message--error").getText();
        assertEquals("/signin.xhtml", browser.currentPath());
        assertEquals("amara.okafor", browser.find("#signin\\:username").getAttribute("value"));
        assertEquals("", browser.find("#signin\\:password").getAttribute("value"), "the password is never sent back");
        browser.assertAccessible("the sign-in page with an error").screenshot("signin-failed");

        browser.signIn("no.such.person", "whatever");
        String unknownAccount = browser.find(".portal-message--error").getText();
        assertEquals(wrongPassword, unknownAccount, "the message does not reveal whether the account exists");
        assertTrue(wrongPassword.contains("Check your username and password"), wrongPassword);
    }

    @Test
    void emptyFieldsAreExplainedNextToEachField() {
        browser.go("signin.xhtml").clickAndWait("#signin\\:submit");
        assertEquals("Enter your username.", browser.find("#signin\\:username-message").getText());
        assertEquals("Enter your password.", browser.find("#signin\\:password-message").getText());
        assertEquals("true", browser.find("#signin\\:username").getAttribute("aria-invalid"));
        browser.assertAccessible("the sign-in page with empty fields");
    }

    @Test
    void signingOutEndsTheSessionAndIsAudited() throws Exception {
        long signOutsBefore = auditCount("SIGN_OUT", "grace.mitchell");
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD).signOut();
        assertEquals(signOutsBefore + 1, auditCount("SIGN_OUT", "grace.mitchell"), "the sign-out is in the audit trail");
        assertTrue(browser.text().contains("You have signed out."), browser.text());
        browser.go("supervisor/index.xhtml");
        assertEquals("/signin.xhtml", browser.currentPath(), "a signed-out browser is sent to sign in");
        assertFalse(browser.text().contains("period without activity"), "a sign-out is not reported as a timeout");
    }

    private static long auditCount(String action, String actor) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from audit_entry where action = ? and " + AuditActors.BY_PERSON + " and remote_address is not null")) {
            query.setString(1, action);
            query.setString(2, actor);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void aCandidateIsRefusedTheHrAreaWithAFriendlyPage() {
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD).go("hr/index.xhtml");
        assertEquals("You do not have access to this page", browser.heading());
        assertFalse(browser.text().contains("Training completion"), "no HR content leaks onto the page");
        browser.assertAccessible("the 403 page").screenshot("forbidden");
        browser.clickAndWait(".portal-main a.portal-button");
        assertEquals("/candidate/index.xhtml", browser.currentPath());
    }

    @Test
    void anEndedSessionIsExplainedAndSigningInAgainReturnsToThePage() {
        browser.signIn("dylan.hughes", DemoDirectory.PASSWORD);
        browser.driver().manage().deleteCookieNamed("JSESSIONID"); // as if the server had timed the session out
        browser.go("candidate/index.xhtml");
        assertEquals("/signin.xhtml", browser.currentPath());
        assertTrue(browser.text().contains("you were signed out after a period without activity"), browser.text());
        browser.screenshot("session-ended");
        browser.type("#signin\\:username", "dylan.hughes").type("#signin\\:password", DemoDirectory.PASSWORD)
                .clickAndWait("#signin\\:submit");
        assertEquals("/candidate/index.xhtml", browser.currentPath(), "back where they were");
    }

    @Test
    void aFormWhoseSessionHasGoneExplainsThatThePageExpired() {
        browser.go("signin.xhtml").type("#signin\\:username", "priya.raman");
        browser.driver().manage().deleteCookieNamed("JSESSIONID"); // the server no longer knows this page
        browser.type("#signin\\:password", DemoDirectory.PASSWORD).clickAndWait("#signin\\:submit");
        assertEquals("This page has expired", browser.heading());
        browser.assertAccessible("the expired page").screenshot("expired");
        browser.clickAndWait(".portal-main a.portal-button");
        assertEquals("/signin.xhtml", browser.currentPath());
    }

    @Test
    void anUnknownAddressGetsAFriendlyNotFoundPage() {
        browser.signIn("helen.shaw", DemoDirectory.PASSWORD).go("verifier/no-such-page.xhtml");
        assertEquals("Page not found", browser.heading());
        browser.assertAccessible("the 404 page");
    }

    @Test
    void aPageThatFailsWhileRenderingIsReplacedByTheWholeErrorPageWithAReference() {
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD).go("learning/render-failure.xhtml");
        assertEquals("Something went wrong", browser.heading(), "the error page, not the failed page's start");
        assertTrue(browser.find(".portal-reference").getText().matches("[A-Z0-9-]{6,}"), browser.find(".portal-reference").getText());
        assertFalse(browser.text().contains("Half a page"), "nothing of the failed page is left");
        assertEquals(1, browser.findAll("header.portal-header").size(), "one header");
        assertTrue(browser.find(".portal-footer").isDisplayed(), "the page is whole, to its footer");
        browser.assertAccessible("the 500 page").screenshot("error-500");
    }

    @Test
    void theSkipLinkIsTheFirstThingTheKeyboardReaches() {
        browser.go("signin.xhtml");
        browser.find("body").sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertEquals("Skip to main content", focused.getText());
        focused.sendKeys(Keys.ENTER);
        assertEquals("main", browser.driver().switchTo().activeElement().getAttribute("id"));
    }

    @Test
    void readinessReportsTheDatabaseAndTheDirectory() throws Exception {
        URI health = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health/ready");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body().replace(" ", "");
        assertTrue(body.contains("\"name\":\"database\",\"status\":\"UP\""), body);
        assertTrue(body.contains("\"name\":\"directory\",\"status\":\"UP\""), body);
    }
}
