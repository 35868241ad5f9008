package org.peersupport.portal.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import org.peersupport.portal.assessment.boundary.JudgementInput;
import org.peersupport.portal.assessment.boundary.ReviewDecisions;
import org.peersupport.portal.assessment.boundary.Safeguarding;
import org.peersupport.portal.assessment.boundary.Verification;
import org.peersupport.portal.candidate.boundary.Agreements;
import org.peersupport.portal.candidate.boundary.Allocations;
import org.peersupport.portal.candidate.boundary.Attendance;
import org.peersupport.portal.candidate.boundary.Cohorts;
import org.peersupport.portal.candidate.boundary.ConfidentialNotes;
import org.peersupport.portal.candidate.boundary.Enrolling;
import org.peersupport.portal.candidate.boundary.Enrolments;
import org.peersupport.portal.candidate.boundary.PlaceRequests;
import org.peersupport.portal.candidate.entity.AttendanceKind;
import org.peersupport.portal.candidate.entity.CohortDetails;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;
import org.peersupport.portal.course.boundary.CourseCatalog;
import org.peersupport.portal.course.control.CourseVersions;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.governance.boundary.SubjectAccessRequests;
import org.peersupport.portal.governance.entity.SubjectAccessRequest;
import org.peersupport.portal.notice.boundary.Notices;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.portfolio.boundary.EvidenceItems;
import org.peersupport.portal.portfolio.boundary.ItemEdit;
import org.peersupport.portal.portfolio.boundary.Portfolios;
import org.peersupport.portal.portfolio.boundary.Submissions;

/**
 * The demo's organisation with history, played once on an empty demo database through the same boundaries the
 * pages use, each step as the person who would take it ({@link DemoActor}) at the moment it would have happened
 * ({@link DemoClock}). So every audit entry, notice, status change, report row and certificate is the portal's own.
 *
 * <ul>
 * <li>Last year's Peer2Peer cohort: Leah, Ruth and Aisha (supervised by Grace), Ellen and Kofi (Tom) attend, read
 * every lesson, write the essay and the portfolio and are signed off; the sign-offs Helen's plan samples she
 * confirms, and each completes with a certificate. Ruth's essay is referred back once. Grace raises a safeguarding
 * concern about a piece of Leah's, which Nadia closes. Callum withdraws in week 3; Samuel pauses in week 6 and is
 * deferred to this year's cohort.</li>
 * <li>This year's "Peer2Peer demo cohort" (13 weeks in): Amara has submitted nothing, so a visitor can try the
 * candidate's path; Dylan's essay waits for Grace, who has raised an open concern about it; Priya's essay was
 * referred back by Tom and is resubmitted; Samuel, back after his deferral and supervised by Morgan, has his essay
 * signed off and picked by Helen, so it waits in Helen's samples, and his portfolio waits for Morgan; Callum asks for
 * a place, which waits for Sana (and Morgan, a coordinator too).</li>
 * </ul>
 *
 * <p>It runs in one transaction: it loads all of it or, if anything fails, nothing, and the next start tries again.
 * A restart finds last year's cohort and loads nothing. Test-scope code, in the demo WAR only ({@link DemoWar}); it
 * runs before {@code DemoCohortLoader}, which then finds this year's cohort made and does nothing.
 */
@Startup
@Singleton
@DependsOn("DemoSignIns")
public class DemoStory {

    static final String COURSE = "PEER2PEER";
    static final String CURRENT = "Peer2Peer demo cohort";
    static final String DECLARATION = "I confirm that the work I am submitting is my own.";
    static final ZoneId UK = UkTime.ZONE;

    private static final Logger LOG = Logger.getLogger(DemoStory.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    PortalConfig config;

    @Inject
    CourseVersions versions;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrolments enrolments;

    @Inject
    Enrolling enrolling;

    @Inject
    PlaceRequests placeRequests;

    @Inject
    Agreements agreements;

    @Inject
    Allocations allocations;

    @Inject
    Attendance attendance;

    @Inject
    ConfidentialNotes confidentialNotes;

    @Inject
    CourseCatalog catalog;

    @Inject
    Portfolios portfolios;

    @Inject
    EvidenceItems evidenceItems;

    @Inject
    Submissions submissions;

    @Inject
    ReviewDecisions reviewDecisions;

    @Inject
    Verification verification;

    @Inject
    Safeguarding safeguarding;

    @Inject
    Notices notices;

    @Inject
    SubjectAccessRequests subjectAccessRequests;

    private final Map<DemoCast, DemoActor> actors = new EnumMap<>(DemoCast.class);
    private LocalDate today;
    private long courseId;
    private Map<String, Long> tasks;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        if (!config.demo()) {
            return;
        }
        Course course = versions.latestPublished(COURSE).orElse(null);
        if (course == null) {
            LOG.warning("The demo story is not loaded: the demo course " + COURSE + " is not published");
            return;
        }
        if (cohortId(lastYearsName()) != null) {
            LOG.info("The demo story is loaded already");
            return;
        }
        if (cohortId(CURRENT) != null) {
            LOG.warning("The demo database was made before the demo story (or the story failed once): delete .demo-data/ "
                    + "and start the demo again to load it");
            return;
        }
        long started = System.nanoTime();
        try {
            for (DemoCast person : DemoCast.values()) {
                actors.put(person, InitialContext.doLookup("java:module/" + person.ejbName()));
            }
            courseId = course.getId();
            today = LocalDate.now(UK);
            tasks = tasks();
            play();
        } catch (Exception e) {
            context.setRollbackOnly();
            LOG.log(Level.SEVERE, "The demo story could not be loaded; nothing of it was kept", e);
            return;
        } finally {
            DemoClock.backToNow();
        }
        LOG.info(() -> "Demo story loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private void play() throws Exception {
        LocalDate lastStart = lastYearsStart();
        LocalDate currentStart = today.minusWeeks(13).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));

        // ---------------------------------------------------------------- last year's cohort
        at(lastStart.minusWeeks(4), 10);
        as(DemoCast.HELEN).run(() -> verification.savePlan(null, 2, 25, null));
        for (DemoCast supervisor : List.of(DemoCast.GRACE, DemoCast.TOM, DemoCast.MORGAN)) {
            as(DemoCast.SANA).run(() -> allocations.setCaseloadCap(supervisor.username(), supervisor == DemoCast.MORGAN ? 3 : 8));
        }
        long lastYear = as(DemoCast.SANA).call(() -> cohorts.create(courseId, new CohortDetails(lastYearsName(), lastStart,
                lastStart.plusWeeks(13), "Recovery College, Room 1", null, "Sana Iqbal, Morgan Price", 12, null),
                weekly(lastStart)));
        Map<DemoCast, Long> last = new LinkedHashMap<>();
        for (DemoCast person : List.of(DemoCast.LEAH, DemoCast.RUTH, DemoCast.AISHA, DemoCast.SAMUEL, DemoCast.ELLEN,
                DemoCast.KOFI, DemoCast.CALLUM)) {
            at(lastStart.minusWeeks(3), 11);
            last.put(person, as(DemoCast.SANA).call(() -> enrolling.enrol(lastYear, person.username())));
        }
        at(lastStart.minusDays(2), 9);
        for (Map.Entry<DemoCast, Long> place : last.entrySet()) {
            DemoCast supervisor = List.of(DemoCast.ELLEN, DemoCast.KOFI, DemoCast.CALLUM).contains(place.getKey())
                    ? DemoCast.TOM : DemoCast.GRACE;
            as(DemoCast.SANA).run(() -> enrolments.changeStatus(place.getValue(), EnrolmentStatus.ACTIVE, null,
                    version("enrolment", place.getValue())));
            as(DemoCast.SANA).run(() -> allocations.allocate(place.getValue(), supervisor.username(), "allocated at the start"));
        }
        List<DemoCast> completers = List.of(DemoCast.LEAH, DemoCast.RUTH, DemoCast.AISHA, DemoCast.ELLEN, DemoCast.KOFI);
        List<Long> lastSessions = sessions(lastYear);
        Map<DemoCast, Long> essays = new LinkedHashMap<>();
        for (int n = 1; n <= lastSessions.size(); n++) {
            int session = n;
            Map<Long, AttendanceKind> marks = new LinkedHashMap<>();
            last.forEach((person, enrolment) -> marks.put(enrolment, lastYearsMark(person, session)));
            if (session > 3) {
                marks.remove(last.get(DemoCast.CALLUM));
            }
            if (session > 6) {
                marks.remove(last.get(DemoCast.SAMUEL));
            }
            at(lastStart.plusWeeks(session - 1), 13);
            as(DemoCast.SANA).run(() -> attendance.markAll(lastSessions.get(session - 1), marks));
            if (session == 1) {
                at(lastStart, 14);
                for (DemoCast person : completers) {
                    as(person).run(() -> agreements.acceptAgreement(last.get(person)));
                }
            }
            at(lastStart.plusWeeks(session - 1), 20);
            for (DemoCast person : completers) {
                as(person).run(() -> catalog.markComplete(COURSE, session));
            }
            if (session <= 6) {
                as(DemoCast.SAMUEL).run(() -> catalog.markComplete(COURSE, session));
            }
            if (session == 3) {
                at(lastStart.plusWeeks(2).plusDays(2), 11);
                as(DemoCast.SANA).run(() -> enrolments.changeStatus(last.get(DemoCast.CALLUM), EnrolmentStatus.WITHDRAWN,
                        "Left the course: started a new post with evening shifts that clash with the sessions.",
                        version("enrolment", last.get(DemoCast.CALLUM))));
            }
            if (session == 6) {
                at(lastStart.plusWeeks(5).plusDays(3), 15);
                as(DemoCast.SANA).run(() -> enrolments.changeStatus(last.get(DemoCast.SAMUEL), EnrolmentStatus.PAUSED,
                        "Paused at Samuel's request while he takes some time away from work.",
                        version("enrolment", last.get(DemoCast.SAMUEL))));
                for (DemoCast person : completers) {
                    at(lastStart.plusWeeks(6).plusDays(2), 18 + completers.indexOf(person) % 3);
                    essays.put(person, submit(person, last.get(person), "ESSAY", "My recovery story",
                            DemoTexts.essay(person), null));
                }
            }
            if (session == 8) {
                for (DemoCast person : completers) {
                    at(lastStart.plusWeeks(7).plusDays(1), 10 + completers.indexOf(person));
                    DemoCast supervisor = person == DemoCast.ELLEN || person == DemoCast.KOFI ? DemoCast.TOM : DemoCast.GRACE;
                    if (person == DemoCast.RUTH) {
                        referBack(supervisor, essays.get(person), Set.of("RC.2.2"), DemoTexts.referral(person));
                    } else {
                        signOff(supervisor, essays.get(person), DemoTexts.signOffFeedback(person));
                    }
                    if (person == DemoCast.LEAH) {
                        at(lastStart.plusWeeks(7).plusDays(1), 16);
                        long concern = as(DemoCast.GRACE).call(() -> safeguarding.raise(essays.get(DemoCast.LEAH),
                                DemoTexts.LEAH_CONCERN));
                        at(lastStart.plusWeeks(7).plusDays(3), 12);
                        as(DemoCast.NADIA).run(() -> safeguarding.close(concern, DemoTexts.LEAH_OUTCOME,
                                version("safeguarding_concern", concern)));
                    }
                }
                at(lastStart.plusWeeks(8).plusDays(1), 19);
                long again = submit(DemoCast.RUTH, last.get(DemoCast.RUTH), "ESSAY", "My recovery story",
                        DemoTexts.essay(DemoCast.RUTH) + DemoTexts.RUTH_REVISION, existingItem(essays.get(DemoCast.RUTH)));
                at(lastStart.plusWeeks(8).plusDays(3), 14);
                signOff(DemoCast.GRACE, again, "Thank you for the new section: it now shows clearly how peer support "
                        + "and the recovery approach connect in your own story.");
            }
        }
        at(lastStart.plusWeeks(11).plusDays(2), 17);
        Map<DemoCast, Long> portfolioSubmissions = new LinkedHashMap<>();
        for (DemoCast person : completers) {
            portfolioSubmissions.put(person, submit(person, last.get(person), "PORTFOLIO", "Portfolio: my practice as a "
                    + "peer supporter", DemoTexts.portfolio(person), null));
        }
        at(lastStart.plusWeeks(12).plusDays(1), 10);
        for (DemoCast person : completers) {
            DemoCast supervisor = person == DemoCast.ELLEN || person == DemoCast.KOFI ? DemoCast.TOM : DemoCast.GRACE;
            signOff(supervisor, portfolioSubmissions.get(person), DemoTexts.portfolioFeedback(person));
        }
        at(lastStart.plusWeeks(12).plusDays(4), 11);
        confirmWhatWasSampled();
        at(lastStart.plusWeeks(13), 9);
        for (DemoCast person : List.of(DemoCast.SANA, DemoCast.GRACE, DemoCast.TOM, DemoCast.HELEN, DemoCast.NADIA,
                DemoCast.LEAH, DemoCast.RUTH, DemoCast.AISHA, DemoCast.ELLEN, DemoCast.KOFI)) {
            readNotices(person);
        }

        // ---------------------------------------------------------------- this year's cohort
        at(currentStart.minusWeeks(16), 10);
        long current = as(DemoCast.SANA).call(() -> cohorts.create(courseId, new CohortDetails(CURRENT, currentStart,
                today.plusWeeks(8), "Recovery College, Room 2", null, "Sana Iqbal, Morgan Price", 12, null),
                weekly(currentStart)));
        at(lastStart.plusWeeks(12).plusDays(5), 10);
        long samuel = as(DemoCast.SANA).call(() -> enrolments.defer(last.get(DemoCast.SAMUEL), current,
                "Samuel would like to finish the course with the next cohort.", version("enrolment", last.get(DemoCast.SAMUEL))));
        Map<DemoCast, Long> now = new LinkedHashMap<>();
        Map<String, DemoCast> supervisors = Map.of("amara.okafor", DemoCast.GRACE, "dylan.hughes", DemoCast.GRACE,
                "priya.raman", DemoCast.TOM, "samuel.osei", DemoCast.MORGAN);
        at(currentStart.minusWeeks(3), 11);
        long amara = as(DemoCast.SANA).call(() -> enrolling.enrol(current, "amara.okafor"));
        now.put(DemoCast.DYLAN, as(DemoCast.SANA).call(() -> enrolling.enrol(current, DemoCast.DYLAN.username())));
        now.put(DemoCast.PRIYA, as(DemoCast.SANA).call(() -> enrolling.enrol(current, DemoCast.PRIYA.username())));
        now.put(DemoCast.SAMUEL, samuel);
        at(currentStart.minusDays(2), 9);
        Map<Long, String> everyone = new LinkedHashMap<>();
        everyone.put(amara, "amara.okafor");
        now.forEach((person, enrolment) -> everyone.put(enrolment, person.username()));
        for (Map.Entry<Long, String> place : everyone.entrySet()) {
            DemoCast supervisor = supervisors.getOrDefault(place.getValue(), DemoCast.GRACE);
            as(DemoCast.SANA).run(() -> enrolments.changeStatus(place.getKey(), EnrolmentStatus.ACTIVE, null,
                    version("enrolment", place.getKey())));
            as(DemoCast.SANA).run(() -> allocations.allocate(place.getKey(), supervisor.username(), "allocated at the start"));
        }
        at(currentStart.minusDays(1), 12);
        as(DemoCast.HELEN).run(() -> verification.pick(samuel));
        List<Long> currentSessions = sessions(current);
        for (int n = 1; n <= currentSessions.size(); n++) {
            int session = n;
            Map<Long, AttendanceKind> marks = new LinkedHashMap<>();
            everyone.forEach((enrolment, username) -> marks.put(enrolment, thisYearsMark(username, session)));
            at(currentStart.plusWeeks(session - 1), 13);
            as(DemoCast.SANA).run(() -> attendance.markAll(currentSessions.get(session - 1), marks));
            if (session == 1) {
                at(currentStart, 14);
                for (DemoCast person : List.of(DemoCast.DYLAN, DemoCast.PRIYA, DemoCast.SAMUEL)) {
                    as(person).run(() -> agreements.acceptAgreement(now.get(person)));
                }
            }
            at(currentStart.plusWeeks(session - 1), 20);
            if (session <= 8) {
                as(DemoCast.DYLAN).run(() -> catalog.markComplete(COURSE, session));
            }
            if (session <= 7) {
                as(DemoCast.PRIYA).run(() -> catalog.markComplete(COURSE, session));
            }
            if (session > 6) {
                as(DemoCast.SAMUEL).run(() -> catalog.markComplete(COURSE, session));
            }
        }
        at(today.minusDays(24), 19);
        long priyasFirst = submit(DemoCast.PRIYA, now.get(DemoCast.PRIYA), "ESSAY", "My recovery story",
                DemoTexts.essay(DemoCast.PRIYA), null);
        at(today.minusDays(20), 10);
        referBack(DemoCast.TOM, priyasFirst, Set.of("RC.1.2", "RC.2.2"), DemoTexts.referral(DemoCast.PRIYA));
        at(today.minusDays(20), 11);
        as(DemoCast.TOM).run(() -> confidentialNotes.addNote(now.get(DemoCast.PRIYA), "Talked the feedback through with Priya after "
                + "the session; she is confident about the changes and plans to resubmit within three weeks."));
        at(today.minusDays(15), 18);
        long samuelsEssay = submit(DemoCast.SAMUEL, samuel, "ESSAY", "My recovery story", DemoTexts.essay(DemoCast.SAMUEL),
                null);
        at(today.minusDays(11), 14);
        signOff(DemoCast.MORGAN, samuelsEssay, DemoTexts.signOffFeedback(DemoCast.SAMUEL));
        at(today.minusDays(4), 20);
        submit(DemoCast.PRIYA, now.get(DemoCast.PRIYA), "ESSAY", "My recovery story", DemoTexts.essay(DemoCast.PRIYA)
                + DemoTexts.PRIYA_REVISION, existingItem(priyasFirst));
        at(today.minusDays(3), 9);
        as(DemoCast.CALLUM).run(() -> placeRequests.requestPlace(current, "I had to leave last year's course when my shifts "
                + "changed. My hours are settled now and I would like to start again."));
        at(today.minusDays(2), 21);
        long dylansEssay = submit(DemoCast.DYLAN, now.get(DemoCast.DYLAN), "ESSAY", "My recovery story",
                DemoTexts.essay(DemoCast.DYLAN), null);
        at(today.minusDays(1), 9);
        as(DemoCast.GRACE).call(() -> safeguarding.raise(dylansEssay, DemoTexts.DYLAN_CONCERN));
        at(today.minusDays(1), 18);
        submit(DemoCast.SAMUEL, samuel, "PORTFOLIO", "Portfolio: my practice as a peer supporter",
                DemoTexts.portfolio(DemoCast.SAMUEL), null);

        // ---------------------------------------------------------------- information governance
        // Leah, whose place ended last year, emailed the data protection officer three weeks ago for all her data;
        // Iris recorded the request: due in about a week, with the closed safeguarding concern about Leah to decide
        at(today.minusDays(22), 10);
        long leah = ((Number) em.createNativeQuery("select id from person where username = ?")
                .setParameter(1, DemoCast.LEAH.username()).getSingleResult()).longValue();
        as(DemoCast.IRIS).call(() -> subjectAccessRequests.record(leah, today.minusDays(22),
                SubjectAccessRequest.Channel.EMAIL, "Email of " + UkTime.DATE.format(today.minusDays(22))));
    }

    // ---------------------------------------------------------------- the steps

    /**
     * Writes (or, for a later attempt, rewrites) a piece mapped to every requirement of the task and submits it;
     * returns the submission's id.
     */
    private long submit(DemoCast person, long enrolmentId, String task, String title, String bodyHtml, Long item)
            throws Exception {
        long taskId = tasks.get(task);
        readNotices(person);
        long itemId = item != null ? item : as(person).call(() -> evidenceItems.createWritten(enrolmentId, title));
        long itemVersion = as(person).call(() -> portfolios.itemPage(itemId).item()).version();
        as(person).call(() -> evidenceItems.save(itemId, new ItemEdit(title, false, requirements(taskId).keySet(), bodyHtml,
                null, null, null), itemVersion));
        return as(person).call(() -> submissions.submit(enrolmentId, taskId, List.of(itemId), true, DECLARATION,
                UUID.randomUUID().toString())).submissionId();
    }

    private void referBack(DemoCast supervisor, long submissionId, Set<String> notYet, String feedback) throws Exception {
        readNotices(supervisor);
        List<JudgementInput> judged = judge(submissionId, notYet);
        as(supervisor).call(() -> reviewDecisions.referBack(submissionId, judged, feedback, version("submission", submissionId)));
    }

    private void signOff(DemoCast supervisor, long submissionId, String feedback) throws Exception {
        readNotices(supervisor);
        List<JudgementInput> judged = judge(submissionId, Set.of());
        as(supervisor).call(() -> reviewDecisions.signOff(submissionId, judged, feedback, true,
                DemoCast.PASSWORD.toCharArray(), version("submission", submissionId)));
    }

    /** The person opens their notices and marks them all read, as they would before acting on them. */
    private void readNotices(DemoCast person) throws Exception {
        as(person).call(() -> notices.markAllRead());
    }

    /** Helen confirms every sign-off sampled to her that waits for her. */
    private void confirmWhatWasSampled() throws Exception {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = em.createNativeQuery("select d.id, d.submission_id from assessment_decision d "
                + "where d.kind = 'SIGN_OFF' and d.sample_reason is not null and not exists (select 1 from "
                + "assessment_decision later where later.submission_id = d.submission_id and later.position > d.position) "
                + "order by d.decided_at").getResultList();
        readNotices(DemoCast.HELEN);
        for (Object[] row : waiting) {
            long decision = ((Number) row[0]).longValue();
            long submission = ((Number) row[1]).longValue();
            as(DemoCast.HELEN).call(() -> verification.confirm(decision, "Judgements are well evidenced and the feedback "
                    + "is specific. Confirmed.", version("submission", submission)));
        }
    }

    private static AttendanceKind lastYearsMark(DemoCast person, int session) {
        if (person == DemoCast.CALLUM && session == 3) {
            return AttendanceKind.ABSENT;
        }
        if (session == 2 + person.ordinal() % 9) {
            return AttendanceKind.APOLOGIES;
        }
        return session == 5 + person.ordinal() % 5 ? AttendanceKind.LATE : AttendanceKind.PRESENT;
    }

    private static AttendanceKind thisYearsMark(String username, int session) {
        if (username.equals("dylan.hughes") && session == 4) {
            return AttendanceKind.APOLOGIES;
        }
        if (username.equals("priya.raman") && (session == 9 || session == 10)) {
            return session == 9 ? AttendanceKind.ABSENT : AttendanceKind.LATE;
        }
        return username.equals("amara.okafor") && session == 7 ? AttendanceKind.APOLOGIES : AttendanceKind.PRESENT;
    }

    // ---------------------------------------------------------------- reading what the steps made

    private DemoActor as(DemoCast person) {
        return actors.get(person);
    }

    /** Moves the portal's clock to {@code hour} o'clock UK time on {@code day}. */
    private static void at(LocalDate day, int hour) {
        DemoClock.travelTo(day.atTime(hour, 0).atZone(UK).toInstant());
    }

    /** Eleven weekly sessions at 10:00 from {@code start}. */
    private static List<LocalDateTime> weekly(LocalDate start) {
        List<LocalDateTime> schedule = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            schedule.add(LocalDateTime.of(start.plusWeeks(i), LocalTime.of(10, 0)));
        }
        return schedule;
    }

    /** Last year's cohort started on the Tuesday of this week a year ago. */
    static LocalDate lastYearsStart() {
        return LocalDate.now(UK).minusWeeks(52).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
    }

    static String lastYearsName() {
        return "Peer2Peer " + lastYearsStart().format(UkTime.MONTH) + " cohort";
    }

    /** Whether the story has been played on this database already. */
    static boolean loaded(EntityManager em) {
        return cohortId(em, lastYearsName()) != null;
    }

    private Long cohortId(String name) {
        return cohortId(em, name);
    }

    private static Long cohortId(EntityManager em, String name) {
        return em.createQuery("select c.id from Cohort c where c.name = :name and c.course.code = :code", Long.class)
                .setParameter("name", name).setParameter("code", COURSE).getResultStream().findFirst().orElse(null);
    }

    private List<Long> sessions(long cohortId) {
        return em.createQuery("select s.id from CohortSession s where s.cohort.id = :id order by s.number", Long.class)
                .setParameter("id", cohortId).getResultList();
    }

    private Map<String, Long> tasks() {
        Map<String, Long> found = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select id, code from assessment_task where course_id = ?")
                .setParameter(1, courseId).getResultList()) {
            Object[] cells = (Object[]) row;
            found.put((String) cells[1], ((Number) cells[0]).longValue());
        }
        return found;
    }

    /** The task's evidence requirements, id to code, in code order. */
    private Map<Long, String> requirements(long taskId) {
        Map<Long, String> found = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("select r.id, r.code from evidence_requirement r join assessment_task_outcome t "
                + "on t.outcome_id = r.outcome_id where t.task_id = ? order by r.code").setParameter(1, taskId).getResultList()) {
            Object[] cells = (Object[]) row;
            found.put(((Number) cells[0]).longValue(), (String) cells[1]);
        }
        return found;
    }

    /** Every requirement of the submission's task met, except those named, which get a line of feedback. */
    private List<JudgementInput> judge(long submissionId, Set<String> notYet) {
        long taskId = ((Number) em.createNativeQuery("select task_id from submission where id = ?")
                .setParameter(1, submissionId).getSingleResult()).longValue();
        Set<String> missing = new LinkedHashSet<>(notYet);
        List<JudgementInput> judged = new ArrayList<>();
        requirements(taskId).forEach((id, code) -> judged.add(missing.remove(code)
                ? new JudgementInput(id, false, DemoTexts.notYetMet(code))
                : new JudgementInput(id, true, null)));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The course has no requirements " + missing);
        }
        return judged;
    }

    private Long existingItem(long submissionId) {
        return ((Number) em.createNativeQuery("select source_item_id from submission_item where submission_id = ?")
                .setParameter(1, submissionId).getSingleResult()).longValue();
    }

    private long version(String table, long id) {
        em.flush();
        if (!Set.of("enrolment", "submission", "safeguarding_concern").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return ((Number) em.createNativeQuery("select version from " + table + " where id = ?").setParameter(1, id)
                .getSingleResult()).longValue();
    }
}
