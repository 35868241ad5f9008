package org.peersupport.portal.reporting;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peersupport.portal.candidate.boundary.CandidateRecords;
import org.peersupport.portal.candidate.boundary.ConfidentialNotes;
import org.peersupport.portal.candidate.boundary.Enrolments;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.demo.DemoAccount;
import org.peersupport.portal.platform.control.ExportFormat;
import org.peersupport.portal.reporting.boundary.ReportExports;
import org.peersupport.portal.reporting.boundary.Reports;
import org.peersupport.portal.reporting.entity.Dashboard;
import org.peersupport.portal.reporting.entity.Measure;
import org.peersupport.portal.reporting.entity.MonthCount;
import org.peersupport.portal.reporting.entity.PeopleList;
import org.peersupport.portal.reporting.entity.PersonLine;
import org.peersupport.portal.reporting.entity.ReportFilter;
import org.peersupport.portal.reporting.entity.StaffRecord;
import org.peersupport.portal.reporting.entity.StatusCounts;
import org.peersupport.portal.reporting.entity.TrainingLine;
import org.peersupport.portal.support.AsCandidate;
import org.peersupport.portal.support.AsCoordinator;
import org.peersupport.portal.support.AsHr;
import org.peersupport.portal.support.AsSupervisor;
import org.peersupport.portal.support.AuditActors;
import org.peersupport.portal.support.DemoDirectory;
import org.peersupport.portal.support.Deployments;
import org.peersupport.portal.support.ItServices;
import org.peersupport.portal.support.RunAsDeployment;
import org.peersupport.portal.support.Sql;
import org.peersupport.portal.support.SqlStatements;

/**
 * Issue 6, HR tracking of training completion, inside Payara Micro on PostgreSQL: exact figures on a golden data
 * set ({@link GoldenData}), statement counts that do not grow with the data ({@link ReportDataGenerator} at two
 * sizes), exports read back with a CSV parser and with POI, formula neutralising, role checks; and, from the test
 * JVM over HTTP, the API (Basic sign-in, pagination, {@code since}, refusals, rate limit) and its OpenAPI document.
 * Every test makes its own data in an organisation of its own, so tests run in any order.
 */
@ExtendWith(ArquillianExtension.class)
class ReportingIT {

    @Deployment
    static WebArchive deployment() {
        return RunAsDeployment.enable(Deployments.portalWith(ReportingIT.class, GoldenData.class,
                ReportDataGenerator.class, ReportDataGenerator.Spec.class, ReportDataGenerator.Result.class,
                ReportDataGenerator.CourseSpec.class, ReportDataGenerator.Ids.class, SqlStatements.class,
                SqlStatements.Counted.class, Sql.class, DemoAccount.class, DemoDirectory.class)
                .addPackages(false, "org.peersupport.portal.reporting")
                // the test reads the XLSX exports back with Apache POI, which the shipped WAR no longer holds
                .addAsLibraries(Deployments.testLibrary("org.apache.poi:poi-ooxml"))
                .deleteClass(DemoDatabase.class).deleteClass("org.peersupport.portal.reporting.ReportBenchmark")
                .deleteClass("org.peersupport.portal.reporting.ReportingBrowserIT"));
    }

    @Inject
    Reports reports;

    @Inject
    ReportExports exports;

    @Inject
    CandidateRecords records;

    @Inject
    ConfidentialNotes confidentialNotes;

    @Inject
    Enrolments enrolments;

    @Inject
    AsHr asHr;

    @Inject
    AsCoordinator asCoordinator;

    @Inject
    AsCandidate asCandidate;

    @Inject
    AsSupervisor asSupervisor;

    @Inject
    Sql sql;

    @Resource(lookup = "java:app/jdbc/portal")
    DataSource dataSource;

    @ArquillianResource
    URL base;

    // ---------------------------------------------------------------- figures

    @Test
    void issue6_theFiguresFollowEveryChangeToAPlaceAPersonOrACohortAtOnce() throws Exception {
        GoldenData g = golden();
        assertEquals(0, reportRowsUnlikeTheirPlaces(g), "the report rows as the golden places were written (COPY-like inserts)");

        // the coordinator pauses Cara (active, overdue) and withdraws Ben from his second place, through the portal
        long cara = g.places.get("Cara");
        long ben = g.places.get("Ben#2");
        asCoordinator.run(() -> enrolments.changeStatus(cara, EnrolmentStatus.PAUSED, "Sick leave", version(cara)));
        asCoordinator.run(() -> enrolments.changeStatus(ben, EnrolmentStatus.WITHDRAWN, "Left the trust", version(ben)));
        // the directory moves Alice to Ward B (sign-in copies it to her person row); cohort B 4 starts 10 days later
        sql.update("update person set department = ? where id = ?", "Ward B " + g.organisation, g.people.get("Alice"));
        sql.update("update cohort set start_date = start_date + 10 where id = (select cohort_id from enrolment where id = ?)",
                g.places.get("Gwen"));
        // Ben completes session 2 (on both his places: progress is by course); Alice's session 1 is marked incomplete
        sql.update("insert into lesson_progress (id, person_id, course_code, session_slug, completed_at) "
                + "values (nextval('lesson_progress_seq'), ?, ?, 's2', now())", g.people.get("Ben"), g.courseA);
        sql.update("delete from lesson_progress where person_id = ? and session_slug = 's1'", g.people.get("Alice"));

        Dashboard d = asHr.call(() -> reports.dashboard(org(g)));
        StatusCounts a = d.courses().get(0);
        assertAll("course A after the changes",
                () -> assertEquals(0, a.active(), "Ben and Cara no longer active"),
                () -> assertEquals(4, a.paused(), "Cara paused too"),
                () -> assertEquals(2, a.overdue(), "Cara, paused after her expected end, is still overdue"),
                () -> assertEquals(2, a.withdrawn(), "both of Ben's places"));
        assertEquals((g.gwenDays() - 10 + 500 - 10) / 2.0, d.courses().get(1).medianDaysToComplete(), 0.001,
                "course B's median follows its cohort's later start");
        Map<String, Long> byDepartment = d.departments().stream()
                .collect(java.util.stream.Collectors.toMap(StatusCounts::key, StatusCounts::enrolled));
        assertEquals(Map.of("Ward A " + g.organisation, 6L, "Ward B " + g.organisation, 5L, ReportFilter.NOT_RECORDED, 1L),
                byDepartment, "Alice's place counts in her new department");
        assertEquals(List.of(2, 2), asHr.call(() -> reports.staffRecord(g.people.get("Ben"))).training().stream()
                .map(TrainingLine::sessionsDone).toList(), "Ben's sessions done on each place");
        assertEquals(List.of(2), asHr.call(() -> reports.staffRecord(g.people.get("Alice"))).training().stream()
                .map(TrainingLine::sessionsDone).toList(), "Alice's sessions done");
        assertEquals(0, reportRowsUnlikeTheirPlaces(g), "the report rows after every change");
    }

    @Test
    void issue18_hrOfficersShareTheDashboardsFiguresUntilAnythingTheyCountChangesAndThenSeeTheChangeAtOnce()
            throws Exception {
        GoldenData g = golden();
        ReportFilter filter = org(g);
        SqlStatements.Counted<Dashboard> first = asHr.call(() -> SqlStatements.count(() -> reports.dashboard(filter)));
        SqlStatements.Counted<Dashboard> second = asHr.call(() -> SqlStatements.count(() -> reports.dashboard(filter)));
        assertEquals(first.result(), second.result(), "the same figures");
        assertTrue(first.statements() - second.statements() >= 3, "the second dashboard runs none of the three queries "
                + "of the figures, only the count of changes (" + first.statements() + " → " + second.statements()
                + " statements)");

        // a sign-in writes the person's row, but nothing the dashboard counts: the figures stay shared
        sql.update("update person set last_sign_in_at = now() where id = ?", g.people.get("Ben"));
        SqlStatements.Counted<Dashboard> afterSignIn = asHr.call(() -> SqlStatements.count(() -> reports.dashboard(filter)));
        assertTrue(first.statements() - afterSignIn.statements() >= 3, "after a sign-in the figures are still shared ("
                + first.statements() + " → " + afterSignIn.statements() + " statements)");

        // a pause through the portal, a cohort's new start and a department move straight in the database: each at once
        long cara = g.places.get("Cara");
        asCoordinator.run(() -> enrolments.changeStatus(cara, EnrolmentStatus.PAUSED, "Sick leave", version(cara)));
        Dashboard paused = asHr.call(() -> reports.dashboard(filter));
        assertEquals(first.result().total().paused() + 1, paused.total().paused(), "Cara's pause counts at once");
        sql.update("update cohort set start_date = start_date + 10 where id = (select cohort_id from enrolment where id = ?)",
                g.places.get("Gwen"));
        assertNotEquals(paused.courses().get(1).medianDaysToComplete(),
                asHr.call(() -> reports.dashboard(filter)).courses().get(1).medianDaysToComplete(),
                "course B's median follows its cohort's later start at once");
        String ward = "Ward C " + g.organisation;
        assertFalse(asHr.call(() -> reports.filterOptions(filter)).departments().contains(ward));
        sql.update("update person set department = ? where id = ?", ward, g.people.get("Alice"));
        assertTrue(asHr.call(() -> reports.filterOptions(filter)).departments().contains(ward),
                "a new department is offered at once");
    }

    /** Report rows of the golden organisation that differ from what their definition gives now, both ways. */
    private long reportRowsUnlikeTheirPlaces(GoldenData g) throws Exception {
        String golden = " where enrolment_id in (select e.id from enrolment e join person p on p.id = e.person_id "
                + "where p.organisation = ? or p.department like ?)";
        return sql.count("select count(*) from ((select * from place_report" + golden + " except select * from "
                + "place_report_source" + golden + ") union all (select * from place_report_source" + golden
                + " except select * from place_report" + golden + ")) difference",
                g.organisation, "%" + g.organisation, g.organisation, "%" + g.organisation,
                g.organisation, "%" + g.organisation, g.organisation, "%" + g.organisation);
    }

    private long version(long enrolmentId) throws Exception {
        return sql.count("select version from enrolment where id = ?", enrolmentId);
    }

    @Test
    void issue6_theDashboardCountsEveryStatusExactlyIncludingPausesWithdrawalAndReEnrolment() throws Exception {
        GoldenData g = golden();
        Dashboard d = asHr.call(() -> reports.dashboard(org(g)));

        assertEquals(List.of(g.courseA, g.courseB), d.courses().stream().map(StatusCounts::key).toList());
        StatusCounts a = d.courses().get(0);
        assertAll("course A",
                () -> assertEquals("Golden course A", a.label()),
                () -> assertEquals(9, a.enrolled(), "places"),
                () -> assertEquals(1, a.notStarted(), "Hari on his new cohort"),
                () -> assertEquals(2, a.active(), "Ben re-enrolled, Cara"),
                () -> assertEquals(3, a.paused(), "Dev, Eve, Fay"),
                () -> assertEquals(2, a.overdue(), "Cara, and Eve who paused after her end date; not Fay"),
                () -> assertEquals(1, a.withdrawn(), "Ben's first place"),
                () -> assertEquals(1, a.deferred(), "Hari's first place"),
                () -> assertEquals(1, a.completed()),
                () -> assertEquals(1, a.completedThisYear()),
                () -> assertEquals(50, a.completionRate(), "1 of 2 who finished or withdrew"),
                () -> assertEquals(110L, a.medianDays(), "120 days less 10 paused"));
        StatusCounts b = d.courses().get(1);
        assertAll("course B",
                () -> assertEquals(3, b.enrolled()),
                () -> assertEquals(1, b.notStarted()),
                () -> assertEquals(0, b.active() + b.paused() + b.overdue() + b.withdrawn() + b.deferred()),
                () -> assertEquals(2, b.completed()),
                () -> assertEquals(1, b.completedThisYear(), "Gwen completed last year"),
                () -> assertEquals(100, b.completionRate()),
                () -> assertEquals((g.gwenDays() + 500) / 2.0, b.medianDaysToComplete(), 0.001));
        StatusCounts total = d.total();
        assertAll("all courses",
                () -> assertEquals(12, total.enrolled()),
                () -> assertEquals(2, total.notStarted()),
                () -> assertEquals(2, total.active()),
                () -> assertEquals(3, total.paused()),
                () -> assertEquals(2, total.overdue()),
                () -> assertEquals(1, total.withdrawn()),
                () -> assertEquals(1, total.deferred()),
                () -> assertEquals(3, total.completed()),
                () -> assertEquals(2, total.completedThisYear()),
                () -> assertEquals(75, total.completionRate()),
                () -> assertEquals((double) List.of(110L, g.gwenDays(), 500L).stream().sorted().toList().get(1),
                        total.medianDaysToComplete(), 0.001));

        Map<String, Long> byDepartment = new LinkedHashMap<>();
        d.departments().forEach(dep -> byDepartment.put(dep.key(), dep.enrolled()));
        assertEquals(Map.of("Ward A " + g.organisation, 7L, "Ward B " + g.organisation, 4L, ReportFilter.NOT_RECORDED, 1L),
                byDepartment);

        assertEquals(12, d.completionsByMonth().size(), "the last twelve months");
        assertEquals(YearMonth.from(g.today), d.completionsByMonth().get(11).month());
        assertEquals(2, d.completionsByMonth().get(11).completions(), "Alice and Ivy this month");
        assertEquals(2 + (g.gwenInChartWindow() ? 1 : 0), d.completionsByMonth().stream().mapToLong(MonthCount::completions).sum());

        Dashboard wardB = asHr.call(() -> reports.dashboard(org(g).withDepartment("Ward B " + g.organisation)));
        assertEquals(4, wardB.total().enrolled());
        assertEquals(1, wardB.total().deferred());
        Dashboard cohortStarts = asHr.call(() -> reports.dashboard(new ReportFilter(g.organisation, null, null, null,
                g.today.minusDays(200), g.today)));
        assertEquals(9, cohortStarts.total().enrolled(), "cohorts starting in the last 200 days: A1 and A2, not B3 or B4");
    }

    @Test
    void issue6_everyFigureDrillsDownToThePeopleBehindIt() throws Exception {
        GoldenData g = golden();
        assertEquals(List.of("Cara", "Eve"), names(g, Measure.OVERDUE, null));
        assertEquals(List.of("Dev", "Eve", "Fay"), names(g, Measure.PAUSED, null));
        assertEquals(List.of("Ben"), names(g, Measure.WITHDRAWN, null));
        assertEquals(List.of("Hari"), names(g, Measure.DEFERRED, null));
        assertEquals(List.of("Alice", "Ivy"), names(g, Measure.COMPLETED_THIS_YEAR, null));
        assertEquals(List.of("Alice", "Gwen", "Ivy"), names(g, Measure.COMPLETED, null));
        assertEquals(List.of("Alice", "Ivy"), names(g, Measure.COMPLETED, YearMonth.from(g.today)), "the month's completions");
        PeopleList everyone = asHr.call(() -> reports.people(org(g), Measure.ENROLLED, null, 0, 5));
        assertEquals(12, everyone.total());
        assertEquals(5, everyone.lines().size());
        assertEquals(3, everyone.pages());
        PeopleList last = asHr.call(() -> reports.people(org(g), Measure.ENROLLED, null, 2, 5));
        assertEquals(2, last.lines().size());
        assertEquals(12, last.total());

        PersonLine cara = asHr.call(() -> reports.people(org(g), Measure.OVERDUE, null, 0, 50)).lines().get(0);
        assertEquals("Golden course A", cara.courseTitle());
        assertTrue(cara.cohortName().startsWith("A cohort 1"));
        assertEquals("Ward A " + g.organisation, cara.department());
        assertTrue(cara.overdue());
        assertEquals(g.today.minusDays(30), cara.expectedEnd());

        StaffRecord ben = asHr.call(() -> reports.staffRecord(g.people.get("Ben")));
        assertEquals(g.displayName("Ben"), ben.displayName());
        assertEquals(2, ben.training().size());
        assertEquals("WITHDRAWN", ben.training().get(0).status().name());
        assertEquals("ACTIVE", ben.training().get(1).status().name());
        assertEquals(1, ben.training().get(1).sessionsDone(), "progress follows the course, not the cohort");
        assertEquals(3, ben.training().get(1).sessionsTotal());
        assertNull(ben.training().get(1).certificateCode(), "certificates arrive with their own feature");
        assertTrue(sql.count("select count(*) from audit_entry where action = 'STAFF_RECORD_READ' and subject_id = ? "
                + "and " + AuditActors.BY_PERSON + " and detail = 'training record'", String.valueOf(g.people.get("Ben")),
                AsHr.ACCOUNT.username()) >= 1, "HR reading a training record is audited, with who read it");
    }

    // ---------------------------------------------------------------- exports

    @Test
    void issue6_exportsReadBackWithACsvParserAndWithPoiEqualTheListOnScreen() throws Exception {
        GoldenData g = golden();
        List<PersonLine> screen = asHr.call(() -> reports.people(org(g), Measure.ENROLLED, null, 0, 500)).lines();

        String csv = new String(export(out -> exports.writePeople(org(g), Measure.ENROLLED, null, ExportFormat.CSV, out)), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark, so that Excel reads UTF-8");
        assertTrue(csv.contains("# Exported at: " + g.today), csv.substring(0, 400));
        assertTrue(csv.contains("# Filters: Organisation = " + g.organisation), csv.substring(0, 400));
        List<CSVRecord> rows = csvRows(csv);
        assertEquals(List.of("Name", "Department", "Organisation", "Course", "Cohort", "Status", "Overdue", "Enrolled",
                "Cohort start", "Expected end", "Completed"), rows.get(0).toList());
        assertEquals(screen.size(), rows.size() - 1);
        for (int i = 0; i < screen.size(); i++) {
            PersonLine line = screen.get(i);
            CSVRecord row = rows.get(i + 1);
            assertEquals(List.of(line.displayName(), text(line.department()), line.organisation(), line.courseTitle(),
                    line.cohortName(), statusLabel(line), line.overdue() ? "Yes" : "No", date(line.enrolledAt()),
                    String.valueOf(line.cohortStart()), String.valueOf(line.expectedEnd()), date(line.completedAt())),
                    row.toList(), "row " + (i + 1));
        }

        byte[] xlsx = export(out -> exports.writePeople(org(g), Measure.ENROLLED, null, ExportFormat.XLSX, out));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Name", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(screen.size(), sheet.getLastRowNum());
            for (int i = 0; i < screen.size(); i++) {
                PersonLine line = screen.get(i);
                Row row = sheet.getRow(i + 1);
                assertEquals(line.displayName(), row.getCell(0).getStringCellValue());
                assertEquals(statusLabel(line), row.getCell(5).getStringCellValue());
                assertEquals(line.cohortStart(), row.getCell(8).getLocalDateTimeCellValue().toLocalDate(), "a real date cell");
                assertEquals(line.expectedEnd(), row.getCell(9).getLocalDateTimeCellValue().toLocalDate());
                Cell completed = row.getCell(10);
                assertEquals(date(line.completedAt()), completed == null ? "" : completed.getLocalDateTimeCellValue().toLocalDate().toString());
            }
            Sheet about = book.getSheet("About this export");
            assertEquals("Filters", about.getRow(3).getCell(0).getStringCellValue());
            assertEquals("Organisation = " + g.organisation, about.getRow(3).getCell(1).getStringCellValue());
        }
    }

    @Test
    void issue6_theCompletionReportHasOneRowPerPlaceWithEachSessionsCompletionInCsvAndXlsx() throws Exception {
        GoldenData g = golden();
        List<CSVRecord> rows = csvRows(new String(export(out -> exports.writeCompletion(org(g), ExportFormat.CSV, out)), StandardCharsets.UTF_8));
        List<String> header = rows.get(0).toList();
        assertEquals(List.of("Session 1", "Session 2", "Session 3"), header.subList(header.size() - 3, header.size()),
                "as many session columns as the widest cohort");
        assertEquals(12, rows.size() - 1);
        CSVRecord alice = rows.stream().filter(r -> r.get(0).equals(g.displayName("Alice"))).findFirst().orElseThrow();
        assertEquals(g.courseA, alice.get(4));
        assertEquals("Completed", alice.get(8));
        assertEquals("10", alice.get(13), "days paused");
        assertEquals(List.of(g.startA1.plusWeeks(1).toString(), g.startA1.plusWeeks(2).toString(),
                g.startA1.plusWeeks(3).toString()), alice.toList().subList(15, 18));
        List<CSVRecord> ben = rows.stream().filter(r -> r.get(0).equals(g.displayName("Ben"))).toList();
        assertEquals(2, ben.size(), "one row per place: withdrawn, then re-enrolled");
        assertEquals(List.of(g.startA1.plusDays(3).toString(), "", ""), ben.get(1).toList().subList(15, 18));
        CSVRecord ivy = rows.stream().filter(r -> r.get(0).equals(g.displayName("Ivy"))).findFirst().orElseThrow();
        assertEquals("", ivy.get(2), "no department");
        assertEquals(List.of("", "", ""), ivy.toList().subList(15, 18), "course B has two sessions, neither read");

        byte[] xlsx = export(out -> exports.writeCompletion(org(g), ExportFormat.XLSX, out));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(12, sheet.getLastRowNum());
            DataFormatter format = new DataFormatter();
            for (int r = 1; r <= 12; r++) {
                Row row = sheet.getRow(r);
                CSVRecord same = rows.get(r);
                for (int c = 0; c < 9; c++) {
                    assertEquals(same.get(c), format.formatCellValue(row.getCell(c)), "row " + r + " column " + c);
                }
            }
        }
    }

    @Test
    void issue6_csvCellsThatASpreadsheetWouldRunAsAFormulaAreNeutralised() throws Exception {
        String organisation = "Injection Trust " + UUID.randomUUID().toString().substring(0, 8);
        long course = sql.count("select id from course where code = 'PEER2PEER' and status = 'PUBLISHED'");
        long cohort = sql.count("select id from cohort where course_id = ? limit 1", course);
        long person = sql.count("select nextval('person_seq')");
        sql.update("insert into person (id, directory_id, username, display_name, department, organisation, created_at, "
                + "updated_at, version) values (?, ?, ?, ?, ?, ?, now(), now(), 0)", person, "injection:" + organisation,
                "injection." + person, "=HYPERLINK(\"http://attacker.example\",\"Click\")", "@SUM(A1:A9)", organisation);
        sql.update("insert into enrolment (id, person_id, cohort_id, status, enrolled_at, status_changed_at, "
                + "expected_end_date, paused_days_total, version) values (nextval('enrolment_seq'), ?, ?, 'ACTIVE', now(), "
                + "now(), current_date + 30, 0, 0)", person, cohort);
        ReportFilter filter = new ReportFilter(organisation, null, null, null, null, null);

        List<CSVRecord> rows = csvRows(new String(export(out -> exports.writePeople(filter, Measure.ENROLLED, null, ExportFormat.CSV, out)), StandardCharsets.UTF_8));
        assertEquals("'=HYPERLINK(\"http://attacker.example\",\"Click\")", rows.get(1).get(0));
        assertEquals("'@SUM(A1:A9)", rows.get(1).get(1));
        List<CSVRecord> report = csvRows(new String(export(out -> exports.writeCompletion(filter, ExportFormat.CSV, out)), StandardCharsets.UTF_8));
        assertEquals("'=HYPERLINK(\"http://attacker.example\",\"Click\")", report.get(1).get(0));
        for (String cell : List.of("+1", "-1", "\tx", "=1", "@x")) {
            assertTrue(org.peersupport.portal.platform.control.CsvCells.neutralise(cell).startsWith("'"), cell);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(out -> exports.writePeople(filter, Measure.ENROLLED, null, ExportFormat.XLSX, out))))) {
            Cell name = book.getSheetAt(0).getRow(1).getCell(0);
            assertEquals(CellType.STRING, name.getCellType(), "text, never a formula, in a workbook");
            assertEquals("=HYPERLINK(\"http://attacker.example\",\"Click\")", name.getStringCellValue());
        }
        assertTrue(sql.count("select count(*) from audit_entry where action = 'REPORT_EXPORTED' and detail like ?",
                "%" + organisation + "%") >= 3, "each export is in the audit trail");
    }

    // ---------------------------------------------------------------- speed: statements do not grow with the data

    @Test
    void issue6_eachReportSendsTheSameNumberOfStatementsAtTwoDataSizes() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        ReportFilter small = generated("small" + tag, 60);
        ReportFilter large = generated("large" + tag, 600);
        assertTrue(asHr.call(() -> reports.dashboard(large)).total().enrolled()
                >= 5 * asHr.call(() -> reports.dashboard(small)).total().enrolled(), "the sizes differ");
        long smallPerson = sql.count("select min(id) from person where organisation = ?", small.organisation());
        long largePerson = sql.count("select min(p.id) from person p where p.organisation = ? and (select count(*) from "
                + "enrolment e where e.person_id = p.id) >= 3", large.organisation());

        Map<String, int[]> counts = new LinkedHashMap<>();
        counts.put("dashboard", new int[] {statements(() -> reports.dashboard(small)), statements(() -> reports.dashboard(large))});
        counts.put("filter options", new int[] {statements(() -> reports.filterOptions(small.withCourse("GEN-P2P"))),
                statements(() -> reports.filterOptions(large.withCourse("GEN-P2P")))});
        counts.put("drill-down page", new int[] {statements(() -> reports.people(small, Measure.ENROLLED, null, 0, 50)),
                statements(() -> reports.people(large, Measure.ENROLLED, null, 0, 50))});
        counts.put("staff record", new int[] {statements(() -> reports.staffRecord(smallPerson)),
                statements(() -> reports.staffRecord(largePerson))});
        counts.put("people export", new int[] {statements(() -> exportPeople(small, ExportFormat.CSV)),
                statements(() -> exportPeople(large, ExportFormat.CSV))});
        counts.put("completion export", new int[] {statements(() -> exportCompletion(small, ExportFormat.XLSX)),
                statements(() -> exportCompletion(large, ExportFormat.XLSX))});
        counts.put("API completions", new int[] {statements(() -> reports.completionsSince(OffsetDateTime.now(ZoneOffset.UTC)
                .minusYears(5), 0, 500)), statements(() -> reports.completionsSince(OffsetDateTime.now(ZoneOffset.UTC)
                .minusYears(5), 3, 500))});
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            checks.add(() -> assertEquals(c[0], c[1], entry.getKey() + ": statements at two data sizes"));
            checks.add(() -> assertTrue(c[0] > 0 && c[0] <= 8, entry.getKey() + " sends a small constant number: " + c[0]));
        }
        assertAll(checks);
    }

    // ---------------------------------------------------------------- who may

    @Test
    void issue6_onlyHrReadsReportsAndHrReadsNoRecordWithNotesOrEvidence() throws Exception {
        GoldenData g = golden();
        long place = g.places.get("Cara");
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (Object other : List.of(asCoordinator, asCandidate, asSupervisor)) {
            checks.add(() -> assertThrows(EJBAccessException.class, () -> as(other, () -> reports.dashboard(ReportFilter.ALL)), other.toString()));
            checks.add(() -> assertThrows(EJBAccessException.class, () -> as(other, () -> reports.staffRecord(g.people.get("Cara")))));
            checks.add(() -> assertThrows(EJBAccessException.class, () -> as(other, () -> {
                exports.writeCompletion(ReportFilter.ALL, ExportFormat.CSV, OutputStream.nullOutputStream());
                return null;
            })));
            checks.add(() -> assertThrows(EJBAccessException.class, () -> as(other, () -> reports.completionsSince(
                    OffsetDateTime.now(ZoneOffset.UTC), 0, 1))));
        }
        checks.add(() -> assertThrows(EJBAccessException.class, () -> asHr.call(() -> records.record(place)),
                "HR never reads a candidate record with notes"));
        checks.add(() -> assertThrows(EJBAccessException.class, () -> asHr.call(() -> confidentialNotes.addNote(place, "x")),
                "nor writes notes"));
        assertAll(checks);
    }

    // ---------------------------------------------------------------- the API, over HTTP from the test JVM

    @Test
    @RunAsClient
    void issue6_theApiPaginatesHonoursSinceAndGivesRecordsAndCounts() throws Exception {
        GoldenData g;
        try (Connection db = ItServices.get().portalDatabase()) {
            g = GoldenData.seed(db);
        }
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0).toString();
        JsonObject all = json(api("api/completions?since=" + since + "&size=500", service()), 200);
        List<Long> everyone = ids(all.getJsonArray("items"));
        assertTrue(everyone.contains(g.places.get("Alice")) && everyone.contains(g.places.get("Ivy")), everyone.toString());
        assertFalse(everyone.contains(g.places.get("Gwen")), "completed before since");
        for (JsonObject item : all.getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertTrue(OffsetDateTime.parse(item.getString("completedAt")).toInstant()
                    .compareTo(OffsetDateTime.parse(since).toInstant()) >= 0, item.toString());
            assertFalse(item.containsKey("withdrawnReason") || item.containsKey("notes"), "status and dates only");
        }
        assertEquals(everyone.size(), all.getJsonNumber("total").longValue());

        List<Long> paged = new ArrayList<>();
        String next = "api/completions?since=" + since + "&size=1";
        int pages = 0;
        while (next != null && pages++ < 1000) {
            JsonObject page = json(api(next, service()), 200);
            assertTrue(page.getJsonArray("items").size() <= 1);
            paged.addAll(ids(page.getJsonArray("items")));
            next = !page.containsKey("next") || page.isNull("next") ? null
                    : page.getString("next").substring(page.getString("next").indexOf("api/"));
        }
        assertEquals(everyone, paged, "following next visits every completion once, in order");
        assertEquals(new HashSet<>(paged).size(), paged.size());

        JsonObject future = json(api("api/completions?since=" + LocalDate.now().plusDays(3) + "&size=10", service()), 200);
        assertEquals(0, future.getJsonArray("items").size());
        assertEquals(400, api("api/completions?since=" + since + "&size=501", service()).statusCode(), "page size capped");
        assertEquals(400, api("api/completions?since=yesterday", service()).statusCode());

        JsonObject ben = json(api("api/people/" + g.username("Ben") + "/training", service()), 200);
        assertEquals(2, ben.getJsonArray("training").size());
        assertEquals("WITHDRAWN", ben.getJsonArray("training").getJsonObject(0).getString("status"));
        assertEquals(404, api("api/people/no.such.person/training", service()).statusCode());

        JsonObject counts = json(api("api/courses/" + g.courseA + "/status-counts?organisation="
                + g.organisation.replace(" ", "%20"), service()), 200);
        assertEquals(9, counts.getJsonObject("counts").getInt("enrolled"));
        assertEquals(2, counts.getJsonObject("counts").getInt("overdue"));
        assertEquals(50, counts.getInt("completionRatePercent"));
    }

    @Test
    @RunAsClient
    void issue6_theApiRefusesCallersWhoAreNotHrAndAnswersWithoutASession() throws Exception {
        HttpResponse<String> anonymous = api("api/completions?since=2026-01-01", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(401, api("api/completions?since=2026-01-01", DemoDirectory.basic(DemoDirectory.API_SERVICE_ACCOUNT, "wrong")).statusCode());
        for (String notHr : List.of("amara.okafor", "sana.iqbal", "grace.mitchell", "helen.shaw")) {
            assertEquals(403, api("api/completions?since=2026-01-01", DemoDirectory.basic(notHr, DemoDirectory.PASSWORD)).statusCode(), notHr);
        }
        HttpResponse<String> ok = api("api/completions?since=2026-01-01&size=1", service());
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "an API call opens no session");
        assertEquals(200, api("api/completions?since=2026-01-01&size=1", DemoDirectory.basic("mark.evans", DemoDirectory.PASSWORD))
                .statusCode(), "an HR person may call it too");
    }

    @Test
    @RunAsClient
    void issue13_everyReadThroughTheApiIsAuditedWithTheCallerAndWhatWasRead() throws Exception {
        GoldenData g;
        try (Connection db = ItServices.get().portalDatabase()) {
            g = GoldenData.seed(db);
        }
        String caller = DemoDirectory.API_SERVICE_ACCOUNT;
        String since = LocalDate.now().minusDays(2).toString();
        long completionReads = auditCount("API_COMPLETIONS_READ", caller, null);
        json(api("api/completions?since=" + since + "&size=7", service()), 200);
        assertEquals(completionReads + 1, auditCount("API_COMPLETIONS_READ", caller, null), "a page of completions");
        assertTrue(latestDetail("API_COMPLETIONS_READ", caller).matches("since " + since + "T00:00Z, page 0 of 7: \\d+ completions"),
                latestDetail("API_COMPLETIONS_READ", caller));

        String ben = String.valueOf(g.people.get("Ben"));
        json(api("api/people/" + g.username("Ben") + "/training", service()), 200);
        assertEquals(1, auditCount("STAFF_RECORD_READ", caller, ben), "a person's training record, as its subject");
        assertEquals("training record, through the API", latestDetail("STAFF_RECORD_READ", caller));
        assertEquals(404, api("api/people/no.such.person/training", service()).statusCode());
        assertEquals(1, auditCount("STAFF_RECORD_READ", caller, ben), "no one's record was read");

        json(api("api/courses/" + g.courseA + "/status-counts?organisation=" + g.organisation.replace(" ", "%20"),
                service()), 200);
        assertEquals(1, auditCount("API_COURSE_COUNTS_READ", caller, g.courseA), "a course's counts");
        assertTrue(latestDetail("API_COURSE_COUNTS_READ", caller).contains(g.organisation),
                latestDetail("API_COURSE_COUNTS_READ", caller));
    }

    private static long auditCount(String action, String actor, String subject) throws Exception {
        try (Connection db = ItServices.get().portalDatabase();
                java.sql.PreparedStatement query = db.prepareStatement("select count(*) from audit_entry where action = ? "
                        + "and " + AuditActors.BY_NAME + " and (cast(? as varchar) is null or subject_id = ?)")) {
            query.setString(1, action);
            query.setString(2, actor);
            query.setString(3, subject);
            query.setString(4, subject);
            try (java.sql.ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String latestDetail(String action, String actor) throws Exception {
        try (Connection db = ItServices.get().portalDatabase();
                java.sql.PreparedStatement query = db.prepareStatement("select detail from audit_entry where action = ? "
                        + "and " + AuditActors.BY_NAME + " order by id desc limit 1")) {
            query.setString(1, action);
            query.setString(2, actor);
            try (java.sql.ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    @Test
    @RunAsClient
    void issue6_oneCallerCannotStarveThePortal() throws Exception {
        // mark.evans, so that the service account's bucket stays full for the other tests
        String caller = DemoDirectory.basic("mark.evans", DemoDirectory.PASSWORD);
        HttpResponse<String> limited = null;
        // the bucket refills 2 a second: on a slow machine it takes more than its 120 requests to empty it
        for (int i = 0; i < 1000 && limited == null; i++) {
            HttpResponse<String> response = api("api/completions?since=2030-01-01&size=1", caller);
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertEquals(200, response.statusCode());
            }
        }
        assertNotNull(limited, "refused after the per-minute allowance");
        assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertEquals(200, api("api/completions?since=2030-01-01&size=1", service()).statusCode(),
                "another caller is not affected");
    }

    @Test
    @RunAsClient
    void issue6_theOpenApiDocumentDescribesTheApi() throws Exception {
        URI openapi = URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/openapi");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(openapi)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        String document = response.body();
        assertTrue(document.contains("/api/completions"), document.length() > 2000 ? document.substring(0, 2000) : document);
        assertTrue(document.contains("/api/people/{username}/training"));
        assertTrue(document.contains("/api/courses/{code}/status-counts"));
        assertTrue(document.contains("basic"), "the Basic security scheme");
    }

    // ---------------------------------------------------------------- helpers

    private GoldenData golden() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            return GoldenData.seed(db);
        }
    }

    private static ReportFilter org(GoldenData g) {
        return new ReportFilter(g.organisation, null, null, null, null, null);
    }

    private List<String> names(GoldenData g, Measure measure, YearMonth month) throws Exception {
        return asHr.call(() -> reports.people(org(g), measure, month, 0, 50)).lines().stream()
                .map(l -> l.displayName().substring(0, l.displayName().indexOf(' '))).toList();
    }

    private ReportFilter generated(String namespace, int staff) throws Exception {
        String organisation = "Count Trust " + namespace;
        try (Connection db = dataSource.getConnection()) {
            ReportDataGenerator.generate(db, new ReportDataGenerator.Spec(staff, 7, namespace, organisation, LocalDate.now()));
        }
        return new ReportFilter(organisation, null, null, null, null, null);
    }

    /** The fewest statements of two runs (an audit entry now and then draws a block of ids from its sequence). */
    private int statements(java.util.concurrent.Callable<?> work) throws Exception {
        int first = asHr.call(() -> SqlStatements.count(work).statements());
        int second = asHr.call(() -> SqlStatements.count(work).statements());
        return Math.min(first, second);
    }

    private Object exportPeople(ReportFilter filter, ExportFormat format) {
        exports.writePeople(filter, Measure.ENROLLED, null, format, OutputStream.nullOutputStream());
        return null;
    }

    private Object exportCompletion(ReportFilter filter, ExportFormat format) {
        exports.writeCompletion(filter, format, OutputStream.nullOutputStream());
        return null;
    }

    private byte[] export(ThrowingWrite write) throws Exception {
        return asHr.call(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write.to(out);
            return out.toByteArray();
        });
    }

    @FunctionalInterface
    interface ThrowingWrite {
        void to(OutputStream out) throws Exception;
    }

    private <T> T as(Object caller, java.util.concurrent.Callable<T> work) throws Exception {
        if (caller instanceof AsCoordinator c) {
            return c.call(work);
        } else if (caller instanceof AsCandidate c) {
            return c.call(work);
        } else if (caller instanceof AsSupervisor s) {
            return s.call(work);
        }
        throw new IllegalArgumentException(String.valueOf(caller));
    }

    private static List<CSVRecord> csvRows(String csv) throws Exception {
        String body = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setCommentMarker('#').get().parse(new StringReader(body))) {
            return parser.getRecords();
        }
    }

    private static String statusLabel(PersonLine line) {
        return switch (line.status()) {
            case ENROLLED -> "Enrolled";
            case ACTIVE -> "Active";
            case PAUSED -> "Paused";
            case WITHDRAWN -> "Withdrawn";
            case DEFERRED -> "Deferred";
            case COMPLETED -> "Completed";
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String date(java.time.Instant instant) {
        return instant == null ? "" : instant.atZone(GoldenData.UK).toLocalDate().toString();
    }

    private HttpResponse<String> api(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String service() {
        return DemoDirectory.basic(DemoDirectory.API_SERVICE_ACCOUNT, DemoDirectory.API_SERVICE_PASSWORD);
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static List<Long> ids(JsonArray items) {
        return items.getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber("enrolmentId").longValue()).toList();
    }
}
