package org.peersupport.portal.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.support.PortalBrowserTest;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;

/**
 * The coordinators' structure and content warning pages in headless Chromium, on the published Peer2Peer version
 * the demo start-up loads, shown read-only. Its ids are read (never written) with SQL. Editing a draft through these
 * pages is covered by {@link CourseBrowserIT}, which creates its own draft through the administration pages.
 */
class CourseStructureBrowserIT extends PortalBrowserTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.portal());
    }

    @Test
    void issue3_aCoordinatorReadsAPublishedVersionsStructureWithoutEditingIt() throws Exception {
        long course = id("select id from course where code = 'PEER2PEER' and status = 'PUBLISHED'");
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/structure.xhtml?course=" + course);
        assertTrue(browser.heading().startsWith("Course structure: PEER2PEER version"), browser.heading());
        assertTrue(browser.find("#read-only").getText().contains("cannot be changed"));
        String units = browser.find(".portal-structure").getText();
        assertTrue(units.contains("Unit RC: Mental Health Peer Support: Recovery Context"), units);
        assertTrue(units.contains("RC.1.1") && units.contains("Draft for the centre to confirm"), units);
        assertTrue(units.contains("Assessed by: Personal recovery story essay"), units);
        String tasks = browser.find("#tasks-heading").findElement(org.openqa.selenium.By.xpath("..")).getText();
        assertTrue(tasks.contains("Portfolio of evidence (PORTFOLIO)") && tasks.contains("DP.1, DP.2"), tasks);
        assertTrue(browser.findAll("input[type=submit][value^='Edit'], input[type=submit][value^='Remove']").isEmpty(),
                "a published version offers no edits");
        browser.assertAccessible("the structure of a published version").screenshot("structure-published");
    }

    @Test
    void issue3_aCoordinatorReadsSession10sContentWarning() throws Exception {
        long session = id("select s.id from course_session s join course c on c.id = s.course_id "
                + "where c.code = 'PEER2PEER' and c.status = 'PUBLISHED' and s.number = 10");
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/warning.xhtml?session=" + session);
        assertEquals("Content warning: session 10, Positive Risk Taking and Boundaries", browser.heading());
        assertTrue(browser.find("#read-only").getText().contains("cannot be changed"));
        String warning = browser.find(".portal-warning").getText();
        assertTrue(warning.contains("suicidality") && warning.contains("Samaritans") && warning.contains("116 123"), warning);
        browser.assertAccessible("a published session's content warning").screenshot("warning-published");
    }

    @Test
    void candidatesCannotOpenTheCoordinatorsPages() throws Exception {
        long course = id("select id from course where code = 'PEER2PEER' and status = 'PUBLISHED'");
        browser.signIn("amara.okafor", DemoDirectory.PASSWORD).go("coordinator/structure.xhtml?course=" + course);
        assertEquals("You do not have access to this page", browser.heading());
    }

    @Test
    void anUnknownVersionOrSessionIsNotFound() {
        browser.signIn("sana.iqbal", DemoDirectory.PASSWORD).go("coordinator/structure.xhtml?course=999999999");
        assertEquals("Page not found", browser.heading());
        browser.go("coordinator/warning.xhtml?session=999999999");
        assertEquals("Page not found", browser.heading());
    }

    private static long id(String query) throws SQLException {
        try (Connection db = ItServices.get().portalDatabase(); PreparedStatement statement = db.prepareStatement(query);
                ResultSet row = statement.executeQuery()) {
            assertTrue(row.next(), query);
            return row.getLong(1);
        }
    }
}
