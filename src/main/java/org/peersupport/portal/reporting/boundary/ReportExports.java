package org.peersupport.portal.reporting.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PortalDataSource;
import org.peersupport.portal.platform.control.ExportFormat;
import org.peersupport.portal.platform.control.TableWriter;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.reporting.control.ReportRows;
import org.peersupport.portal.reporting.control.ReportSql;
import org.peersupport.portal.reporting.control.SqlQuery;
import org.peersupport.portal.reporting.entity.Measure;
import org.peersupport.portal.reporting.entity.PersonLine;
import org.peersupport.portal.reporting.entity.ReportFilter;

/**
 * HR's exports, streamed: a forward-only JDBC cursor (fetch size {@value #FETCH_SIZE}, inside the transaction, so
 * PostgreSQL sends rows in batches) feeds a {@link TableWriter} that writes each row to the response as it comes.
 * Memory stays flat whatever the size; two statements per export (the session count, then the rows), one audit
 * entry. Each file says what it is, which filters it applied and when it was made.
 */
@Stateless
@DenyAll
public class ReportExports {

    static final int FETCH_SIZE = 1000;
    private static final DateTimeFormatter STAMP = UkTime.STAMP;

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    /** The list behind a dashboard figure, as on screen, every row. */
    @RolesAllowed(Role.Names.HR)
    public void writePeople(ReportFilter filter, Measure measure, YearMonth month, ExportFormat format,
            OutputStream out) {
        ReportFilter checked = filter.checked();
        ResourceBundle text = bundle();
        LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
        long rows = 0;
        try (Connection db = dataSource.getConnection();
                TableWriter writer = format.open(out, text.getString("report.export.people.sheet"))) {
            List<String[]> about = about(text, text.getString("report.export.people.title"), checked);
            about.add(new String[] {text.getString("report.export.measure"), text.getString("report.measure." + measure.parameter())
                    + (month == null ? "" : " (" + month + ")")});
            writer.about(about);
            writer.header(columns(text, "name", "department", "organisation", "course", "cohort", "status", "overdue",
                    "enrolled", "cohortStart", "expectedEnd", "completed"));
            try (PreparedStatement statement = cursor(db, ReportSql.people(checked, measure, month, today, 0, 0));
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    PersonLine line = ReportRows.person(rs);
                    writer.row(java.util.Arrays.asList(line.displayName(), line.department(), line.organisation(),
                            line.courseTitle(), line.cohortName(), status(text, line.status()),
                            yesNo(text, line.overdue()), ReportRows.ukDate(line.enrolledAt()), line.cohortStart(),
                            line.expectedEnd(), ReportRows.ukDate(line.completedAt())));
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw Reports.unavailable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audited("people (" + measure.parameter() + (month == null ? "" : " " + month) + ")", format, checked, rows);
    }

    /**
     * The full completion report: one row per person and course place with each session's completion date, as
     * many session columns as the widest cohort in the report has.
     */
    @RolesAllowed(Role.Names.HR)
    public void writeCompletion(ReportFilter filter, ExportFormat format, OutputStream out) {
        ReportFilter checked = filter.checked();
        ResourceBundle text = bundle();
        LocalDate today = LocalDate.now(clock.withZone(UkTime.ZONE));
        long rows = 0;
        try (Connection db = dataSource.getConnection();
                TableWriter writer = format.open(out, text.getString("report.export.completion.sheet"))) {
            int sessions;
            try (PreparedStatement statement = ReportSql.maxSessions(checked).prepare(db);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                sessions = rs.getInt(1);
            }
            writer.about(about(text, text.getString("report.export.completion.title"), checked));
            List<String> header = columns(text, "name", "username", "department", "organisation", "courseCode", "course",
                    "cohort", "cohortStart", "status", "overdue", "enrolled", "expectedEnd", "completed", "pausedDays",
                    "certificate");
            for (int i = 1; i <= sessions; i++) {
                header.add(java.text.MessageFormat.format(text.getString("report.column.session"), i));
            }
            writer.header(header);
            try (PreparedStatement statement = cursor(db, ReportSql.completionReport(checked, today));
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(15 + sessions);
                    row.add(rs.getString("display_name"));
                    row.add(rs.getString("username"));
                    row.add(rs.getString("department"));
                    row.add(rs.getString("organisation"));
                    row.add(rs.getString("code"));
                    row.add(rs.getString("title"));
                    row.add(rs.getString("cohort_name"));
                    row.add(ReportRows.date(rs, "start_date"));
                    row.add(status(text, EnrolmentStatus.valueOf(rs.getString("status"))));
                    row.add(yesNo(text, rs.getBoolean("overdue")));
                    row.add(ReportRows.ukDate(ReportRows.instant(rs, "enrolled_at")));
                    row.add(ReportRows.date(rs, "expected_end_date"));
                    row.add(ReportRows.ukDate(ReportRows.instant(rs, "completed_at")));
                    row.add(rs.getInt("paused_days_total"));
                    row.add(rs.getString("certificate_code"));
                    Array array = rs.getArray("sessions");
                    Object[] done = array == null ? new Object[0] : (Object[]) array.getArray();
                    for (int i = 0; i < sessions; i++) {
                        row.add(i < done.length && done[i] instanceof java.sql.Date date ? date.toLocalDate() : null);
                    }
                    writer.row(row);
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw Reports.unavailable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audited("completion report", format, checked, rows);
    }

    /** A file name for an export: what it is and the date, e.g. {@code completion-report-2026-11-23.csv}. */
    @RolesAllowed(Role.Names.HR)
    public String fileName(String report, ExportFormat format) {
        return report + "-" + LocalDate.now(clock.withZone(UkTime.ZONE)) + "." + format.extension();
    }

    private static PreparedStatement cursor(Connection db, SqlQuery query) throws SQLException {
        PreparedStatement statement = query.prepare(db);
        statement.setFetchSize(FETCH_SIZE);
        statement.setFetchDirection(ResultSet.FETCH_FORWARD);
        return statement;
    }

    private List<String[]> about(ResourceBundle text, String title, ReportFilter filter) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {text.getString("report.export.report"), title});
        lines.add(new String[] {text.getString("report.export.at"), STAMP.format(ZonedDateTime.now(clock.withZone(UkTime.ZONE)))
                + " " + text.getString("report.export.ukTime")});
        lines.add(new String[] {text.getString("report.export.by"), session.getCallerPrincipal().getName()});
        lines.add(new String[] {text.getString("report.export.filters"), describe(text, filter)});
        return lines;
    }

    static String describe(ResourceBundle text, ReportFilter filter) {
        Map<String, String> parameters = filter.parameters();
        if (parameters.isEmpty()) {
            return text.getString("report.export.noFilters");
        }
        return parameters.entrySet().stream().map(e -> text.getString("report.filter." + e.getKey()) + " = "
                + (ReportFilter.NOT_RECORDED.equals(e.getValue()) && e.getKey().equals("department")
                        ? text.getString("report.department.notRecorded") : e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private void audited(String report, ExportFormat format, ReportFilter filter, long rows) {
        audit.fire(AuditEvent.of("REPORT_EXPORTED", "Report", report, format + ", " + rows + " rows, filters "
                + (filter.isEmpty() ? "none" : filter.parameters().toString())));
    }

    private static List<String> columns(ResourceBundle text, String... keys) {
        List<String> names = new ArrayList<>();
        for (String key : keys) {
            names.add(text.getString("report.column." + key));
        }
        return names;
    }

    private static String status(ResourceBundle text, EnrolmentStatus status) {
        return text.getString("enrolment.status." + status.name());
    }

    private static String yesNo(ResourceBundle text, boolean value) {
        return text.getString(value ? "report.yes" : "report.no");
    }

    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);
    }
}
