package org.peersupport.portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 5 as its people meet it, in headless Chromium on the demo data (Amara Okafor on the Peer2Peer demo cohort,
 * allocated to Grace Mitchell): the verifier sets a default plan and picks Amara; Amara submits her essay; Grace
 * raises a safeguarding concern and refers the essay back with feedback; Amara reads it and resubmits; Grace signs
 * it off with her password (after a wrong one); Helen checks and confirms the sampled sign-off; the safeguarding lead
 * closes the concern; Amara sees her essay signed off and confirmed. axe-core checks every page on the way.
 *
 * <p>The candidate's portfolio pages come from another branch, so Amara's submissions go through the portfolio's
 * boundaries from {@link StoryFixture}, signed in as herself.
 */
class AssessmentBrowserIT extends PortalBrowserTest {

    private static final String ESSAY = "Personal recovery story essay";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal().addClass(StoryFixture.class);
    }

    @Test
    void issue5_referBackResubmitSignOffWithPasswordAndVerificationOfASample() throws Exception {
        // Helen, the verifier, sets the default plan and picks Amara, so that Amara's sign-offs come to her
        browser.signIn("helen.shaw", DemoDirectory.PASSWORD);
        assertEquals("Verification", browser.heading());
        browser.type("#defaultPlan\\:firstN", "2").type("#defaultPlan\\:rate", "20").clickAndWait("#defaultPlan\\:save");
        assertTrue(browser.text().contains("The default plan is saved: first 2, then 20 %."), browser.text());
        assertTrue(browser.find("#default-plan-state").getText().contains("Samples go to Helen Shaw"));
        Select candidates = new Select(browser.find("#pick\\:enrolment"));
        // other test classes give Amara places on cohorts of their own: this is her place on the demo cohort
        candidates.selectByVisibleText("Amara Okafor, Peer2Peer demo cohort (PEER2PEER)");
        browser.clickAndWait("#pick\\:pickSubmit");
        assertTrue(browser.find(".portal-picks").getText().contains("Amara Okafor"));
        browser.assertAccessible("the verifier's plans and picks").screenshot("assessment-verifier-plans");
        browser.signOut();

        // Amara submits her essay
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        long first = submitAsSignedIn("My recovery story, first draft.");
        browser.go("candidate/index.xhtml");
        assertEquals("Waiting for review", statusOnHome(first));
        browser.signOut();

        // Grace finds it in her queue, raises a safeguarding concern, and refers it back with feedback
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD);
        assertTrue(browser.find("#queue-summary").getText().contains("waiting for your review"));
        browser.clickAndWait("#open-queue");
        assertEquals("Work waiting for review", browser.heading());
        WebElement row = queueRow(first);
        assertTrue(row.getText().contains("Amara Okafor") && row.getText().contains(ESSAY), row.getText());
        assertTrue(row.getText().contains("less than a day"), "the waiting time shows: " + row.getText());
        browser.screenshot("assessment-queue");
        browser.clickAndWait("a[href$='submission=" + first + "']");
        assertEquals("Review: " + ESSAY + ", Amara Okafor", browser.heading());
        assertTrue(browser.find(".portal-snapshot").getText().contains("My recovery story, first draft."));
        browser.screenshot("assessment-review");

        browser.type("#safeguarding\\:concern", "Amara mentions feeling unsafe at home at the moment.")
                .clickAndWait("#safeguarding\\:raise");
        assertTrue(browser.text().contains("Your concern has been sent to the designated safeguarding lead."));

        browser.clickAndWait("#review\\:referBack");
        assertTrue(browser.find("#review").getText().contains("Choose met or not yet met."),
                "a decision without judgements is refused next to each requirement");
        browser.assertAccessible("the review with its problems shown");
        scrollTo("#review");
        browser.screenshot("assessment-review-form");
        judge(List.of("RC.2.1", "RC.2.2"));
        browser.type("#review\\:overall", "A clear start. Tell your own story of recovery in more depth.");
        browser.clickAndWait("#review\\:referBack");
        assertEquals("Work waiting for review", browser.heading());
        assertTrue(browser.text().contains("is referred back to Amara Okafor with your feedback"), browser.text());
        assertTrue(browser.findAll("a[href$='submission=" + first + "']").isEmpty(), "it has left the queue");
        browser.signOut();

        // Amara reads the feedback and resubmits
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        assertEquals("Referred back: read the feedback", statusOnHome(first));
        browser.clickAndWait("a[href$='feedback.xhtml?submission=" + first + "']");
        assertEquals("Feedback: " + ESSAY + ", attempt 1", browser.heading());
        String feedback = browser.find("#decisions").getText();
        assertTrue(feedback.contains("Referred back by Grace Mitchell"), feedback);
        assertTrue(feedback.contains("Tell your own story of recovery in more depth."), feedback);
        assertTrue(feedback.contains("Tell us more about RC.2.1."), feedback);
        assertFalse(browser.text().contains("feeling unsafe"), "the safeguarding concern is not feedback");
        browser.screenshot("assessment-feedback");
        long second = submitAsSignedIn("My recovery story, revised with what recovery has meant for me.");
        browser.signOut();

        // Grace signs off the second attempt, with a wrong password first
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD).go("supervisor/queue.xhtml");
        browser.clickAndWait("a[href$='submission=" + second + "']");
        assertEquals("2", browser.find("#attempt").getText());
        assertTrue(browser.text().contains("Tell your own story of recovery in more depth."), "earlier feedback is shown");
        judge(List.of());
        browser.type("#review\\:overall", "Well done: every requirement is met.");
        browser.find("#review\\:declared").click();
        browser.type("#review\\:password", "not-my-password").clickAndWait("#review\\:signOff");
        assertEquals("That is not your password. Enter the password you sign in with.",
                browser.find("#password-error").getText());
        assertEquals("Well done: every requirement is met.", browser.find("#review\\:overall").getAttribute("value"),
                "what was typed is kept");
        assertEquals("", browser.find("#review\\:password").getAttribute("value"), "the password is not shown again");
        scrollTo("#signoff-heading");
        browser.assertAccessible("a refused sign-off").screenshot("assessment-signoff-refused");
        browser.type("#review\\:password", DemoDirectory.PASSWORD).clickAndWait("#review\\:signOff");
        assertTrue(browser.text().contains(ESSAY + " by Amara Okafor is signed off."), browser.text());
        browser.signOut();

        // Helen checks the sampled sign-off and confirms it
        browser.signIn("helen.shaw", DemoDirectory.PASSWORD);
        WebElement sample = browser.find("#samples tr[data-submission='" + second + "']");
        assertTrue(sample.getText().contains("Amara Okafor"), sample.getText());
        assertTrue(sample.getText().contains("Picked candidate"), sample.getText());
        String href = sample.findElement(By.cssSelector("a")).getAttribute("href");
        browser.clickAndWait("#samples a[href$='" + href.substring(href.indexOf("decision=")) + "']");
        assertEquals("Check sign-off: " + ESSAY + ", Amara Okafor", browser.heading());
        String decisions = browser.find("#decisions").getText();
        assertTrue(decisions.contains("Signed off by Grace Mitchell"), decisions);
        assertTrue(decisions.contains("I confirm that I have assessed this work"), decisions);
        assertTrue(browser.find(".portal-snapshot").getText().contains("revised with what recovery has meant for me"));
        browser.screenshot("assessment-sample");
        browser.type("#verify\\:comments", "A sound judgement, well evidenced.").clickAndWait("#verify\\:confirm");
        assertEquals("Verification", browser.heading());
        assertTrue(browser.text().contains("is confirmed"), browser.text());
        browser.signOut();

        // the safeguarding lead closes the concern
        browser.signIn("nadia.rahman", DemoDirectory.PASSWORD);
        assertEquals("Safeguarding", browser.heading());
        assertTrue(browser.text().contains("Amara mentions feeling unsafe at home at the moment."));
        browser.screenshot("assessment-safeguarding");
        WebElement concern = browser.findAll(".portal-concern").stream()
                .filter(c -> c.getText().contains("feeling unsafe at home")).findFirst().orElseThrow();
        String outcome = concern.findElement(By.tagName("textarea")).getAttribute("id");
        String close = concern.findElement(By.cssSelector("input[type=submit]")).getAttribute("id");
        browser.type("#" + outcome.replace(":", "\\:"), "Called Amara the same day; referred to the crisis team.")
                .clickAndWait("#" + close.replace(":", "\\:"));
        assertTrue(browser.text().contains("The concern about Amara Okafor is closed."), browser.text());
        assertTrue(browser.find(".portal-closed-concerns").getText().contains("referred to the crisis team"));
        browser.signOut();

        // Amara sees her essay signed off and confirmed
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        assertEquals("Signed off and confirmed", statusOnHome(second));
        browser.screenshot("assessment-candidate-home");
    }

    /** Submits Amara's essay as the signed-in candidate, through the portfolio's boundaries; the submission's id. */
    private long submitAsSignedIn(String text) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        String query = "course=PEER2PEER&task=ESSAY&prefix=RC.&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(browser.url("test/assessment-story?" + query))).header("Cookie", "JSESSIONID=" + session.getValue())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Long.parseLong(response.body().strip());
    }

    private void scrollTo(String css) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);", browser.find(css));
    }

    private String statusOnHome(long submissionId) {
        WebElement row = browser.findAll(".portal-my-work tbody tr").stream()
                .filter(r -> !r.findElements(By.cssSelector("a[href$='submission=" + submissionId + "']")).isEmpty())
                .findFirst().orElseThrow();
        return row.findElement(By.cssSelector(".portal-status")).getText();
    }

    private WebElement queueRow(long submissionId) {
        return browser.findAll(".portal-queue tbody tr").stream()
                .filter(r -> !r.findElements(By.cssSelector("a[href$='submission=" + submissionId + "']")).isEmpty())
                .findFirst().orElseThrow();
    }

    /** Judges every requirement on the review form: met, except those named, which get "not yet met" and feedback. */
    private void judge(List<String> notYet) {
        for (WebElement requirement : browser.findAll("#review fieldset.portal-requirement")) {
            String code = requirement.findElement(By.cssSelector(".portal-requirement__code")).getText();
            boolean met = !notYet.contains(code);
            requirement.findElement(By.cssSelector("input[type=radio][value='" + (met ? "MET" : "NOT_YET") + "']")).click();
            WebElement words = requirement.findElement(By.tagName("textarea"));
            words.clear();
            if (!met) {
                words.sendKeys("Tell us more about " + code + ".");
            }
        }
    }
}
