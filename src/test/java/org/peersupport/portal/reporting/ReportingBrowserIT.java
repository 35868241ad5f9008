package org.peersupport.portal.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.PortalBrowserTest;

/**
 * Issue 6 as HR meets it in Chromium: the dashboard filtered by department, a drill-down from the department chart's
 * table, CSV and XLSX downloads, the printable training record, and no way into evidence or notes. axe-core checks
 * every page on the way ({@link org.peersupport.portal.support.Browser}).
 */
class ReportingBrowserIT extends PortalBrowserTest {

    private static GoldenData golden;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.checkingSessions(Deployments.portal());
    }

    @BeforeAll
    static void seed() throws Exception {
        try (Connection db = ItServices.get().portalDatabase()) {
            golden = GoldenData.seed(db);
        }
    }

    @Test
    void issue6_hrFiltersByDepartmentDrillsDownFromTheChartsTableAndDownloadsCsvAndXlsx() throws Exception {
        browser.signIn("mark.evans", DemoDirectory.PASSWORD);
        browser.clickAndWait(".portal-nav a[href$='/hr/dashboard.xhtml']");
        assertEquals("Training completion dashboard", browser.heading());
        assertEquals("page", browser.find(".portal-nav__link--current").getAttribute("aria-current"));
        browser.screenshot("hr-dashboard");

        new Select(browser.find("#organisation")).selectByVisibleText(golden.organisation);
        new Select(browser.find("#department")).selectByVisibleText("Ward B " + golden.organisation);
        browser.clickAndWait("#apply-filters");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("organisation=Golden+Trust") && url.contains("department=Ward+B"), "the address keeps the filters: " + url);
        assertEquals("Ward B " + golden.organisation, new Select(browser.find("#department")).getFirstSelectedOption().getText(),
                "the form shows the filter applied");
        assertEquals("4", browser.find("#total-enrolled").getText());
        assertEquals("1", browser.find("#total-deferred").getText());
        browser.screenshot("hr-dashboard-filtered");
        scrollTo("#summary-heading");
        browser.screenshot("hr-dashboard-figures");
        scrollTo("#completions-heading");
        browser.screenshot("hr-dashboard-completions-chart");
        scrollTo("#departments-heading");
        browser.screenshot("hr-dashboard-departments-chart");

        WebElement deferred = browser.find("#department-table tr[data-department='Ward B " + golden.organisation
                + "'] td[data-measure='deferred'] a");
        assertEquals("1", deferred.getText());
        browser.clickAndWait("#department-table tr[data-department='Ward B " + golden.organisation
                + "'] td[data-measure='deferred'] a");
        assertEquals("/hr/people.xhtml", browser.currentPath());
        assertEquals("People: Deferred", browser.heading());
        List<String> names = browser.findAll("#people-table tbody th").stream().map(WebElement::getText).toList();
        assertEquals(List.of(golden.displayName("Hari")), names);
        assertTrue(browser.text().contains("Ward B " + golden.organisation));
        browser.screenshot("hr-people");

        String csv = new String(browser.download("#export-people-csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("# Filters: Organisation = " + golden.organisation + "; Department = Ward B"), csv);
        assertTrue(csv.contains(golden.displayName("Hari") + ",Ward B " + golden.organisation), csv);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(browser.download("#export-people-xlsx")))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(1, sheet.getLastRowNum());
            assertEquals(golden.displayName("Hari"), sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Deferred", sheet.getRow(1).getCell(5).getStringCellValue());
        }

        browser.clickAndWait("#people-table tbody th a");
        assertEquals("Training record: " + golden.displayName("Hari"), browser.heading());
        assertEquals(2, browser.findAll("#training-table tbody tr").size(), "deferred, then on the later cohort");
        assertTrue(browser.find("#print").isDisplayed());
        browser.screenshot("hr-staff-record");

        browser.go("hr/dashboard.xhtml?organisation=" + golden.organisation.replace(' ', '+') + "&from=2026-13-01&to=2025-01-01");
        assertEquals("Enter a real date, for example 1 April 2026.", browser.find("#from-message").getText(), "a message next to the field");
        assertEquals("true", browser.find("#from").getAttribute("aria-invalid"));
        assertEquals("2025-01-01", browser.find("#to").getAttribute("value"), "what was typed is kept");
        browser.go("hr/dashboard.xhtml?from=2026-05-01&to=2026-04-01");
        assertEquals("The end of the date range must not be before its start.", browser.find("#to-message").getText());
        assertEquals("2026-05-01", browser.find("#from").getAttribute("value"));
        browser.assertAccessible("the dashboard with a bad date");
    }

    @Test
    void issue6_theCompletionReportDownloadsAsCsvAndXlsxFromTheDashboard() throws Exception {
        browser.signIn("mark.evans", DemoDirectory.PASSWORD);
        browser.go("hr/dashboard.xhtml?organisation=" + golden.organisation.replace(' ', '+'));
        assertEquals("12", browser.find("#total-enrolled").getText());
        String csv = new String(browser.download("#export-completion-csv"), StandardCharsets.UTF_8);
        assertEquals(12, csv.lines().filter(l -> l.contains(golden.organisation) && !l.startsWith("#")).count(), csv);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(browser.download("#export-completion-xlsx")))) {
            assertEquals(12, book.getSheetAt(0).getLastRowNum());
        }
        browser.clickAndWait("#completions-table a");
        assertTrue(browser.heading().startsWith("People: Completed"), browser.heading());
        assertFalse(browser.findAll("#people-table tbody tr").isEmpty());
    }

    @Test
    void issue6_hrGetsForbiddenOnEveryEvidenceAndNoteUrl() {
        browser.signIn("mark.evans", DemoDirectory.PASSWORD);
        // evidence and confidential notes live in the candidate, supervisor, verifier and coordinator areas
        for (String page : List.of("candidate/index.xhtml", "supervisor/index.xhtml", "verifier/index.xhtml",
                "coordinator/index.xhtml", "coordinator/course.xhtml?id=1", "coordinator/export/1",
                "candidate/record.xhtml?enrolment=1", "supervisor/record.xhtml?enrolment=1")) {
            browser.go(page);
            assertEquals("You do not have access to this page", browser.heading(), page);
        }
    }

    @Test
    void issue18_theDashboardsTablesAreKeptRenderedYetShowAChangeAtOnce() throws Exception {
        browser.signIn("mark.evans", DemoDirectory.PASSWORD);
        String page = "hr/dashboard.xhtml?organisation=" + golden.organisation.replace(' ', '+');
        String ward = "Ward C " + golden.organisation;
        String row = "#department-table tr[data-department='" + ward + "']";
        browser.go(page);
        String enrolled = browser.find("#total-enrolled").getText();
        browser.go(page); // now from the kept tables
        assertEquals(enrolled, browser.find("#total-enrolled").getText());
        assertTrue(browser.findAll(row).isEmpty(), "no " + ward + " yet");

        long alice = golden.people.get("Alice");
        String department = department(alice);
        setDepartment(alice, ward);
        try {
            browser.go(page);
            assertEquals(1, browser.findAll(row).size(), "Alice's move to a new department shows at once");
            assertEquals(enrolled, browser.find("#total-enrolled").getText(), "the organisation's places are the same");
        } finally {
            setDepartment(alice, department);
        }
        browser.go(page);
        assertTrue(browser.findAll(row).isEmpty(), "and her move back");
    }

    private static String department(long personId) throws Exception {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement select = db.prepareStatement("select department from person where id = ?")) {
            select.setLong(1, personId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void setDepartment(long personId, String department) throws Exception {
        try (Connection db = ItServices.get().portalDatabase();
                PreparedStatement update = db.prepareStatement("update person set department = ? where id = ?")) {
            update.setString(1, department);
            update.setLong(2, personId);
            assertEquals(1, update.executeUpdate());
        }
    }

    private void scrollTo(String css) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.find(css));
    }
}
