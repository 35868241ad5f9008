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

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
