package org.peersupport.portal.reporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a portal database with realistic, fictional training data at a chosen size: staff in NHS trust and charity
 * departments, four courses, many cohorts with weekly sessions, about three course places per person with every
 * status (not started, active, paused now or before, overdue, withdrawn, deferred, completed, and re-enrolment after
 * a withdrawal), the status history, attendance registers and lesson progress. Deterministic for a seed and a
 * reference date ("today", by default the real date). Rows go in with PostgreSQL's COPY.
 *
 * <p>Run it with {@code mvn -Pgenerate -Dgenerate.staff=10000 -Dgenerate.seed=42} (see README): without a JDBC URL it
 * starts the demo's embedded PostgreSQL in {@code .demo-data/} (stop the demo first), migrates it and fills it.
 * Tests call {@link #generate} on a connection of their own.
 */
public final class ReportDataGenerator {

    static final ZoneId UK = ZoneId.of("Europe/London");

    /**
     * What to generate: how many staff, the seed, a namespace that keeps runs apart, optionally one organisation for
     * everyone, the reference date, and optionally one course (by code) on which everyone has exactly one place
     * (the benchmark's 10,000-person export) instead of the usual mix of about three places across the courses.
     */
    public record Spec(int staff, long seed, String namespace, String organisation, LocalDate today, String onlyCourse) {

        public Spec {
            if (staff < 1) {
                throw new IllegalArgumentException("staff must be at least 1");
            }
        }

        public Spec(int staff, long seed, String namespace, String organisation, LocalDate today) {
            this(staff, seed, namespace, organisation, today, null);
        }
    }

    /** How much was written, table by table. */
    public record Result(Map<String, Long> rows, Duration took) {

        public long rows(String table) {
            return rows.getOrDefault(table, 0L);
        }
    }

    static final String[] ORGANISATIONS = {
        "Northshire Health and Care NHS Foundation Trust", "Riverside Mental Health NHS Trust",
        "Eastvale Community Healthcare NHS Trust", "Mind in Westshire (charity)", "Hope Together Peer Network (charity)"};
    static final String[] DEPARTMENTS = {
        "Community Mental Health Team North", "Community Mental Health Team South", "Acute Inpatient Services",
        "Recovery College", "Crisis Resolution and Home Treatment", "Early Intervention in Psychosis",
        "Perinatal Mental Health", "Child and Adolescent Mental Health Services", "Older Adults Mental Health",
        "Learning Disabilities", "Substance Misuse Service", "Liaison Psychiatry", "Eating Disorders Service",
        "Forensic Services", "Talking Therapies", "Rehabilitation and Recovery", "Personality Disorder Service",
        "Homeless Outreach", "Veterans' Mental Health", "Peer Support Service", "Occupational Therapy",
        "Volunteer Services", "Estates and Facilities", "Human Resources", "Nursing Directorate"};
    static final String[] JOB_TITLES = {
        "Peer Support Worker", "Senior Peer Support Worker", "Volunteer Peer Supporter", "Support Time and Recovery Worker",
        "Healthcare Assistant", "Mental Health Nurse", "Occupational Therapist", "Recovery Worker", "Team Administrator",
        "Clinical Psychologist", "Social Worker", "Activity Coordinator"};
    static final String[] FIRST_NAMES = {
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophia", "Lily", "Freya", "Ella", "Evie", "Ruby", "Aisha",
        "Priya", "Zara", "Chloe", "Hannah", "Niamh", "Siobhan", "Bethan", "Rhiannon", "Fatima", "Maryam", "Chidera",
        "Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Jack", "Muhammad", "Ibrahim", "Callum", "Rhys",
        "Dylan", "Owen", "Kieran", "Aaron", "Tomasz", "Jakub", "Kwame", "Tunde", "Ravi", "Arjun", "Sam", "Alex", "Jo",
        "Morgan", "Jordan", "Taylor", "Robin", "Charlie"};
    static final String[] LAST_NAMES = {
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
        "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
        "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson",
        "Bailey", "Collins", "Bell", "Shah", "Khan", "Begum", "Hussain", "Ali", "Ahmed", "Okafor", "Mensah",
        "Kowalski", "Nowak", "O'Brien", "Murphy", "MacDonald", "Campbell", "Stewart", "Reid", "Singh", "Kaur"};

    /** The generated courses: code, title, award and session titles. Peer2Peer's sessions are the real ones. */
    record CourseSpec(String code, String title, List<String> sessions) {
    }

    static final List<CourseSpec> COURSES = List.of(
            new CourseSpec("GEN-P2P", "Peer2Peer: Mental Health Peer Support (generated)", List.of("Introduction",
                    "What is Recovery?", "Personal Recovery", "What is Peer Support?", "The Peer Relationship",
                    "Review and Evaluation", "Use of Language and Communications", "Using Your Experiences Effectively",
                    "Surviving and Thriving", "Positive Risk Taking and Boundaries", "Review and Evaluation: portfolio")),
            new CourseSpec("GEN-WRAP", "Wellness Recovery Action Planning facilitator (generated)", List.of("Welcome",
                    "Wellness toolbox", "Daily maintenance plan", "Triggers", "Early warning signs",
                    "When things are breaking down", "Crisis planning", "Post-crisis planning")),
            new CourseSpec("GEN-TIC", "Trauma-informed care essentials (generated)", List.of("Understanding trauma",
                    "Safety and trust", "Choice and collaboration", "Empowerment", "Putting it into practice")),
            new CourseSpec("GEN-RISK", "Positive risk taking and safety planning (generated)", List.of("What is risk?",
                    "Safety planning together", "Boundaries", "Reflective practice")));

    /** Average course places per person is {@code 1 + 2 * 1.0}: one, plus up to four more (mean two). */
    static final double COHORT_SIZE = 15;

    private ReportDataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int staff = Integer.parseInt(System.getProperty("generate.staff", "1000"));
        long seed = Long.parseLong(System.getProperty("generate.seed", "42"));
        String today = System.getProperty("generate.today", "");
        String url = System.getProperty("generate.jdbc.url", "");
        Spec spec = new Spec(staff, seed, System.getProperty("generate.namespace", "gen"), blankToNull(
                System.getProperty("generate.organisation", "")), today.isBlank() ? LocalDate.now(UK) : LocalDate.parse(today),
                blankToNull(System.getProperty("generate.course", "")));
        Result result;
        if (url.isBlank()) {
            Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
            result = DemoDatabase.generateIntoDemoDatabase(project, spec);
        } else {
            try (Connection db = DriverManager.getConnection(url, System.getProperty("generate.jdbc.user", ""),
                    System.getProperty("generate.jdbc.password", ""))) {
                result = generate(db, spec);
            }
        }
        System.out.println("[generate] " + spec.staff() + " staff, seed " + spec.seed() + ", today " + spec.today()
                + ": " + result.rows() + " in " + result.took().toMillis() / 1000.0 + " s");
    }

    /** Generates into the database of {@code db} (which must have the portal's schema), in one transaction. */
    public static Result generate(Connection db, Spec spec) throws SQLException, IOException {
        long started = System.nanoTime();
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        Path folder = Files.createTempDirectory("portal-generate-");
        try {
            Result result = new Generation(db, spec, folder).run();
            db.commit();
            return new Result(result.rows(), Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** One run: courses first, then cohorts, then people and everything about their places, COPY'd table by table. */
    private static final class Generation {

        private final Connection db;
        private final Spec spec;
        private final Path folder;
        private final SplittableRandom random;
        private final Instant now;
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private final Map<String, Table> tables = new LinkedHashMap<>();

        /** A course as generated or found: its version's id, code and sessions (id and slug, in order). */
        record Course(long id, String code, long[] sessionIds, String[] slugs) {
        }

        /** A cohort: its course, dates and the ids of its sessions (in order). */
        record Cohort(long id, Course course, LocalDate start, LocalDate end, long[] sessionIds, LocalDateTime[] dates) {
        }

        Generation(Connection db, Spec spec, Path folder) {
            this.db = db;
            this.spec = spec;
            this.folder = folder;
            this.random = new SplittableRandom(spec.seed());
            this.now = spec.today().atTime(12, 0).atZone(UK).toInstant();
        }

        Result run() throws SQLException, IOException {
            List<Course> courses = new ArrayList<>();
            for (CourseSpec course : COURSES) {
                courses.add(course(course));
            }
            Course only = spec.onlyCourse() == null ? null : courses.stream()
                    .filter(c -> c.code().equals(spec.onlyCourse())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no generated course " + spec.onlyCourse()));
            int places = (int) Math.round(spec.staff() * (only == null ? 3.0 : 1.0));
            Map<Course, List<Cohort>> cohorts = new LinkedHashMap<>();
            Table cohortTable = table("cohort", "id, course_id, name, start_date, end_date, venue, online_link, facilitators, "
                    + "capacity, attendance_threshold, created_at, version");
            Table cohortSessionTable = table("cohort_session", "id, cohort_id, course_session_id, number, slug, starts_at, "
                    + "opened_early, version");
            int cohortsPerCourse = (int) Math.max(2, Math.ceil(places / (double) (only == null ? courses.size() : 1)
                    / COHORT_SIZE));
            Ids cohortIds = ids("cohort_seq", (long) cohortsPerCourse * courses.size());
            Ids cohortSessionIds = ids("cohort_session_seq", (long) cohortsPerCourse * courses.size() * 11);
            LocalDate first = spec.today().minusYears(3);
            long span = ChronoUnit.DAYS.between(first, spec.today().plusMonths(3));
            for (Course course : courses) {
                List<Cohort> list = new ArrayList<>();
                for (int k = 0; k < cohortsPerCourse; k++) {
                    LocalDate start = first.plusDays(span * k / cohortsPerCourse);
                    int n = course.sessionIds().length;
                    LocalDate end = start.plusWeeks(n + 2);
                    long id = cohortIds.next();
                    long[] sessionIds = new long[n];
                    LocalDateTime[] dates = new LocalDateTime[n];
                    for (int s = 0; s < n; s++) {
                        sessionIds[s] = cohortSessionIds.next();
                        dates[s] = start.plusWeeks(s).atTime(10, 0);
                        cohortSessionTable.row(sessionIds[s], id, course.sessionIds()[s], s + 1, course.slugs()[s], dates[s],
                                "f", 0);
                    }
                    cohortTable.row(id, course.id(), spec.namespace() + " " + course.code() + " cohort " + (k + 1) + " ("
                            + start + ")", start, end, k % 3 == 0 ? null : "Recovery College, Room " + (1 + k % 9),
                            k % 3 == 0 ? "https://meet.example/" + course.code().toLowerCase() + "-" + (k + 1) : null,
                            "Peer trainers", 40, 80, start.minusWeeks(6).atStartOfDay(UK).toOffsetDateTime(), 0);
                    list.add(new Cohort(id, course, start, end, sessionIds, dates));
                }
                cohorts.put(course, list);
            }

            Table person = table("person", "id, directory_id, username, display_name, email, job_title, department, "
                    + "organisation, last_sign_in_at, created_at, updated_at, version");
            Table enrolment = table("enrolment", "id, person_id, cohort_id, status, enrolled_at, status_changed_at, "
                    + "expected_end_date, paused_on, paused_days_total, withdrawn_reason, deferred_to_cohort_id, "
                    + "completed_at, version");
            Table history = table("enrolment_status_change", "id, enrolment_id, from_status, to_status, reason, actor, changed_at");
            Table attendance = table("attendance_mark", "id, cohort_session_id, enrolment_id, mark, marked_by, marked_at, version");
            Table progress = table("lesson_progress", "id, person_id, course_code, session_slug, completed_at");
            Ids personIds = ids("person_seq", spec.staff());
            Ids enrolmentIds = ids("enrolment_seq", (long) places * 2 + 100);
            Ids historyIds = ids("enrolment_status_change_seq", (long) places * 10 + 100);
            Ids attendanceIds = ids("attendance_mark_seq", (long) places * 2 * 11 + 100);
            Ids progressIds = ids("lesson_progress_seq", (long) places * 2 * 11 + 100);
            Instant created = now.minus(Duration.ofDays(1200));

            for (int n = 0; n < spec.staff(); n++) {
                long personId = personIds.next();
                String firstName = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                String lastName = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                String username = (firstName + "." + lastName).toLowerCase().replace("'", "") + "." + spec.namespace() + n;
                String organisation = spec.organisation() != null ? spec.organisation()
                        : ORGANISATIONS[weighted(new int[] {40, 25, 20, 10, 5})];
                String department = random.nextInt(100) == 0 ? null : DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
                person.row(personId, "generated:" + spec.namespace() + ":" + spec.seed() + ":" + n, username,
                        firstName + " " + lastName, username + "@generated.example", JOB_TITLES[random.nextInt(JOB_TITLES.length)],
                        department, organisation, null, created, created, 0);

                int count = spec.onlyCourse() != null ? 1 : 1 + random.nextInt(5); // 1..5, three on average
                Map<String, Instant[]> done = new LinkedHashMap<>();
                java.util.Set<Long> used = new java.util.HashSet<>();
                for (int i = 0; i < count; i++) {
                    Course course = spec.onlyCourse() != null ? only
                            : courses.get(random.nextInt(courses.size()));
                    List<Cohort> options = cohorts.get(course);
                    Cohort cohort = options.get(random.nextInt(options.size()));
                    if (!used.add(cohort.id())) {
                        continue; // the same cohort twice: one place is enough
                    }
                    Place place = new Place(personId, cohort);
                    long enrolmentId = enrolmentIds.next();
                    outcome(place, enrolmentId, options, enrolment, history, attendance, attendanceIds, historyIds,
                            enrolmentIds, done, used);
                }
                for (Map.Entry<String, Instant[]> entry : done.entrySet()) {
                    String code = entry.getKey().substring(0, entry.getKey().indexOf('|'));
                    String slug = entry.getKey().substring(entry.getKey().indexOf('|') + 1);
                    progress.row(progressIds.next(), personId, code, slug, entry.getValue()[0]);
                }
            }
            for (Table table : tables.values()) {
                rows.put(table.name, table.copy());
            }
            return new Result(rows, Duration.ZERO);
        }

        /** A person's place on a cohort while it is being decided. */
        final class Place {
            final long personId;
            final Cohort cohort;

            Place(long personId, Cohort cohort) {
                this.personId = personId;
                this.cohort = cohort;
            }
        }

        /**
         * Decides what became of a place from its cohort's dates and chance, and writes the enrolment, its history,
         * its attendance and its lesson progress. A withdrawal is sometimes followed by a re-enrolment on a later
         * cohort of the same course, and a deferral always is.
         */
        private void outcome(Place place, long id, List<Cohort> options, Table enrolment, Table history, Table attendance,
                Ids attendanceIds, Ids historyIds, Ids enrolmentIds, Map<String, Instant[]> done, java.util.Set<Long> used)
                throws IOException {
            Cohort c = place.cohort;
            LocalDate today = spec.today();
            Instant enrolledAt = c.start().minusDays(7 + random.nextInt(30)).atTime(9, 0).atZone(UK).toInstant();
            Instant started = c.start().atTime(9, 30).atZone(UK).toInstant();
            String actor = "generator";
            List<Object[]> changes = new ArrayList<>();
            changes.add(new Object[] {null, "ENROLLED", null, enrolledAt});
            String status;
            LocalDate pausedOn = null;
            int pausedDays = 0;
            String withdrawnReason = null;
            Long deferredTo = null;
            Instant completedAt = null;
            Instant changedAt = enrolledAt;
            LocalDate lastDay; // the last day they took part in sessions
            int roll = random.nextInt(100);
            if (c.start().isAfter(today)) {
                status = "ENROLLED";
                lastDay = null;
            } else if (roll < 2) {
                status = "ENROLLED"; // never started: overdue once the cohort is over
                lastDay = null;
            } else {
                changes.add(new Object[] {"ENROLLED", "ACTIVE", null, started});
                changedAt = started;
                LocalDate end = c.end();
                if (random.nextInt(100) < 12) { // a pause in the past: the clock stopped and moved the end on
                    pausedDays = 7 + random.nextInt(35);
                    LocalDate pause = c.start().plusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(c.start(),
                            min(today, end)) + 1)));
                    LocalDate resume = pause.plusDays(pausedDays);
                    if (!resume.isAfter(today)) {
                        changes.add(new Object[] {"ACTIVE", "PAUSED", "Time off for health", at(pause)});
                        changes.add(new Object[] {"PAUSED", "ACTIVE", null, at(resume)});
                        changedAt = at(resume);
                        end = end.plusDays(pausedDays);
                    } else {
                        pausedDays = 0;
                    }
                }
                LocalDate stop = min(today, end);
                if (roll < 10) {
                    status = "WITHDRAWN";
                    LocalDate when = c.start().plusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(c.start(), stop) + 1)));
                    withdrawnReason = "Changed role";
                    changedAt = max(changedAt, at(when));
                    changes.add(new Object[] {"ACTIVE", "WITHDRAWN", withdrawnReason, changedAt});
                    lastDay = when;
                } else if (roll < 13 && !c.end().isBefore(today)) {
                    status = "DEFERRED";
                    LocalDate when = min(today, c.start().plusDays(14));
                    changedAt = max(changedAt, at(when));
                    changes.add(new Object[] {"ACTIVE", "DEFERRED", "Needs a later start", changedAt});
                    lastDay = when;
                } else if (roll < 19) {
                    status = "PAUSED";
                    pausedOn = today.minusDays(random.nextInt((int) Math.max(1, Math.min(60, ChronoUnit.DAYS.between(c.start(), today) + 1))));
                    changedAt = max(changedAt, at(pausedOn));
                    changes.add(new Object[] {"ACTIVE", "PAUSED", "Caring responsibilities", changedAt});
                    lastDay = pausedOn;
                } else if (end.isBefore(today) && random.nextInt(100) < 95) {
                    status = "COMPLETED";
                    LocalDate when = min(today, end.plusDays(random.nextInt(30)));
                    completedAt = max(changedAt, at(when).plusSeconds(3600));
                    changedAt = completedAt;
                    changes.add(new Object[] {"ACTIVE", "COMPLETED", null, completedAt});
                    lastDay = end;
                } else {
                    status = "ACTIVE"; // in progress, or past the end and so overdue
                    lastDay = today;
                }
            }
            if ("DEFERRED".equals(status) || ("WITHDRAWN".equals(status) && random.nextInt(100) < 30)) {
                Cohort later = laterCohort(options, c, used);
                if (later == null) {
                    if ("DEFERRED".equals(status)) { // nowhere to defer to: stays active
                        status = "ACTIVE";
                        changes.remove(changes.size() - 1);
                        changedAt = (Instant) changes.get(changes.size() - 1)[3];
                    }
                } else {
                    deferredTo = "DEFERRED".equals(status) ? later.id() : null;
                    used.add(later.id());
                    long next = enrolmentIds.next();
                    outcome(new Place(place.personId, later), next, options, enrolment, history, attendance, attendanceIds,
                            historyIds, enrolmentIds, done, used);
                }
            }
            LocalDate expectedEnd = c.end().plusDays(pausedDays);
            enrolment.row(id, place.personId, c.id(), status, enrolledAt, changedAt, expectedEnd, pausedOn, pausedDays,
                    withdrawnReason, deferredTo, completedAt, 0);
            for (Object[] change : changes) {
                history.row(historyIds.next(), id, change[0], change[1], change[2], actor, change[3]);
            }
            for (int s = 0; s < c.sessionIds().length; s++) {
                LocalDate day = c.dates()[s].toLocalDate();
                if (lastDay == null || day.isAfter(lastDay) || day.isAfter(today)) {
                    break;
                }
                int r = random.nextInt(100);
                String mark = r < 84 ? "PRESENT" : r < 90 ? "LATE" : r < 95 ? "APOLOGIES" : "ABSENT";
                Instant markedAt = c.dates()[s].plusHours(3).atZone(UK).toInstant();
                attendance.row(attendanceIds.next(), c.sessionIds()[s], id, mark, "generator", markedAt, 0);
                boolean read = "COMPLETED".equals(status) || random.nextInt(100) < 85;
                if (read) {
                    String key = c.course().code() + "|" + c.course().slugs()[s];
                    Instant readAt = markedAt.plus(Duration.ofHours(1 + random.nextInt(72)));
                    done.merge(key, new Instant[] {readAt}, (a, b) -> a[0].isBefore(b[0]) ? a : b);
                }
            }
        }

        private Cohort laterCohort(List<Cohort> options, Cohort after, java.util.Set<Long> used) {
            List<Cohort> later = options.stream().filter(o -> o.start().isAfter(after.start().plusWeeks(4))
                    && !used.contains(o.id())).toList();
            return later.isEmpty() ? null : later.get(random.nextInt(Math.min(later.size(), 8)));
        }

        private Instant at(LocalDate day) {
            return day.atTime(10, 0).atZone(UK).toInstant();
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        /** Finds the generated course by code (its newest version), or creates it published, with its sessions. */
        private Course course(CourseSpec spec) throws SQLException {
            try (PreparedStatement find = db.prepareStatement("select id from course where code = ? "
                    + "order by version_number desc limit 1")) {
                find.setString(1, spec.code());
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        long id = rs.getLong(1);
                        List<Long> ids = new ArrayList<>();
                        List<String> slugs = new ArrayList<>();
                        try (PreparedStatement sessions = db.prepareStatement("select id, slug from course_session "
                                + "where course_id = ? order by number")) {
                            sessions.setLong(1, id);
                            try (ResultSet s = sessions.executeQuery()) {
                                while (s.next()) {
                                    ids.add(s.getLong(1));
                                    slugs.add(s.getString(2));
                                }
                            }
                        }
                        return new Course(id, spec.code(), ids.stream().mapToLong(Long::longValue).toArray(),
                                slugs.toArray(String[]::new));
                    }
                }
            }
            Ids courseIds = ids("course_seq", 1);
            long id = courseIds.next();
            try (PreparedStatement insert = db.prepareStatement("insert into course (id, code, version_number, "
                    + "version_label, title, summary, completion_mode, agreement_draft, status, created_at, published_at, "
                    + "version) values (?, ?, 1, '1', ?, ?, 'MANUAL', false, 'PUBLISHED', ?, ?, 0)")) {
                insert.setLong(1, id);
                insert.setString(2, spec.code());
                insert.setString(3, spec.title());
                insert.setString(4, "Generated course for reporting tests and benchmarks.");
                insert.setObject(5, now.atOffset(java.time.ZoneOffset.UTC).minusYears(4));
                insert.setObject(6, now.atOffset(java.time.ZoneOffset.UTC).minusYears(4));
                insert.executeUpdate();
            }
            Ids sessionIds = ids("course_session_seq", spec.sessions().size());
            long[] ids = new long[spec.sessions().size()];
            String[] slugs = new String[ids.length];
            try (PreparedStatement insert = db.prepareStatement("insert into course_session (id, course_id, number, slug, "
                    + "title, aims, about_html, version) values (?, ?, ?, ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = sessionIds.next();
                    slugs[i] = "session-" + (i + 1);
                    insert.setLong(1, ids[i]);
                    insert.setLong(2, id);
                    insert.setInt(3, i + 1);
                    insert.setString(4, slugs[i]);
                    insert.setString(5, spec.sessions().get(i));
                    insert.setString(6, "Generated session.");
                    insert.setString(7, "<p>Generated session.</p>");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return new Course(id, spec.code(), ids, slugs);
        }

        /**
         * Reserves ids from a sequence the portal also draws from (in blocks of 50, as EclipseLink does): advances it
         * past the ids this run uses, keeping a block clear on each side.
         */
        private Ids ids(String sequence, long count) throws SQLException {
            long blocks = (count + 49) / 50 + 3;
            try (PreparedStatement next = db.prepareStatement("select min(v), max(v) from (select nextval('" + sequence
                    + "') as v from generate_series(1, ?)) s")) {
                next.setLong(1, blocks);
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    return new Ids(rs.getLong(1) + 50, rs.getLong(2) - 50);
                }
            }
        }

        private Table table(String name, String columns) throws IOException {
            Table table = new Table(name, columns, folder.resolve(name + ".csv"));
            tables.put(name, table);
            return table;
        }

        /** A table's rows, spooled to a CSV file, then sent with COPY in the order the tables were declared. */
        final class Table {
            final String name;
            final String columns;
            final Path file;
            final Writer out;
            long count;

            Table(String name, String columns, Path file) throws IOException {
                this.name = name;
                this.columns = columns;
                this.file = file;
                this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            }

            void row(Object... values) throws IOException {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    Object v = values[i];
                    if (v == null) {
                        continue;
                    }
                    String text = v instanceof Instant instant ? instant.toString() : v.toString();
                    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.isEmpty()) {
                        out.write('"');
                        out.write(text.replace("\"", "\"\""));
                        out.write('"');
                    } else {
                        out.write(text);
                    }
                }
                out.write('\n');
                count++;
            }

            long copy() throws IOException, SQLException {
                out.close();
                CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    copy.copyIn("copy " + name + " (" + columns + ") from stdin with (format csv)", in);
                } catch (SQLException e) {
                    throw new SQLException("could not copy " + name + ": " + e.getMessage(), e);
                }
                return count;
            }
        }
    }

    /** A reserved range of ids (the load benchmark reserves its own the same way). */
    public static final class Ids {
        private long next;
        private final long last;

        public Ids(long first, long last) {
            this.next = first;
            this.last = last;
        }

        public long next() {
            if (next > last) {
                throw new IllegalStateException("ran out of reserved ids");
            }
            return next++;
        }
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new UncheckedIOException(new IOException(message));
        }
    }
}
