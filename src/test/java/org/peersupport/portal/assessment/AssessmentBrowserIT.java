package org.peersupport.portal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peersupport.portal.support.CoordinatorFixtureServlet;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.Mailbox;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 5 end to end, in one story, in headless Chromium, through the portal's own pages: from Amara Okafor's first
 * draft to a verified certificate. Amara has a place of her own on a Peer2Peer cohort that Grace Mitchell supervises,
 * whose registers the coordinator has taken and whose lessons Amara has finished (set up through the real boundaries
 * by {@link CoordinatorFixtureServlet}), so that only the two assessment tasks stand between her and completion.
 *
 * <p>Helen, the verifier, picks Amara for sampling. Amara writes her essay, attaches a file, maps both to
 * requirements and submits with the keyboard alone. Grace raises a safeguarding concern and refers the essay back with
 * feedback, which reaches Amara as a notice and an email. Amara revises and resubmits; Grace signs off with her
 * password (after a wrong one); Helen confirms the sample. Amara submits her portfolio of evidence, Grace signs it off
 * and Helen confirms it, and the completion rules complete the enrolment. Amara downloads her certificate and the
 * public verification page confirms it. Every decision is in the audit trail. axe-core checks every page on the way.
 */
class AssessmentBrowserIT extends PortalBrowserTest {

    private static final String ESSAY = "Personal recovery story essay";
    private static final String PORTFOLIO = "Portfolio of evidence";
    private static final String AMARA_EMAIL = "amara.okafor@northshire-demo.nhs.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.withCoordinatorFixture());
    }

    @Test
    void issue5_fromFirstDraftThroughReferBackSignOffAndVerificationToAVerifiedCertificate() throws Exception {
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD)
                .go("coordinator/test-fixture/ready-for-assessment?candidate=amara.okafor&supervisor=grace.mitchell");
        long enrolment = Long.parseLong(browser.find("#enrolment").getText());
        String cohort = browser.find("#cohort").getText();
        browser.clearCookies();

        // Helen, the verifier, sets the default plan and picks Amara on this cohort, so that her sign-offs come to Helen
        browser.signIn("helen.shaw", DemoDirectory.PASSWORD);
        assertEquals("Verification", browser.heading());
        browser.type("#defaultPlan\\:firstN", "2").type("#defaultPlan\\:rate", "20").clickAndWait("#defaultPlan\\:save");
        assertTrue(browser.text().contains("The default plan is saved: first 2, then 20 %."), browser.text());
        new Select(browser.find("#pick\\:enrolment")).selectByVisibleText("Amara Okafor, " + cohort + " (PEER2PEER)");
        browser.clickAndWait("#pick\\:pickSubmit");
        assertTrue(browser.find(".portal-picks").getText().contains(cohort));
        browser.assertAccessible("the verifier's plans and picks").screenshot("assessment-verifier-plans");
        browser.signOut();

        // Amara writes her essay, autosaved as she types, and maps it to two requirements
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        browser.clickAndWait("a[href$='candidate/portfolio.xhtml?enrolment=" + enrolment + "']");
        assertEquals("My portfolio of evidence", browser.heading());
        browser.clickAndWait("#new\\:written");
        browser.type("#item\\:title", "My personal recovery story");
        write("Recovery, for me, began when I was believed. Peer support showed me that hope can be shared.");
        long essay = id("select id from evidence_item where enrolment_id = " + enrolment + " and body_html like '%believed%'");
        browser.find("input[data-code='RC.2.1']").click();
        browser.find("input[data-code='RC.2.2']").click();
        browser.clickAndWait("#item\\:save");
        assertTrue(browser.text().contains("Saved."), browser.text());

        // ... attaches a file, checked by its content, and maps it to a third
        browser.clickAndWait(".portal-breadcrumb a").clickAndWait("#new-file");
        Path log = Files.createTempFile("reflective-log", ".txt");
        Files.writeString(log, "Week 3: I noticed how sharing a little of my story helped someone talk.\n", StandardCharsets.UTF_8);
        browser.find("#upload\\:file").sendKeys(log.toString());
        browser.type("#upload\\:fileTitle", "Reflective log from my placement").clickAndWait("#upload\\:submit");
        assertTrue(browser.text().contains("File uploaded"), browser.text());
        long file = id("select id from evidence_item where enrolment_id = " + enrolment + " and kind = 'FILE'");
        browser.find("input[data-code='RC.3.1']").click();
        browser.clickAndWait("#item\\:save");

        // ... and submits both for the essay task with the keyboard alone
        browser.clickAndWait(".portal-breadcrumb a");
        browser.tabTo("#task-ESSAY a.submit-task", 120).pressAndWait(Keys.ENTER);
        assertEquals("Submit: " + ESSAY, browser.heading());
        for (long item : new long[] {essay, file}) {
            browser.tabTo("input[data-item='" + item + "']", 60);
            new Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
        }
        browser.tabTo("#submit\\:declaration", 30);
        new Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
        browser.tabTo("#submit\\:send", 10).pressAndWait(Keys.ENTER);
        assertEquals(ESSAY + ": attempt 1", browser.heading());
        long first = latestSubmission(enrolment, "ESSAY");
        browser.go("candidate/index.xhtml");
        assertEquals("Waiting for review", statusOnHome(first));
        browser.signOut();

        // Grace finds it in her queue, raises a safeguarding concern, and refers it back with feedback
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD);
        assertTrue(browser.find("#queue-summary").getText().contains("waiting for your review"));
        String home = browser.driver().getCurrentUrl();
        browser.go("notices.xhtml");
        String told = browser.findAll(".portal-inbox-item").get(0).getText();
        assertTrue(told.contains("Amara Okafor submitted work on " + ESSAY + " (Peer2Peer) for you to review"), told);
        browser.driver().get(home);
        browser.clickAndWait("#open-queue");
        assertEquals("Work waiting for review", browser.heading());
        WebElement row = queueRow(first);
        assertTrue(row.getText().contains("Amara Okafor") && row.getText().contains(ESSAY), row.getText());
        assertTrue(row.getText().contains("less than a day"), "the waiting time shows: " + row.getText());
        browser.screenshot("assessment-queue");
        browser.clickAndWait("a[href$='submission=" + first + "']");
        assertEquals("Review: " + ESSAY + ", Amara Okafor", browser.heading());
        String snapshot = browser.find(".portal-snapshot").getText();
        assertTrue(snapshot.contains("I was believed") && snapshot.contains("Reflective log from my placement"), snapshot);
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
        Predicate<Mailbox.Mail> referral = m -> m.subject().equals("Your work on " + ESSAY + " (Peer2Peer) was referred back");
        long mailsBefore = Mailbox.of(AMARA_EMAIL).stream().filter(referral).count();
        judge(List.of("RC.2.1", "RC.2.2"));
        browser.type("#review\\:overall", "A clear start. Tell your own story of recovery in more depth.");
        browser.clickAndWait("#review\\:referBack");
        assertEquals("Work waiting for review", browser.heading(), browser::text);
        assertTrue(browser.text().contains("is referred back to Amara Okafor with your feedback"), browser.text());
        assertTrue(browser.findAll("a[href$='submission=" + first + "']").isEmpty(), "it has left the queue");
        browser.signOut();

        // Amara is told, by email and in the portal, reads the feedback, revises her essay and resubmits with the mouse
        List<Mailbox.Mail> mails = Mailbox.waitFor(AMARA_EMAIL, referral, Math.toIntExact(mailsBefore + 1),
                Duration.ofSeconds(30));
        assertTrue(mails.size() > mailsBefore, "a new email: " + Mailbox.of(AMARA_EMAIL).stream()
                .map(Mailbox.Mail::subject).toList());
        assertTrue(mails.get(mails.size() - 1).body().contains("Read the feedback"), mails.get(mails.size() - 1).body());
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        assertEquals("Referred back: read the feedback", statusOnHome(first));
        browser.clickAndWait("#noticesLink");
        WebElement notice = browser.findAll(".portal-inbox-item").stream()
                .filter(n -> n.getText().contains("Your work on " + ESSAY + " (Peer2Peer) was referred back")).findFirst().orElseThrow();
        browser.clickAndWait("#" + notice.findElement(By.cssSelector("input[id$='open']")).getAttribute("id")
                .replace(":", "\\:"));
        assertEquals("Feedback: " + ESSAY + ", attempt 1", browser.heading());
        String feedback = browser.find("#decisions").getText();
        assertTrue(feedback.contains("Referred back by Grace Mitchell"), feedback);
        assertTrue(feedback.contains("Tell your own story of recovery in more depth."), feedback);
        assertTrue(feedback.contains("Tell us more about RC.2.1."), feedback);
        assertFalse(browser.text().contains("feeling unsafe"), "the safeguarding concern is not feedback");
        browser.screenshot("assessment-feedback");

        browser.go("candidate/evidence.xhtml?id=" + essay);
        write(" Looking back, what recovery has meant for me is finding my own voice again.");
        browser.clickAndWait("#item\\:save");
        long second = submitWithMouse(enrolment, "ESSAY", essay, file);
        assertNotEquals(first, second);
        assertEquals(ESSAY + ": attempt 2", browser.heading());
        browser.signOut();

        // Grace signs off the second attempt, with a wrong password first
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD).go("supervisor/queue.xhtml");
        browser.clickAndWait("a[href$='submission=" + second + "']");
        assertEquals("2", browser.find("#attempt").getText());
        assertTrue(browser.find(".portal-snapshot").getText().contains("finding my own voice again"));
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
        assertEquals("current-password", browser.find("#review\\:password").getAttribute("autocomplete"));
        assertTrue(browser.pasteAllowed("#review\\:password"),
                "the password may be pasted or filled in by a password manager (WCAG 2.2, 3.3.8)");
        browser.type("#review\\:password", DemoDirectory.PASSWORD).clickAndWait("#review\\:signOff");
        assertTrue(browser.text().contains(ESSAY + " by Amara Okafor is signed off."), browser.text());
        browser.signOut();

        // Helen checks the sampled sign-off and confirms it
        confirmSample(second, ESSAY, "finding my own voice again");
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        assertEquals("Signed off and confirmed", statusOnHome(second));
        assertEquals("ACTIVE", text("select status from enrolment where id = " + enrolment), "one task to go");

        // Amara writes her account of practice and submits it as her portfolio of evidence
        browser.clickAndWait("a[href$='candidate/portfolio.xhtml?enrolment=" + enrolment + "']").clickAndWait("#new\\:written");
        browser.type("#item\\:title", "An account of my practice");
        write("At the drop-in I used active listening and shared a little of my own story, with care.");
        long account = id("select id from evidence_item where enrolment_id = " + enrolment + " and body_html like '%drop-in%'");
        browser.find("input[data-code='DP.1.1']").click();
        browser.find("input[data-code='DP.2.1']").click();
        browser.clickAndWait("#item\\:save");
        long portfolio = submitWithMouse(enrolment, "PORTFOLIO", account);
        browser.signOut();

        // Grace signs it off; Helen confirms it; the completion rules complete the enrolment
        browser.signIn("grace.mitchell", DemoDirectory.PASSWORD).go("supervisor/review.xhtml?submission=" + portfolio);
        assertEquals("Review: " + PORTFOLIO + ", Amara Okafor", browser.heading());
        judge(List.of());
        browser.type("#review\\:overall", "A thoughtful account of practice.");
        browser.find("#review\\:declared").click();
        browser.type("#review\\:password", DemoDirectory.PASSWORD).clickAndWait("#review\\:signOff");
        assertTrue(browser.text().contains(PORTFOLIO + " by Amara Okafor is signed off."), browser.text());
        browser.signOut();
        confirmSample(portfolio, PORTFOLIO, "active listening");

        // the safeguarding lead closes the concern
        browser.signIn("nadia.rahman", DemoDirectory.PASSWORD);
        assertEquals("Safeguarding", browser.heading());
        WebElement concern = browser.findAll(".portal-concern").stream()
                .filter(c -> c.getText().contains("feeling unsafe at home")).findFirst().orElseThrow();
        String outcome = concern.findElement(By.tagName("textarea")).getAttribute("id");
        String close = concern.findElement(By.cssSelector("input[type=submit]")).getAttribute("id");
        browser.screenshot("assessment-safeguarding");
        browser.type("#" + outcome.replace(":", "\\:"), "Spoke with Amara; she has support in place.")
                .clickAndWait("#" + close.replace(":", "\\:"));
        assertTrue(browser.text().contains("The concern about Amara Okafor is closed."), browser.text());
        assertTrue(browser.find(".portal-closed-concerns").getText().contains("she has support in place"));
        browser.signOut();

        // Amara has completed: she downloads her certificate
        assertEquals("COMPLETED", text("select status from enrolment where id = " + enrolment));
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        browser.screenshot("assessment-candidate-home");
        long certificate = id("select id from certificate where enrolment_id = " + enrolment);
        String code = text("select code from certificate where enrolment_id = " + enrolment);
        WebElement download = browser.find(".portal-certificates a[href$='/certificates/" + certificate + "']");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download.getAttribute("href")))
                .header("Cookie", browser.cookieHeader()).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String printed = new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1);
        String shownCode = code.substring(0, 5) + "-" + code.substring(5);
        assertTrue(printed.contains("Amara Okafor") && printed.contains(shownCode), printed);
        browser.signOut();

        // anyone, signed out, checks the code printed on it
        browser.clearCookies();
        browser.go("verify.xhtml");
        browser.type("#code", shownCode).clickAndWait("#check");
        assertEquals("This certificate is genuine", browser.find("#result-heading").getText());
        assertEquals("Amara Okafor", browser.find("#verified-name").getText());
        assertEquals(3, browser.findAll(".portal-verify dt").size(), "name, course and date, nothing else");
        browser.screenshot("assessment-verified");

        // every decision on the way is in the audit trail, by whom it was taken
        List<String> trail = new ArrayList<>();
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement statement = db.prepareStatement(
                "select coalesce((select p.username from person p where p.id = actor_id), actor) || ' ' || action from audit_entry where (subject_type = 'Submission' and subject_id in (?, ?, ?) "
                        + "and action <> 'SUBMISSION_READ') or (subject_type = 'Enrolment' and subject_id = ? "
                        + "and action = 'ENROLMENT_COMPLETED') order by id")) {
            statement.setString(1, Long.toString(first));
            statement.setString(2, Long.toString(second));
            statement.setString(3, Long.toString(portfolio));
            statement.setString(4, Long.toString(enrolment));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    trail.add(rows.getString(1));
                }
            }
        }
        assertEquals(List.of("amara.okafor SUBMISSION_CREATED", "grace.mitchell SUBMISSION_REFERRED_BACK",
                "amara.okafor SUBMISSION_CREATED", "grace.mitchell SUBMISSION_SIGNED_OFF", "helen.shaw SUBMISSION_VERIFIED",
                "amara.okafor SUBMISSION_CREATED", "grace.mitchell SUBMISSION_SIGNED_OFF", "helen.shaw SUBMISSION_VERIFIED",
                "helen.shaw ENROLMENT_COMPLETED"), trail);
    }

    /** Types at the end of the rich-text editor and waits for the autosave. */
    private void write(String words) {
        WebElement editor = browser.find(".ql-editor");
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(words);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("item:autosave")).getText().startsWith("Saved at"));
    }

    /** From the portfolio, submits these items for the task with the mouse; the new submission's id. */
    private long submitWithMouse(long enrolment, String task, long... items) throws SQLException {
        browser.go("candidate/portfolio.xhtml?enrolment=" + enrolment).clickAndWait("#task-" + task + " a.submit-task");
        for (long item : items) {
            browser.find("input[data-item='" + item + "']").click();
        }
        browser.find("#submit\\:declaration").click();
        browser.clickAndWait("#submit\\:send");
        assertTrue(browser.text().contains("Submitted."), browser.text());
        return latestSubmission(enrolment, task);
    }

    /** Helen opens the sampled sign-off of this submission from her list and confirms it. */
    private void confirmSample(long submission, String task, String evidence) {
        browser.signIn("helen.shaw", DemoDirectory.PASSWORD);
        WebElement sample = browser.find("#samples tr[data-submission='" + submission + "']");
        assertTrue(sample.getText().contains("Amara Okafor") && sample.getText().contains("Picked candidate"), sample.getText());
        browser.clickAndWait("#samples tr[data-submission='" + submission + "'] a");
        assertEquals("Check sign-off: " + task + ", Amara Okafor", browser.heading());
        String decisions = browser.find("#decisions").getText();
        assertTrue(decisions.contains("Signed off by Grace Mitchell"), decisions);
        assertTrue(decisions.contains("I confirm that I have assessed this work"), decisions);
        assertTrue(browser.find(".portal-snapshot").getText().contains(evidence));
        browser.screenshot("assessment-sample");
        browser.type("#verify\\:comments", "A sound judgement, well evidenced.").clickAndWait("#verify\\:confirm");
        assertEquals("Verification", browser.heading());
        assertTrue(browser.text().contains("is confirmed"), browser.text());
        browser.signOut();
    }

    private void scrollTo(String css) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);", browser.find(css));
    }

    private String statusOnHome(long submissionId) {
        browser.go("candidate/index.xhtml");
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
            WebElement choice = requirement.findElement(By.cssSelector("input[type=radio][value='" + (met ? "MET" : "NOT_YET") + "']"));
            choice.click();
            assertTrue(choice.isSelected(), code + " is judged " + (met ? "met" : "not yet met"));
            WebElement words = requirement.findElement(By.tagName("textarea"));
            words.clear();
            if (!met) {
                words.sendKeys("Tell us more about " + code + ".");
            }
        }
    }

    private static long latestSubmission(long enrolment, String task) throws SQLException {
        return id("select s.id from submission s join assessment_task t on t.id = s.task_id where s.enrolment_id = "
                + enrolment + " and t.code = '" + task + "' order by s.attempt desc limit 1");
    }

    private static long id(String query) throws SQLException {
        return Long.parseLong(text(query));
    }

    private static String text(String query) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement statement = db.prepareStatement(query);
                ResultSet row = statement.executeQuery()) {
            assertTrue(row.next(), query);
            return row.getString(1);
        }
    }
}
