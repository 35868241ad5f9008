package org.peersupport.portal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 13, point 4 and the sign-in part of point 8, in Chromium: the blank page after a failed sign-in, the session
 * id at sign-in and sign-out, password guessing on the form, a NUL in the username, and paste into the password.
 * The guessing aims at accounts of this class's own (added to the embedded directory), and their throttle rows are
 * deleted at the end.
 */
class SignInHardeningBrowserIT extends PortalBrowserTest {

    private static final String FORM_TARGET = "throttle.form-target";
    private static final String UNKNOWN = "throttle.form-nobody";
    private static final String FAILED = "Sign-in did not work. Check your username and password";
    private static final String LOCKED = "Sign-in is paused after too many attempts that did not work";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.portal());
    }

    @BeforeAll
    static void anAccountOfItsOwn() throws Exception {
        SignInAttacks.addAccount(FORM_TARGET);
    }

    @AfterAll
    static void noLockOutlivesTheTests() throws Exception {
        SignInAttacks.forget("account:" + FORM_TARGET, "account:" + UNKNOWN, "account:amara.okafor",
                "account:amaraokafor");
        SignInAttacks.removeAccount(FORM_TARGET);
    }

    @Test
    void afterAFailedSignInABookmarkShowsTheSignInForm() {
        browser.signIn("amara.okafor", "not-the-password");
        assertTrue(browser.text().contains(FAILED), browser.text());
        browser.go("candidate/index.xhtml");
        assertEquals("/signin.xhtml", browser.currentPath(), "the bookmark is sent to the sign-in page");
        assertTrue(browser.find("#signin\\:username").isDisplayed(), "the sign-in form is there, not a blank page");
        browser.go("");
        assertTrue(browser.find("#signin\\:username").isDisplayed(), "so is the portal's own address");
        browser.type("#signin\\:username", "amara.okafor").type("#signin\\:password", DemoDirectory.PASSWORD)
                .clickAndWait("#signin\\:submit");
        assertEquals("/candidate/index.xhtml", browser.currentPath(), "and signing in from there works");
    }

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneIsDeadAfterSignOut() {
        browser.go("signin.xhtml");
        Cookie before = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertNotNull(before, "the sign-in form has a session (its view state)");
        browser.type("#signin\\:username", "dylan.hughes").type("#signin\\:password", DemoDirectory.PASSWORD)
                .clickAndWait("#signin\\:submit");
        assertEquals("/candidate/index.xhtml", browser.currentPath());
        Cookie signedIn = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertNotEquals(before.getValue(), signedIn.getValue(), "a new session id at sign-in (no session fixation)");

        browser.signOut();
        Cookie after = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertTrue(after == null || !after.getValue().equals(signedIn.getValue()), "a new session id at sign-out");
        // someone who kept the signed-in session's id tries it again
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver().manage().addCookie(new Cookie.Builder("JSESSIONID", signedIn.getValue())
                .path(signedIn.getPath()).build());
        browser.go("candidate/index.xhtml");
        assertEquals("/signin.xhtml", browser.currentPath(), "the signed-out session is invalid");
    }

    @Test
    void aPasswordGuessedFifteenTimesOnTheFormIsRefusedAfterTheLimitAndTheLockIsAudited() throws Exception {
        long locksBefore = SignInAttacks.audits("SIGN_IN_LOCKED", FORM_TARGET);
        for (int guess = 1; guess <= 15; guess++) {
            browser.signIn(FORM_TARGET, "guess-" + guess);
            String message = browser.find(".portal-message--error").getText();
            assertTrue(message.contains(guess < 5 ? FAILED : LOCKED), "guess " + guess + ": " + message);
        }
        assertEquals(locksBefore + 1, SignInAttacks.audits("SIGN_IN_LOCKED", FORM_TARGET), "the lock is audited");
        browser.signIn(FORM_TARGET, DemoDirectory.PASSWORD);
        assertTrue(browser.find(".portal-message--error").getText().contains(LOCKED),
                "the right password is refused while the lock lasts");
        assertEquals("/signin.xhtml", browser.currentPath());

        for (int guess = 1; guess <= 5; guess++) {
            browser.signIn(UNKNOWN, "guess-" + guess);
        }
        assertTrue(browser.find(".portal-message--error").getText().contains(LOCKED),
                "an account that does not exist is locked in the same words");

        SignInAttacks.letTheWindowPass("account:" + FORM_TARGET);
        browser.signIn(FORM_TARGET, DemoDirectory.PASSWORD);
        assertEquals("/no-access.xhtml", browser.currentPath(), "after the window the right password signs in");
    }

    @Test
    void aNulInTheUsernameGetsAMessageNextToTheFieldNotAServerError() {
        browser.go("signin.xhtml");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('signin:username').value = 'amara\\u0000okafor';");
        browser.type("#signin\\:password", DemoDirectory.PASSWORD).clickAndWait("#signin\\:submit");
        assertEquals("/signin.xhtml", browser.currentPath());
        assertNotEquals("Something went wrong", browser.heading());
        String message = browser.find("#signin\\:username-message").getText();
        assertFalse(message.isBlank(), "the field says what is wrong");
        assertEquals("true", browser.find("#signin\\:username").getAttribute("aria-invalid"));
    }

    @Test
    void thePasswordMayBePastedAndFilledInByAPasswordManager() {
        browser.go("signin.xhtml");
        WebElement password = browser.find("#signin\\:password");
        assertEquals("current-password", password.getAttribute("autocomplete"));
        assertNull(password.getAttribute("onpaste"));
        assertTrue(browser.pasteAllowed("#signin\\:password"), "nothing cancels a paste into the password (WCAG 2.2, 3.3.8)");
    }
}
