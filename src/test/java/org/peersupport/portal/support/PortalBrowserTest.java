package org.peersupport.portal.support;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class shares: the portal deployed by Arquillian (each subclass names its
 * {@code @Deployment(testable = false)}), one Chromium for the class, no cookies left from the test before, and no
 * Content-Security-Policy violation reported in Chromium's console during a test (clicks that update a page in place
 * included).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class PortalBrowserTest {

    protected static Browser browser;

    @ArquillianResource
    protected URL base;

    @BeforeEach
    void freshBrowser() {
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.clearCookies();
    }

    @AfterEach
    void noPolicyViolations() {
        if (browser != null) {
            browser.assertNoPolicyViolations();
        }
    }

    /**
     * Nothing the test's requests left in a session fails to serialise (Deployments#checkingSessions): on a cluster,
     * Payara would leave it behind when the node dies, with only a warning in its log.
     */
    @AfterEach
    void everySessionAttributeSerialises() throws Exception {
        String check = sessionCheck("");
        java.util.List<String> problems = check.lines().filter(line -> line.startsWith("problem")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), problems, "session attributes that cannot be replicated");
        // the largest serialised size of each session attribute so far (docs/architecture.md, "View state on a cluster")
        System.out.println("[session sizes] " + String.join("; ", check.lines().filter(line -> line.startsWith("size ")).toList()));
    }

    /** What the session check says ({@code query} e.g. {@code ?clear}). */
    protected String sessionCheck(String query) throws java.io.IOException, InterruptedException {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(base + SessionSerialisationCheck.PATH + query)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(200, answer.statusCode(), "the session check answers: " + answer.body());
        return answer.body();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
