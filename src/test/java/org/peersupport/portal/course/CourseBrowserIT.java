package org.peersupport.portal.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.peersupport.portal.support.PortalBrowserTest;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;

/**
 * Peer2Peer as candidates and coordinators meet it, in headless Chromium: the demo-mode start-up loads and
 * publishes the Peer2Peer package from deployment/courses/peer2peer, exactly as {@code mvn -Pdemo} does.
 */
class CourseBrowserIT extends PortalBrowserTest {

    private static final String COURSE = "lesson.xhtml?course=PEER2PEER&session=";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.portal());
    }

    @Test
    void aCandidateFindsPeer2PeerAndReadsWhatIsRecovery() {
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        assertTrue(browser.text().contains("Peer2Peer"), "the candidate's home lists the course");
        browser.clickAndWait("a.portal-button[href*='course=PEER2PEER']");
        assertEquals("Peer2Peer", browser.heading());
        List<String> sessions = browser.findAll(".portal-session__title").stream().map(WebElement::getText).toList();
        assertEquals(11, sessions.size(), sessions.toString());
        assertEquals("What is Recovery?", sessions.get(1));
        assertEquals("Positive Risk Taking and Boundaries", sessions.get(9));
        browser.assertAccessible("the course overview").screenshot("course-overview");

        browser.clickAndWait(".portal-session:nth-child(2) a");
        assertEquals("Session 2: What is Recovery?", browser.heading());
        String lesson = browser.find(".portal-lesson__about").getText();
        assertTrue(lesson.contains("everyone has the potential for recovery"), lesson);
        assertTrue(browser.text().contains("No attachment found"), "a session without files says so");
        browser.assertAccessible("the What is Recovery? lesson").screenshot("lesson-what-is-recovery");

        browser.clickAndWait("#next");
        assertEquals("Session 3: Personal Recovery", browser.heading());
        browser.clickAndWait("#previous");
        assertEquals("Session 2: What is Recovery?", browser.heading());
    }

    @Test
    void aGlossaryTermInALessonLeadsToItsDefinition() {
        browser.signIn("dylan.hughes", DemoDirectory.PASSWORD).go("learning/" + COURSE + "2");
        WebElement term = browser.find(".portal-lesson__about a.glossary-term");
        String word = term.getText().toLowerCase();
        browser.clickAndWait(".portal-lesson__about a.glossary-term");
        assertTrue(browser.heading().startsWith("Glossary"), browser.heading());
        String anchor = browser.driver().getCurrentUrl().substring(browser.driver().getCurrentUrl().indexOf('#') + 1);
        WebElement definition = browser.find("dt#" + anchor);
        assertTrue(word.startsWith(definition.getText().toLowerCase().substring(0, 4)), word + " ~ " + definition.getText());
        assertTrue(browser.text().contains("restored from its definition"), "restored headings are marked");
        browser.assertAccessible("the glossary").screenshot("glossary");
    }

    @Test
    void aCandidateDownloadsAnExerciseFile() throws Exception {
        browser.signIn("priya.raman", DemoDirectory.PASSWORD).go("learning/" + COURSE + "6");
        WebElement link = browser.find(".portal-files a");
        assertTrue(link.getText().contains("Reflective log template"), link.getText());
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .header("Cookie", browser.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(download.body().contains("Reflective log"), download.body());

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(anonymous.body().contains("Reflective log"), "nobody downloads course files without signing in");
    }

    /**
     * WCAG 2.2 reflow: at 320 CSS pixels (a 1280-pixel screen zoomed to 400 %) a candidate's pages need no sideways
     * scrolling; a table may scroll inside its own region.
     */
    @Test
    void aCandidatesPagesReflowAt320PixelsWide() {
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        WebDriver driver = browser.driver();
        Dimension before = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(320, 800));
            for (String page : List.of("candidate/index.xhtml", "learning/course.xhtml?course=PEER2PEER", "learning/" + COURSE + "2",
                    "learning/" + COURSE + "10&proceed=true", "learning/glossary.xhtml?course=PEER2PEER",
                    "learning/cohorts.xhtml", "candidate/portfolio.xhtml", "notices.xhtml")) {
                browser.go(page);
                assertNoSidewaysScrolling(page);
            }
            browser.go("candidate/portfolio.xhtml").clickAndWait("a[href*='matrix.xhtml']");
            assertNoSidewaysScrolling("the evidence matrix (its tables scroll in their own regions)");
            browser.go("candidate/index.xhtml").clickAndWait("a[href*='records/enrolment.xhtml']");
            assertNoSidewaysScrolling("the candidate's own record");
            browser.go("learning/" + COURSE + "2").screenshot("lesson-320px");
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static void assertNoSidewaysScrolling(String page) {
        List<?> widths = (List<?>) ((JavascriptExecutor) browser.driver()).executeScript(
                "const w = document.documentElement.clientWidth; const wide = [];"
                + "document.querySelectorAll('main *').forEach(e => { const r = e.getBoundingClientRect();"
                + "  if (r.right > w + 1 && !e.parentElement.closest('.portal-table-scroll'))"
                + "    wide.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right) + ': ' + e.textContent.trim().substring(0, 60)); });"
                + "return [document.documentElement.scrollWidth, w, wide.slice(0, 5).join(' | ')];");
        long scroll = ((Number) widths.get(0)).longValue();
        long client = ((Number) widths.get(1)).longValue();
        assertTrue(client <= 330, "the window is 320 pixels wide: " + client);
        assertTrue(scroll <= client, page + " scrolls sideways: " + scroll + " pixels of content in " + client
                + "; too wide: " + widths.get(2));
    }

    @Test
    void session10WarnsFirstAndKeepsSignpostingOnThePage() {
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD).go("learning/" + COURSE + "10");
        assertEquals("Session 10: Positive Risk Taking and Boundaries", browser.heading());
        String warning = browser.find(".portal-warning").getText();
        assertTrue(warning.contains("Samaritans") && warning.contains("116 123"), warning);
        assertTrue(browser.findAll(".portal-lesson__about").isEmpty(), "the lesson waits for the candidate's choice");
        browser.assertAccessible("the session 10 warning").screenshot("lesson-warning");

        browser.clickAndWait("#later");
        assertEquals("Peer2Peer", browser.heading(), "coming back later returns to the course");

        browser.go("learning/" + COURSE + "10").clickAndWait("#continue");
        assertFalse(browser.findAll(".portal-lesson__about").isEmpty());
        String support = browser.find(".portal-support").getText();
        assertTrue(support.contains("Samaritans") && support.contains("116 123"), support);
        browser.assertAccessible("session 10 with signposting").screenshot("lesson-with-signposting");
    }

    @Test
    void markingLessonsCompleteShowsProgress() {
        browser.signIn("dylan.hughes", DemoDirectory.PASSWORD).go("learning/" + COURSE + "1");
        browser.clickAndWait("#completion\\:complete");
        assertTrue(browser.text().contains("Session 1 is marked as complete."), browser.text());
        assertTrue(browser.text().contains("You have completed this session."));
        browser.go("learning/" + COURSE + "3").clickAndWait("#completion\\:complete");
        browser.go("learning/course.xhtml?course=PEER2PEER");
        assertTrue(browser.find("#progress-text").getText().startsWith("2 of 11 sessions complete"), browser.find("#progress-text").getText());
        assertEquals("Completed", browser.find(".portal-session:nth-child(1) .portal-session__status").getText());
        assertEquals("Not completed yet", browser.find(".portal-session:nth-child(2) .portal-session__status").getText());
        browser.screenshot("course-progress");

        browser.go("learning/" + COURSE + "3").clickAndWait("#completion\\:incomplete");
        browser.go("learning/course.xhtml?course=PEER2PEER");
        assertTrue(browser.find("#progress-text").getText().startsWith("1 of 11 sessions complete"));

        // the lesson page keeps no view state (issue 18), and its forms still work: signing out from it
        browser.go("learning/" + COURSE + "2");
        assertEquals("stateless", browser.find("#completion input[name='jakarta.faces.ViewState']").getAttribute("value"));
        browser.signOut();
        assertTrue(browser.findAll("#signOutForm").isEmpty() && browser.driver().getCurrentUrl().contains("signin.xhtml"),
                "signed out from a lesson: " + browser.driver().getCurrentUrl());
    }

    @Test
    void aCoordinatorEditsALessonPublishesAndTheCandidateSeesTheChange() throws Exception {
        // Tom reads version 1 first, so he is pinned to it when version 2 is published.
        browser.signIn("tom.barker", DemoDirectory.PASSWORD).go("learning/course.xhtml?course=PEER2PEER");
        assertEquals("Peer2Peer", browser.heading());

        browser.clearCookies();
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD);
        assertEquals("Course administration", browser.heading());
        browser.assertAccessible("course administration").screenshot("admin-courses");
        // other test classes may have published versions of Peer2Peer already: the draft is the one after the latest
        int draft = browser.findAll("#versions tr[data-code='PEER2PEER']").stream()
                .mapToInt(r -> Integer.parseInt(r.getAttribute("data-version"))).max().orElseThrow() + 1;
        browser.clickAndWait("#versions tr[data-code='PEER2PEER'] input.new-draft");
        assertTrue(browser.heading().startsWith("Peer2Peer"), browser.heading());
        assertTrue(browser.text().contains("Draft"), "the new version is a draft");
        browser.assertAccessible("a draft course version").screenshot("admin-course");

        // The attendance needed to complete: out of range or empty is explained next to the field, keeping what was typed
        assertEquals("80", browser.find("#details\\:threshold").getAttribute("value"));
        for (String typed : List.of("101", "")) {
            browser.type("#details\\:threshold", typed).clickAndWait("#details\\:save");
            assertEquals("Enter the attendance needed to complete as a whole number from 0 to 100.",
                    browser.find("#details\\:threshold-message").getText(), "for '" + typed + "'");
            assertEquals(typed, browser.find("#details\\:threshold").getAttribute("value"), "what was typed is kept");
        }
        browser.assertAccessible("a draft course version with a threshold refused");

        List<WebElement> editLinks = browser.findAll("a[href*='coordinator/session.xhtml']");
        String session2 = editLinks.get(1).getAttribute("href");
        browser.driver().get(session2);
        assertTrue(browser.heading().startsWith("Edit session 2"), browser.heading());
        browser.assertAccessible("the session editor").screenshot("admin-session");
        WebElement editor = browser.find(".ql-editor");
        editor.click();
        editor.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.END));
        editor.sendKeys(org.openqa.selenium.Keys.ENTER, "A note from the Recovery College: bring your reflective log.");
        browser.clickAndWait("#session\\:save");
        assertTrue(browser.text().contains("Session saved."), browser.text());

        // An executable dressed as a PDF is refused, next to the file field
        java.nio.file.Path fake = java.nio.file.Files.createTempFile("notes", ".pdf");
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        exe[128] = 'P';
        exe[129] = 'E';
        java.nio.file.Files.write(fake, exe);
        browser.find("#upload\\:file").sendKeys(fake.toString());
        browser.clickAndWait("#upload\\:submit");
        String refusal = browser.find("#upload\\:file-message").getText();
        assertTrue(refusal.contains("not") && refusal.contains(".pdf"), refusal);
        browser.screenshot("admin-upload-refused");

        browser.go("coordinator/index.xhtml")
                .clickAndWait("#versions tr[data-code='PEER2PEER'][data-version='" + draft + "'] input.publish");
        assertTrue(browser.text().contains("is published"), browser.text());

        browser.clearCookies();
        browser.signIn("tom.barker", DemoDirectory.PASSWORD).go("learning/course.xhtml?course=PEER2PEER");
        assertTrue(browser.text().contains("A newer version of this course (version " + draft + ")"), browser.text());
        browser.go("learning/" + COURSE + "2");
        assertFalse(browser.text().contains("bring your reflective log"), "Tom's course stays the same until he switches");
        browser.go("learning/course.xhtml?course=PEER2PEER").clickAndWait("#switchVersion\\:switch");
        assertTrue(browser.text().contains("You are now reading the latest version"), browser.text());
        browser.go("learning/" + COURSE + "2");
        assertTrue(browser.find(".portal-lesson__about").getText().contains("bring your reflective log"));
    }

    @Test
    void aCoordinatorStartsACourseFromNothingAndPreviewsItsFirstSession() {
        browser.signIn("morgan.price", DemoDirectory.PASSWORD).go("coordinator/index.xhtml");
        browser.clickAndWait("#create\\:submit");
        assertEquals("This field is required.", browser.find("#create\\:code-message").getText(), "each field explains itself");
        browser.type("#create\\:code", "wellbeing-101").type("#create\\:title", "Wellbeing at Work")
                .type("#create\\:summary", "A short course on looking after yourself at work.").clickAndWait("#create\\:submit");
        assertEquals("Wellbeing at Work – Version 1", browser.heading());
        assertTrue(browser.text().contains("WELLBEING-101"));
        String coursePage = browser.driver().getCurrentUrl();

        browser.type("#addSession\\:sessionTitle", "Welcome")
                .type("#addSession\\:sessionAims", "To meet the group and agree how we will work together.")
                .clickAndWait("#addSession\\:add");
        assertTrue(browser.text().contains("Session added at the end of the course."), browser.text());
        browser.clickAndWait("a[href*='preview=']");
        assertEquals("Session 1: Welcome", browser.heading());
        assertTrue(browser.text().contains("this is how candidates will see this session"));
        assertTrue(browser.find(".portal-lesson__about").getText().contains("agree how we will work together"),
                "until the lesson is written, it shows the session's aims");
        browser.assertAccessible("a draft previewed as a candidate").screenshot("admin-preview");

        browser.driver().get(coursePage);
        browser.type("#addTerm\\:term", "Wellbeing").type("#addTerm\\:definition", "Feeling well in body and mind.")
                .clickAndWait("#addTerm\\:add");
        assertTrue(browser.text().contains("Glossary term added."), browser.text());
        browser.clickAndWait("#glossary input.edit-term");
        assertEquals("Feeling well in body and mind.", browser.find("#addTerm\\:definition").getAttribute("value"));
        browser.type("#addTerm\\:definition", "Feeling well in body, mind and work.").clickAndWait("#addTerm\\:add");
        assertTrue(browser.text().contains("Glossary term saved."), browser.text());
        assertTrue(browser.find(".portal-glossary").getText().contains("Feeling well in body, mind and work."));
        browser.assertAccessible("a draft course with a glossary term");

        // The course's structure and a session's content warning are edited on their own pages
        browser.clickAndWait("a[href*='structure.xhtml']");
        browser.type("#addUnit\\:code", "WB1").type("#addUnit\\:title", "Wellbeing basics").clickAndWait("#addUnit\\:add");
        assertTrue(browser.text().contains("Unit WB1 added."), browser.text());
        browser.assertAccessible("the structure editor of a draft").screenshot("admin-structure");

        browser.driver().get(coursePage);
        browser.clickAndWait("a[href*='coordinator/session.xhtml']");
        browser.clickAndWait("a[href*='warning.xhtml']");
        browser.type("#warning\\:topics", "stress at work");
        browser.clickAndWait("#warning\\:addContact");
        browser.type("#warning\\:contacts\\:0\\:name", "Samaritans").type("#warning\\:contacts\\:0\\:phone", "116 123");
        browser.clickAndWait("#warning\\:save");
        browser.assertAccessible("the content warning editor").screenshot("admin-warning");
        browser.driver().get(coursePage);
        browser.clickAndWait("a[href*='preview=']");
        browser.screenshot("admin-preview-warning");
        String warning = browser.find(".portal-warning").getText();
        assertTrue(warning.contains("stress at work") && warning.contains("116 123"), warning);

        browser.clearCookies();
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD).go("learning/index.xhtml");
        assertFalse(browser.text().contains("Wellbeing at Work"), "drafts are for coordinators only");
    }

    /**
     * Issue 18: a published lesson is rendered by Faces once and then served as it was rendered, with the reader's own
     * name, unread count and a fresh script nonce filled in. Read twice, the page is the same but for its nonce; the
     * nonce is the policy header's and a new one each time; its forms still work; and the next reader sees their own
     * name on it, never the first reader's. A session that is not a number is not found, not an error.
     */
    @Test
    void aLessonReadAgainIsTheSamePageWithTheReadersOwnNameAndNonce() throws Exception {
        String seven = "learning/" + COURSE + "7";
        browser.signIn("priya.raman", DemoDirectory.PASSWORD);
        HttpResponse<String> first = read(seven);
        HttpResponse<String> again = read(seven);
        String nonce = nonceOf(first);
        String nonceAgain = nonceOf(again);
        assertFalse(nonce.equals(nonceAgain), "each page has its own script nonce");
        assertEquals(first.body().replace(nonce, "NONCE"), again.body().replace(nonceAgain, "NONCE"),
                "the lesson read again is the page Faces rendered, but for its nonce");
        assertTrue(again.body().contains("Signed in as </span>Priya Raman</span>"), again.body());

        browser.go(seven); // the kept page in the browser: no policy violation (checked by go), PrimeFaces started
        Object started = ((JavascriptExecutor) browser.driver()).executeScript(
                "return !!window.PrimeFaces && PrimeFaces.csp.NONCE_VALUE === document.scripts[0].nonce");
        assertEquals(Boolean.TRUE, started, "PrimeFaces runs with the page's nonce");
        browser.clickAndWait("#completion\\:complete");
        assertTrue(browser.text().contains("Session 7 is marked as complete."), browser.text());
        assertTrue(read(seven).body().contains("You have completed this session."), "the page for a reader who has completed it");
        browser.go(seven).clickAndWait("#completion\\:incomplete");
        assertTrue(browser.text().contains("Session 7 is no longer marked as complete."), browser.text());
        browser.signOut();

        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        String amaras = read(seven).body();
        assertTrue(amaras.contains("Signed in as </span>Amara Okafor</span>"), amaras);
        assertFalse(amaras.contains("Priya"), "nothing of the first reader's reaches the next");
        assertTrue(read(seven).body().contains("Signed in as </span>Amara Okafor</span>"));

        assertEquals(404, read("learning/" + COURSE + "seven").statusCode(), "a session that is not a number");
    }

    /** The page as the browser's session gets it, without running it. */
    private HttpResponse<String> read(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url(path)))
                .header("Cookie", browser.cookieHeader()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The page's script nonce from its policy header, after checking every script on the page carries it. */
    private static String nonceOf(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        java.util.regex.Matcher header = java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertTrue(header.find(), policy);
        String nonce = header.group(1);
        java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script[^>]*nonce=\"([^\"]*)\"").matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            assertEquals(nonce, scripts.group(1), "a script's nonce is the page's");
            count++;
        }
        assertTrue(count >= 4, "the page's scripts carry the nonce: " + count);
        assertTrue(page.body().contains("PrimeFaces.csp.init('" + nonce + "')"), "PrimeFaces starts with the nonce");
        return nonce;
    }

    @Test
    void anUnknownCourseIsNotFound() {
        browser.signIn("mark.evans", DemoDirectory.PASSWORD).go("learning/course.xhtml?course=NOPE");
        assertEquals("Page not found", browser.heading());
    }
}
