package org.peersupport.portal.reporting.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.reporting.entity.Measure;
import org.peersupport.portal.reporting.entity.ReportFilter;

/**
 * The SQL of every report. Each is one statement that aggregates or pages in the database, whatever the size of the
 * data: the filter becomes a {@code where} clause with bound parameters, and figures are {@code count(*) filter}
 * aggregates. {@code today} is passed in (the portal's clock, UK date), so overdue and "this year" are testable.
 */
public final class ReportSql {

    /**
     * The certificate's verification code of a place (null until it completes): this and {@link #CERTIFICATE_JOIN}
     * are the one place reports read it from. A place has at most one certificate (unique enrolment_id), so the
     * left join never repeats a row. Every report, export and API response takes the code from here.
     */
    static final String CERTIFICATE_CODE = "cert.code";
    static final String CERTIFICATE_JOIN = " left join certificate cert on cert.enrolment_id = e.id";

    /**
     * Every place with its person, cohort, course and certificate, for lists, which show each of them. Filters and
     * figures read {@code place_report} ({@code r}): one narrow row per place, kept equal to the places by triggers
     * (migration V11), which also holds the one definition of overdue and of days to complete.
     */
    static final String PLACES = " from place_report r join enrolment e on e.id = r.enrolment_id"
            + " join person p on p.id = r.person_id join cohort co on co.id = r.cohort_id"
            + " join course c on c.id = co.course_id" + CERTIFICATE_JOIN;

    /** The places a figure counts: their report rows alone, no join. */
    static final String COUNTED_PLACES = " from place_report r";

    private ReportSql() {
    }

    /** Overdue: still current and past the expected end (a pause moves it on while it lasts); see V11. */
    static String overdue() {
        return "coalesce(r.due_date < ?, false)";
    }

    /**
     * Every figure of the dashboard in one statement and one pass over the places: per course, per department and
     * across all (the grouping sets, told apart by {@code grouping_set}: 1 course, 2 department, 3 all). Each group
     * comes as several rows, one per number of days to complete (null for places not completed), in that order, so
     * the median is taken from the rows' counts ({@link DashboardFigures}). The places are first counted by every
     * value a figure looks at, so the grouping sets sum a few thousand counts instead of every place three times.
     */
    public static SqlQuery dashboardFigures(ReportFilter filter, LocalDate today) {
        SqlQuery q = new SqlQuery().append("select course_code, department, grouping(course_code, department) as grouping_set, "
                + "days, sum(n) as enrolled, "
                + "sum(n) filter (where status = 'ENROLLED') as not_started, "
                + "sum(n) filter (where status = 'ACTIVE') as active, "
                + "sum(n) filter (where status = 'PAUSED') as paused, "
                + "sum(n) filter (where overdue) as overdue, "
                + "sum(n) filter (where status = 'WITHDRAWN') as withdrawn, "
                + "sum(n) filter (where status = 'DEFERRED') as deferred, "
                + "sum(n) filter (where status = 'COMPLETED') as completed, "
                + "sum(n) filter (where this_year) as completed_this_year "
                + "from (select r.course_code, r.department, r.status, r.days_to_complete as days, "
                + overdue() + " as overdue, coalesce(r.status = 'COMPLETED' and r.completed_at >= ?, false) as this_year, "
                + "count(*) as n", today, yearStart(today));
        q.append(COUNTED_PLACES);
        where(q, filter);
        q.append(" group by 1, 2, 3, 4, 5, 6) places group by grouping sets ((course_code, days), (department, days), (days))"
                + " order by grouping_set, course_code, department nulls last, days nulls first");
        return q;
    }

    /** Completions per month (UK time) from {@code first} on. */
    public static SqlQuery completionsByMonth(ReportFilter filter, YearMonth first) {
        SqlQuery q = new SqlQuery().append("select to_char(r.completed_at at time zone 'Europe/London', 'YYYY-MM') as month, "
                + "count(*) as completions");
        q.append(COUNTED_PLACES);
        where(q, filter);
        q.append(" and r.status = 'COMPLETED' and r.completed_at >= ?", start(first));
        q.append(" group by 1 order by 1");
        return q;
    }

    /** Latest titles of the courses that have cohorts. */
    public static SqlQuery courseOptions() {
        return new SqlQuery().append("select distinct on (c.code) c.code, c.title from course c "
                + "where exists (select 1 from cohort co join course v on v.id = co.course_id where v.code = c.code) "
                + "order by c.code, c.version_number desc");
    }

    /** Organisations and departments of the people the portal knows (an index-only scan, not a join with places). */
    public static SqlQuery organisationAndDepartmentOptions() {
        return new SqlQuery().append("select distinct p.organisation, p.department from person p");
    }

    /** The most recent cohorts of a course, within the date range if one is set. */
    public static SqlQuery cohortOptions(ReportFilter filter, int limit) {
        SqlQuery q = new SqlQuery().append("select co.id, co.name, co.start_date from cohort co join course c on c.id = co.course_id "
                + "where c.code = ?", filter.courseCode());
        if (filter.from() != null) {
            q.append(" and co.start_date >= ?", filter.from());
        }
        if (filter.to() != null) {
            q.append(" and co.start_date <= ?", filter.to());
        }
        return q.append(" order by co.start_date desc, co.id desc limit ?", limit);
    }

    static final String LINE_COLUMNS = "select e.id as enrolment_id, p.id as person_id, p.display_name, p.department, "
            + "p.organisation, c.code, c.title, co.name as cohort_name, e.status, ";

    /**
     * A drill-down list: the places behind one figure, in name order, one page of them with the total in the same
     * statement ({@code count(*) over ()}). A page size of 0 means every row (exports stream them).
     */
    public static SqlQuery people(ReportFilter filter, Measure measure, YearMonth month, LocalDate today, int page,
            int pageSize) {
        SqlQuery q = new SqlQuery().append(LINE_COLUMNS + overdue() + " as overdue, e.enrolled_at, co.start_date, "
                + "e.expected_end_date, e.completed_at, e.status_changed_at", today);
        q.append(pageSize > 0 ? ", count(*) over () as total" : "");
        q.append(PLACES);
        where(q, filter);
        measure(q, measure, month, today);
        q.append(" order by p.display_name, p.id, co.start_date, e.id");
        if (pageSize > 0) {
            q.append(" limit ? offset ?", pageSize, (long) page * pageSize);
        }
        return q;
    }

    /** How many sessions the widest cohort in the report has: the number of session columns an export needs. */
    public static SqlQuery maxSessions(ReportFilter filter) {
        SqlQuery q = new SqlQuery().append("select coalesce(max(cardinality(r.session_dates)), 0)");
        q.append(COUNTED_PLACES);
        where(q, filter);
        return q;
    }

    /**
     * The full completion report: one row per person and course place, with each session's completion date (UK) in
     * session order, as a date array aligned to session numbers 1..n (null where not done), kept in the place's
     * report row (migration V11). Progress is keyed by course code and session slug, so it follows people across
     * course versions, as the course feature keeps it.
     */
    public static SqlQuery completionReport(ReportFilter filter, LocalDate today) {
        SqlQuery q = new SqlQuery().append("select e.id as enrolment_id, p.display_name, p.username, p.department, "
                + "p.organisation, c.code, c.title, co.name as cohort_name, co.start_date, e.status, "
                + overdue() + " as overdue, e.enrolled_at, e.expected_end_date, e.completed_at, e.paused_days_total, "
                + CERTIFICATE_CODE + " as certificate_code, r.session_dates as sessions", today);
        q.append(PLACES);
        where(q, filter);
        return q.append(" order by p.display_name, p.id, co.start_date, e.id");
    }

    /** A person's own details for their training record. */
    public static SqlQuery person(long personId) {
        return new SqlQuery().append("select p.id, p.display_name, p.username, p.job_title, p.department, p.organisation "
                + "from person p where p.id = ?", personId);
    }

    /** Every place a person has held, oldest cohort first, with sessions done out of the cohort's sessions. */
    public static SqlQuery training(long personId, LocalDate today) {
        return new SqlQuery().append("select e.id as enrolment_id, c.code, c.title, co.name as cohort_name, co.start_date, "
                + "co.end_date, e.status, " + overdue() + " as overdue, e.enrolled_at, e.expected_end_date, "
                + "e.paused_days_total, e.completed_at, e.status_changed_at, "
                + "cardinality(array_remove(r.session_dates, null)) as sessions_done, "
                + "cardinality(r.session_dates) as sessions_total, "
                + CERTIFICATE_CODE + " as certificate_code" + PLACES + " where r.person_id = ? "
                + "order by co.start_date, e.id", today, personId);
    }

    /** A person's id from their directory username, for the API. */
    public static SqlQuery personByUsername(String username) {
        return new SqlQuery().append("select p.id from person p where lower(p.username) = lower(?) and p.username_released_at is null", username);
    }

    /**
     * Completions at or after {@code since}, oldest first (then by place), one page, with the total in the same
     * statement: a client syncs incrementally by asking again from the last completion it has seen.
     */
    public static SqlQuery completionsSince(OffsetDateTime since, int page, int pageSize) {
        return new SqlQuery().append("select e.id as enrolment_id, p.username, p.display_name, p.department, p.organisation, "
                + "c.code, c.title, co.name as cohort_name, co.start_date, e.enrolled_at, e.completed_at, "
                + CERTIFICATE_CODE + " as certificate_code, count(*) over () as total" + PLACES
                + " where e.status = 'COMPLETED' and e.completed_at >= ? order by e.completed_at, e.id limit ? offset ?",
                since, pageSize, (long) page * pageSize);
    }

    private static void where(SqlQuery q, ReportFilter filter) {
        q.append(" where true");
        if (filter.organisation() != null) {
            q.append(" and r.organisation = ?", filter.organisation());
        }
        if (ReportFilter.NOT_RECORDED.equals(filter.department())) {
            q.append(" and r.department is null");
        } else if (filter.department() != null) {
            q.append(" and r.department = ?", filter.department());
        }
        if (filter.courseCode() != null) {
            q.append(" and r.course_code = ?", filter.courseCode());
        }
        if (filter.cohortId() != null) {
            q.append(" and r.cohort_id = ?", filter.cohortId());
        }
        if (filter.from() != null) {
            q.append(" and r.cohort_start >= ?", filter.from());
        }
        if (filter.to() != null) {
            q.append(" and r.cohort_start <= ?", filter.to());
        }
    }

    private static void measure(SqlQuery q, Measure measure, YearMonth month, LocalDate today) {
        switch (measure) {
            case ENROLLED -> { }
            case NOT_STARTED -> q.append(" and r.status = 'ENROLLED'");
            case ACTIVE -> q.append(" and r.status = 'ACTIVE'");
            case PAUSED -> q.append(" and r.status = 'PAUSED'");
            case OVERDUE -> q.append(" and " + overdue(), today);
            case WITHDRAWN -> q.append(" and r.status = 'WITHDRAWN'");
            case DEFERRED -> q.append(" and r.status = 'DEFERRED'");
            case COMPLETED -> q.append(" and r.status = 'COMPLETED'");
            case COMPLETED_THIS_YEAR -> q.append(" and r.status = 'COMPLETED' and r.completed_at >= ?", yearStart(today));
        }
        if (month != null) {
            q.append(" and r.status = 'COMPLETED' and r.completed_at >= ? and r.completed_at < ?", start(month),
                    start(month.plusMonths(1)));
        }
    }

    static OffsetDateTime yearStart(LocalDate today) {
        return start(YearMonth.of(today.getYear(), 1));
    }

    static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(UkTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
