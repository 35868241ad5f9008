package org.peersupport.portal.reporting.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.PortalDataSource;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.reporting.control.DashboardFigures;
import org.peersupport.portal.reporting.control.SharedFigures;
import org.peersupport.portal.reporting.control.ReportRows;
import org.peersupport.portal.reporting.control.ReportSql;
import org.peersupport.portal.reporting.control.SqlQuery;
import org.peersupport.portal.reporting.entity.Completion;
import org.peersupport.portal.reporting.entity.Dashboard;
import org.peersupport.portal.reporting.entity.FilterOptions;
import org.peersupport.portal.reporting.entity.Measure;
import org.peersupport.portal.reporting.entity.MonthCount;
import org.peersupport.portal.reporting.entity.PeopleList;
import org.peersupport.portal.reporting.entity.PersonLine;
import org.peersupport.portal.reporting.entity.ReportFilter;
import org.peersupport.portal.reporting.entity.StaffRecord;
import org.peersupport.portal.reporting.entity.StatusCounts;
import org.peersupport.portal.reporting.entity.TrainingLine;

/**
 * HR's reports of training completion: the dashboard, the people behind each figure, a member of staff's training
 * record and the API's completions. HR only: status, names, departments and dates, never evidence content, notes,
 * attendance detail or reasons. Each report is a fixed, small number of SQL statements that aggregate or page in
 * the database (see {@link ReportSql}), so its cost does not grow with a query per row.
 */
@Stateless
@DenyAll
public class Reports {

    /** The most rows one page of a list or of the API may have. */
    public static final int MAX_PAGE_SIZE = 500;
    static final int COHORT_OPTIONS = 300;

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    SharedFigures shared;

    @Resource
    SessionContext session;

    /** The dashboard: figures per course and across all, completions by month, and status by department. */
    @RolesAllowed(Role.Names.HR)
    public Dashboard dashboard(ReportFilter filter) {
        ReportFilter checked = filter.checked();
        LocalDate today = today();
        try (Connection db = dataSource.getConnection()) {
            return shared.shared(SharedFigures.changes(db), new DashboardOf(checked, today),
                    () -> dashboard(db, checked, today));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** What names a dashboard's figures among those {@link SharedFigures} keeps. */
    private record DashboardOf(ReportFilter filter, LocalDate today) {
    }

    /** What names the filters' options among those {@link SharedFigures} keeps. */
    private record OptionsOf(String organisation, String courseCode, LocalDate from, LocalDate to) {
    }

    private static Dashboard dashboard(Connection db, ReportFilter checked, LocalDate today) throws SQLException {
        Map<String, String> titles = new HashMap<>();
        for (FilterOptions.CourseOption course : courses(db)) {
            titles.put(course.code(), course.title());
        }
        DashboardFigures figures;
        try (PreparedStatement statement = ReportSql.dashboardFigures(checked, today).prepare(db);
                ResultSet rs = statement.executeQuery()) {
            figures = DashboardFigures.read(rs, titles);
        }
        YearMonth first = YearMonth.from(today).minusMonths(11);
        Map<YearMonth, Long> byMonth = new HashMap<>();
        try (PreparedStatement statement = ReportSql.completionsByMonth(checked, first).prepare(db);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                byMonth.put(YearMonth.parse(rs.getString("month")), rs.getLong("completions"));
            }
        }
        List<MonthCount> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            months.add(new MonthCount(m, byMonth.getOrDefault(m, 0L)));
        }
        return new Dashboard(checked, today, List.copyOf(figures.courses()), figures.total(), List.copyOf(months),
                List.copyOf(figures.departments()));
    }

    /** What the filters offer: organisations, departments, courses, and the chosen course's recent cohorts. */
    @RolesAllowed(Role.Names.HR)
    public FilterOptions filterOptions(ReportFilter filter) {
        try (Connection db = dataSource.getConnection()) {
            OptionsOf what = new OptionsOf(filter.organisation(), filter.courseCode(), filter.from(), filter.to());
            return shared.shared(SharedFigures.changes(db), what,
                    () -> filterOptions(db, filter));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static FilterOptions filterOptions(Connection db, ReportFilter filter) throws SQLException {
        TreeSet<String> organisations = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> departments = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        boolean someWithout = false;
        try (PreparedStatement statement = ReportSql.organisationAndDepartmentOptions().prepare(db);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String organisation = rs.getString(1);
                String department = rs.getString(2);
                if (organisation != null) {
                    organisations.add(organisation);
                }
                if (department == null) {
                    someWithout = true;
                } else if (filter.organisation() == null || filter.organisation().equals(organisation)) {
                    departments.add(department);
                }
            }
        }
        List<FilterOptions.CohortOption> cohorts = new ArrayList<>();
        if (filter.courseCode() != null) {
            try (PreparedStatement statement = ReportSql.cohortOptions(filter, COHORT_OPTIONS).prepare(db);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    cohorts.add(new FilterOptions.CohortOption(rs.getLong(1), rs.getString(2),
                            ReportRows.date(rs, "start_date")));
                }
            }
        }
        return new FilterOptions(List.copyOf(organisations), List.copyOf(departments), someWithout,
                List.copyOf(courses(db)), List.copyOf(cohorts));
    }

    /**
     * The places behind one figure of the dashboard, a page at a time in name order. {@code month}, when given,
     * narrows to completions in that month (the completions chart's drill-down).
     */
    @RolesAllowed(Role.Names.HR)
    public PeopleList people(ReportFilter filter, Measure measure, YearMonth month, int page, int pageSize) {
        ReportFilter checked = filter.checked();
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        int from = Math.max(0, page);
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = ReportSql.people(checked, measure, month, today(), from, size).prepare(db);
                ResultSet rs = statement.executeQuery()) {
            List<PersonLine> lines = new ArrayList<>();
            long total = 0;
            while (rs.next()) {
                lines.add(ReportRows.person(rs));
                total = rs.getLong("total");
            }
            if (lines.isEmpty() && from > 0) {
                // past the last page: the total is still worth telling
                return new PeopleList(lines, count(db, checked, measure, month), from, size);
            }
            return new PeopleList(lines, total, from, size);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** A member of staff's training record: every course place, its status and dates. */
    @RolesAllowed(Role.Names.HR)
    public StaffRecord staffRecord(long personId) {
        StaffRecord record = load(personId);
        audit.fire(AuditEvent.by(caller(), "STAFF_RECORD_READ", "Person", personId, "training record"));
        return record;
    }

    /** The same record by directory username, for the API (audited); empty training when the person has none. */
    @RolesAllowed(Role.Names.HR)
    public StaffRecord staffRecordByUsername(String username) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = ReportSql.personByUsername(username).prepare(db);
                ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw notFound();
            }
            long personId = rs.getLong(1);
            StaffRecord record = load(personId);
            audit.fire(AuditEvent.by(caller(), "STAFF_RECORD_READ", "Person", personId, "training record, through the API"));
            return record;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Completions at or after {@code since}, oldest first, one page: the API's incremental sync (audited). */
    @RolesAllowed(Role.Names.HR)
    public CompletionPage completionsSince(OffsetDateTime since, int page, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
        try (Connection db = dataSource.getConnection();
                PreparedStatement statement = ReportSql.completionsSince(since, Math.max(0, page), size).prepare(db);
                ResultSet rs = statement.executeQuery()) {
            List<Completion> items = new ArrayList<>();
            long total = -1;
            while (rs.next()) {
                items.add(ReportRows.completion(rs));
                total = rs.getLong("total");
            }
            audit.fire(AuditEvent.by(caller(), "API_COMPLETIONS_READ", "Completions", null, "since " + since + ", page " + Math.max(0, page)
                    + " of " + size + ": " + items.size() + " completions"));
            return new CompletionPage(items, Math.max(0, page), size, total);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** One page of completions and, when the page has any, how many there are since the date in all. */
    public record CompletionPage(List<Completion> items, int page, int pageSize, long total) {
    }

    /** The figures for one course (all its versions), narrowed by the filter: the API's counts (audited). */
    @RolesAllowed(Role.Names.HR)
    public StatusCounts courseCounts(String courseCode, ReportFilter filter) {
        Dashboard dashboard = dashboard(filter.withCourse(courseCode));
        StatusCounts counts = dashboard.courses().stream().filter(c -> c.key().equals(courseCode)).findFirst()
                .orElseThrow(() -> new BusinessException("report.course.notFound",
                        "There is no course " + courseCode + " with places to report on.", courseCode));
        audit.fire(AuditEvent.by(caller(), "API_COURSE_COUNTS_READ", "Course", courseCode, "status counts, narrowed to "
                + filter.withCourse(courseCode).parameters()));
        return counts;
    }

    private StaffRecord load(long personId) {
        try (Connection db = dataSource.getConnection()) {
            StaffRecord person;
            try (PreparedStatement statement = ReportSql.person(personId).prepare(db);
                    ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw notFound();
                }
                person = new StaffRecord(rs.getLong("id"), rs.getString("display_name"), rs.getString("username"),
                        rs.getString("job_title"), rs.getString("department"), rs.getString("organisation"), List.of());
            }
            List<TrainingLine> training = new ArrayList<>();
            try (PreparedStatement statement = ReportSql.training(personId, today()).prepare(db);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    training.add(ReportRows.training(rs));
                }
            }
            return new StaffRecord(person.personId(), person.displayName(), person.username(), person.jobTitle(),
                    person.department(), person.organisation(), training);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private long count(Connection db, ReportFilter filter, Measure measure, YearMonth month) throws SQLException {
        SqlQuery query = ReportSql.people(filter, measure, month, today(), 0, 1);
        try (PreparedStatement statement = query.prepare(db); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong("total") : 0;
        }
    }

    private static List<FilterOptions.CourseOption> courses(Connection db) throws SQLException {
        List<FilterOptions.CourseOption> courses = new ArrayList<>();
        try (PreparedStatement statement = ReportSql.courseOptions().prepare(db);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                courses.add(new FilterOptions.CourseOption(rs.getString(1), rs.getString(2)));
            }
        }
        return courses;
    }

    /** The signed-in caller as the EJB container knows them (a person or the API's service account). */
    private String caller() {
        Principal principal = session.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(UkTime.ZONE));
    }

    static BusinessException notFound() {
        return new BusinessException("report.person.notFound", "There is no such member of staff.");
    }

    static IllegalStateException unavailable(SQLException e) {
        return new IllegalStateException("the report could not be read from the database", e);
    }
}
