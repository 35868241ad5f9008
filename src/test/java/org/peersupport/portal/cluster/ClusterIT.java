package org.peersupport.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.peersupport.portal.support.Browser;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.PortalNode;

/**
 * The portal on two real Payara Micro nodes clustered through Payara's Hazelcast, behind HAProxy, on the demo's
 * database and directory (their own, not the other tests'): people keep working, signed in and with what they
 * typed, when the node serving them is killed with {@code kill -9}.
 */
@Tag("processes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());
    private static ClusterRun cluster;
    private Browser browser;

    @BeforeAll
    static void startTheCluster() throws Exception {
        Path build = ItServices.Paths.buildDirectory();
        Path data = build.resolve("cluster-it-data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        cluster = ClusterRun.start(build.getParent(), Files.createDirectories(data), EmbeddedServices.freePort(),
                build.resolve("cluster-it"), Map.of());
        LOG.info(() -> "Two nodes and the load balancer ready in " + cluster.startup().toMillis() + " ms");
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(cluster.url());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    @Order(1)
    void aCandidateHalfWayThroughAWrittenPieceLosesNothingWhenHerNodeIsKilled() throws Exception {
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD);
        browser.clickAndWait("a[href*='candidate/portfolio.xhtml?enrolment=']").clickAndWait("#new\\:written");
        browser.type("#item\\:title", "What hope looks like");
        write("Hope, for me, came from someone who had been there.");
        String first = servingNode();

        PortalNode serving = cluster.node(first);
        serving.kill();
        assertTrue(serving.refusesConnections(), first + " is gone");

        write(" Then I learnt to offer it to others.");
        browser.clickAndWait("#item\\:save");
        assertTrue(browser.text().contains("Saved."), browser.text());
        assertNotEquals(first, servingNode(), "served by the other node");
        assertEquals("What hope looks like", browser.find("#item\\:title").getAttribute("value"));
        assertEquals(1, count("select count(*) from evidence_item where title = ? and body_html like "
                + "'%been there.%Then I learnt to offer it to others.%'", "What hope looks like"), "the whole text saved");
        browser.screenshot("cluster-candidate-after-failover");
        serving.start().awaitServing();
    }

    /** Types at the end of the rich-text editor and waits for the autosave to say it saved. */
    private void write(String words) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('item:autosave').textContent = ''");
        WebElement editor = browser.find(".ql-editor");
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        editor.sendKeys(words);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("item:autosave")).getText().startsWith("Saved at"));
    }

    /** The node the load balancer keeps this browser on (its cookie). */
    private String servingNode() {
        Cookie cookie = browser.driver().manage().getCookieNamed(LoadBalancer.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection db = cluster.services().portalDatabase(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
