package org.peersupport.portal.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A small training data set whose every figure is known in advance, in an organisation of its own (so other tests'
 * data never counts), written with plain SQL on any connection (in the container or from the test JVM).
 *
 * <pre>
 * Course A (3 sessions): cohort 1 ended 30 days ago (120 days long), cohort 2 runs now.
 *   Alice  Ward A  cohort 1  completed today, after 10 days paused (110 days to complete), sessions 1-3 done
 *   Ben    Ward A  cohort 1  withdrawn; re-enrolled on cohort 2: active (session 1 done)
 *   Cara   Ward A  cohort 1  active, past the end: overdue
 *   Dev    Ward A  cohort 2  paused 5 days ago: not overdue
 *   Eve    Ward A  cohort 1  paused 10 days ago, after the end had passed: overdue
 *   Fay    Ward A  cohort 1  paused 60 days ago, before the end: the clock stopped, not overdue
 *   Hari   Ward B  cohort 1  deferred to cohort 2, where not started yet
 * Course B (2 sessions): cohort 3 starts in 30 days; cohort 4 started 500 days ago.
 *   Finn   Ward B  cohort 3  not started
 *   Gwen   Ward B  cohort 4  completed 10 days before 1 January (last year)
 *   Ivy    (none)  cohort 4  completed today (500 days)
 * </pre>
 */
public final class GoldenData {

    static final ZoneId UK = ZoneId.of("Europe/London");

    public final String organisation;
    public final String courseA;
    public final String courseB;
    public final LocalDate today;
    public final Map<String, Long> people = new LinkedHashMap<>();
    public final Map<String, Long> places = new LinkedHashMap<>();
    public final LocalDate startA1;
    public final LocalDate startB4;
    public final OffsetDateTime gwenCompleted;
    public final OffsetDateTime completedToday;

    private final Connection db;

    private GoldenData(Connection db, String tag) {
        this.db = db;
        this.organisation = "Golden Trust " + tag;
        this.courseA = "GOLD-A-" + tag;
        this.courseB = "GOLD-B-" + tag;
        this.today = LocalDate.now(UK);
        this.startA1 = today.minusDays(120);
        this.startB4 = today.minusDays(500);
        this.gwenCompleted = LocalDate.of(today.getYear(), 1, 1).minusDays(10).atTime(12, 0).atZone(UK).toOffsetDateTime();
        this.completedToday = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
    }

    public static GoldenData seed(Connection db) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        GoldenData data = new GoldenData(db, tag);
        data.write();
        return data;
    }

    /** Days from cohort start to completion for Gwen (paused for none of them). */
    public long gwenDays() {
        return ChronoUnit.DAYS.between(startB4, gwenCompleted.atZoneSameInstant(UK).toLocalDate());
    }

    /** Whether Gwen's completion month is within the dashboard's last twelve months. */
    public boolean gwenInChartWindow() {
        return !YearMonth.from(gwenCompleted.atZoneSameInstant(UK)).isBefore(YearMonth.from(today).minusMonths(11));
    }

    private void write() throws SQLException {
        long a = course(courseA, "Golden course A", 3);
        long b = course(courseB, "Golden course B", 2);
        long a1 = cohort(a, "A cohort 1", startA1, today.minusDays(30));
        long a2 = cohort(a, "A cohort 2", today.minusDays(20), today.plusDays(60));
        long b3 = cohort(b, "B cohort 3", today.plusDays(30), today.plusDays(120));
        long b4 = cohort(b, "B cohort 4", startB4, today.minusDays(400));
        String wardA = "Ward A " + organisation;
        String wardB = "Ward B " + organisation;
        person("Alice", wardA);
        person("Ben", wardA);
        person("Cara", wardA);
        person("Dev", wardA);
        person("Eve", wardA);
        person("Fay", wardA);
        person("Hari", wardB);
        person("Finn", wardB);
        person("Gwen", wardB);
        person("Ivy", null);

        place("Alice", a1, "COMPLETED", today.minusDays(20), null, 10, completedToday, null);
        place("Ben", a1, "WITHDRAWN", today.minusDays(30), null, 0, null, null);
        place("Ben#2", a2, "ACTIVE", today.plusDays(60), null, 0, null, null);
        place("Cara", a1, "ACTIVE", today.minusDays(30), null, 0, null, null);
        place("Dev", a2, "PAUSED", today.plusDays(60), today.minusDays(5), 0, null, null);
        place("Eve", a1, "PAUSED", today.minusDays(30), today.minusDays(10), 0, null, null);
        place("Fay", a1, "PAUSED", today.minusDays(30), today.minusDays(60), 0, null, null);
        place("Hari", a1, "DEFERRED", today.minusDays(30), null, 0, null, a2);
        place("Hari#2", a2, "ENROLLED", today.plusDays(60), null, 0, null, null);
        place("Finn", b3, "ENROLLED", today.plusDays(120), null, 0, null, null);
        place("Gwen", b4, "COMPLETED", today.minusDays(400), null, 0, gwenCompleted, null);
        place("Ivy", b4, "COMPLETED", today.minusDays(400), null, 0, completedToday, null);

        for (int s = 1; s <= 3; s++) {
            progress("Alice", courseA, s, startA1.plusWeeks(s).atTime(12, 0).atZone(UK).toOffsetDateTime());
        }
        progress("Ben", courseA, 1, startA1.plusDays(3).atTime(12, 0).atZone(UK).toOffsetDateTime());
    }

    private final Map<Long, long[]> courseSessions = new LinkedHashMap<>();

    private long course(String code, String title, int sessions) throws SQLException {
        long id = next("course_seq");
        update("insert into course (id, code, version_number, version_label, title, summary, completion_mode, "
                + "agreement_draft, status, created_at, published_at, version) values (?, ?, 1, '1', ?, 'Golden test course', "
                + "'MANUAL', false, 'PUBLISHED', now(), now(), 0)", id, code, title);
        long[] ids = new long[sessions];
        for (int s = 1; s <= sessions; s++) {
            ids[s - 1] = next("course_session_seq");
            update("insert into course_session (id, course_id, number, slug, title, aims, about_html, version) "
                    + "values (?, ?, ?, ?, ?, 'Aims', '<p>About</p>', 0)", ids[s - 1], id, s, "s" + s, "Session " + s);
        }
        courseSessions.put(id, ids);
        return id;
    }

    private long cohort(long course, String name, LocalDate start, LocalDate end) throws SQLException {
        long id = next("cohort_seq");
        update("insert into cohort (id, course_id, name, start_date, end_date, venue, capacity, attendance_threshold, "
                + "created_at, version) values (?, ?, ?, ?, ?, 'Room 1', 30, 80, now(), 0)", id, course, name + " " + organisation,
                start, end);
        long[] sessions = courseSessions.get(course);
        for (int s = 1; s <= sessions.length; s++) {
            update("insert into cohort_session (id, cohort_id, course_session_id, number, slug, starts_at, opened_early, version) "
                    + "values (?, ?, ?, ?, ?, ?, false, 0)", next("cohort_session_seq"), id, sessions[s - 1], s, "s" + s,
                    start.plusWeeks(s - 1).atTime(10, 0));
        }
        return id;
    }

    private void person(String name, String department) throws SQLException {
        long id = next("person_seq");
        update("insert into person (id, directory_id, username, display_name, email, job_title, department, organisation, "
                + "created_at, updated_at, version) values (?, ?, ?, ?, ?, 'Peer Support Worker', ?, ?, now(), now(), 0)",
                id, "golden:" + organisation + ":" + name, username(name), name + " " + organisation, null, department,
                organisation);
        people.put(name, id);
    }

    public String username(String name) {
        return (name + "." + organisation.replace(' ', '-')).toLowerCase();
    }

    public String displayName(String name) {
        return name + " " + organisation;
    }

    private void place(String key, long cohort, String status, LocalDate expectedEnd, LocalDate pausedOn, int pausedDays,
            OffsetDateTime completedAt, Long deferredTo) throws SQLException {
        String name = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
        long id = next("enrolment_seq");
        OffsetDateTime enrolled = OffsetDateTime.now(ZoneOffset.UTC).minusDays(200);
        update("insert into enrolment (id, person_id, cohort_id, status, enrolled_at, status_changed_at, expected_end_date, "
                + "paused_on, paused_days_total, withdrawn_reason, deferred_to_cohort_id, completed_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", id, people.get(name), cohort, status, enrolled,
                completedAt != null ? completedAt : enrolled, expectedEnd, pausedOn, pausedDays,
                "WITHDRAWN".equals(status) ? "Moved away" : null, deferredTo, completedAt);
        update("insert into enrolment_status_change (id, enrolment_id, from_status, to_status, reason, actor, changed_at) "
                + "values (?, ?, null, 'ENROLLED', null, 'golden', ?)", next("enrolment_status_change_seq"), id, enrolled);
        places.put(key, id);
    }

    private void progress(String name, String code, int session, OffsetDateTime at) throws SQLException {
        update("insert into lesson_progress (id, person_id, course_code, session_slug, completed_at) values (?, ?, ?, ?, ?)",
                next("lesson_progress_seq"), people.get(name), code, "s" + session, at);
    }

    private long next(String sequence) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select nextval('" + sequence + "')");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
