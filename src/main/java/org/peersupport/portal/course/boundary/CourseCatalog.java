package org.peersupport.portal.course.boundary;

import org.peersupport.portal.course.control.UsefulResource;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.control.ContentWarning;
import org.peersupport.portal.course.control.CourseVersions;
import org.peersupport.portal.course.control.GlossaryLinker;
import org.peersupport.portal.course.control.LessonCompleted;
import org.peersupport.portal.course.control.ReadingAccess;
import org.peersupport.portal.course.control.SignpostContact;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseParticipation;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.course.entity.GlossaryTerm;
import org.peersupport.portal.course.entity.LessonProgress;
import org.peersupport.portal.course.entity.SessionExerciseFile;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Reading courses. Supervisors, verifiers, coordinators, HR and safeguarding leads read published courses; a person who is only a
 * candidate reads a course while enrolled on one of its cohorts, and each lesson from its session's date in their
 * cohort's schedule (or once the coordinator opened it early), as the candidate feature decides through
 * {@link ReadingAccess}. Each person is pinned to the version
 * they first opened, so their course stays consistent while coordinators publish the next one, and their
 * progress (kept by session slug) carries over when they switch. Drafts are seen by coordinators only, through
 * {@link #previewLesson}.
 */
@Stateless
@DenyAll
public class CourseCatalog {

    /** The glossary page that lesson bodies link terms to, relative to the lesson page. */
    public static final String GLOSSARY_PAGE = "glossary.xhtml";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Callers callers;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    CourseVersions versions;

    @Inject
    ChunkStore chunks;

    @Inject
    ReadingAccess lessonAccess;

    @Inject
    LessonCache lessons;

    /** A completed lesson may complete the candidate's enrolment: the assessment feature's rules observe this. */
    @Inject
    Event<LessonCompleted> lessonCompleted;

    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public List<CourseSummary> publishedCourses() {
        List<Object[]> rows = em.createQuery("select c, size(c.sessions) from Course c where c.status = :status "
                + "order by c.title, c.code", Object[].class).setParameter("status", CourseStatus.PUBLISHED).getResultList();
        return rows.stream().map(row -> {
            Course c = (Course) row[0];
            return new CourseSummary(c.getId(), c.getCode(), c.getTitle(), c.getSummary(), c.getVersionNumber(),
                    c.getVersionLabel(), c.getAwardName(), c.getAwardScqfLevel(), c.getAwardCredits(),
                    ((Number) row[1]).intValue());
        }).toList();
    }

    /** The course as the caller reads it; pins them to the latest published version the first time. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public CourseOverview overview(String courseCode) {
        Person me = me();
        requireCourseAccess(me, courseCode);
        Course course = withSessions(participation(me, courseCode).getCourse().getId());
        Set<String> done = completedSlugs(me, course.getCode());
        List<SessionSummary> sessions = course.getSessions().stream().map(s -> new SessionSummary(s.getNumber(),
                s.getSlug(), s.getTitle(), s.hasContentWarning(), done.contains(s.getSlug()))).toList();
        int completed = (int) sessions.stream().filter(SessionSummary::completed).count();
        int percent = sessions.isEmpty() ? 0 : completed * 100 / sessions.size();
        Optional<Course> latest = versions.latestPublished(course.getCode());
        return new CourseOverview(course.getId(), course.getCode(), course.getTitle(), course.getSummary(),
                course.getVersionNumber(), course.getVersionLabel(), course.getStatus(), course.getAwardName(),
                course.getAwardScqfLevel(), course.getAwardCredits(), course.getCompletionMode(), course.getAgreementHtml(),
                course.isAgreementDraft(), sessions, completed, percent,
                latest.map(l -> l.getVersionNumber() > course.getVersionNumber()).orElse(false),
                latest.map(Course::getVersionNumber).orElse(null));
    }

    /** A session of the caller's version of the course; opening it completes it when the course completes on view. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public Lesson lesson(String courseCode, int sessionNumber) {
        return read(courseCode, sessionNumber).lesson();
    }

    /**
     * {@link #lesson}, with the caller's unread notices when the statement that let them read it counted them (the
     * usual request), so that the lesson page sends one statement ({@link KeptLessonPages}). The usual request records
     * nothing and runs without a transaction (issue 18: the transaction was 6 % of a lesson page's time); a read that
     * records something (the caller's first visit pins their version, opening an unread lesson completes it when the
     * course completes on view) goes to {@link #readAndRecord}, which does it in one.
     */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public LessonRead read(String courseCode, int sessionNumber) {
        long myId = callers.id(session.getCallerPrincipal()).orElseThrow(Callers::unknown);
        Optional<KeptRead> kept = kept(myId, courseCode, sessionNumber);
        if (kept.isPresent() && !kept.get().completesOnOpening()) {
            // the usual request: pinned, open, its lesson built before, nothing to record: one statement
            return kept.get().asRead();
        }
        return session.getBusinessObject(CourseCatalog.class).readAndRecord(courseCode, sessionNumber);
    }

    /** {@link #read} in a transaction, recording what the reading changes: the version pinned, the lesson completed. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public LessonRead readAndRecord(String courseCode, int sessionNumber) {
        Principal caller = session.getCallerPrincipal();
        long myId = callers.id(caller).orElseThrow(Callers::unknown);
        Optional<KeptRead> kept = kept(myId, courseCode, sessionNumber);
        if (kept.isPresent()) {
            Lesson lesson = kept.get().lesson();
            if (kept.get().completesOnOpening()) {
                complete(myId, caller.getName(), lesson.sessionId(), courseCode, lesson.number(), lesson.slug());
            }
            return kept.get().asRead();
        }
        Person me = me();
        requireCourseAccess(me, courseCode);
        Course course = participation(me, courseCode).getCourse();
        Lesson lesson = lessons.lesson(course, sessionNumber, () -> lesson(session(course, sessionNumber), false, false));
        if (readsAsCandidateOnly()) {
            lessonAccess.requireOpen(me.getId(), courseCode, lesson.slug());
        }
        boolean completed = progress(me, courseCode, lesson.slug()).isPresent();
        if (!completed && course.getCompletionMode() == CompletionMode.ON_VIEW) {
            complete(me.getId(), me.getUsername(), lesson.sessionId(), courseCode, lesson.number(), lesson.slug());
            completed = true;
        }
        return new LessonRead(lesson.asSeenBy(completed), OptionalLong.empty());
    }

    /**
     * The caller's lesson from the lessons built before, when the reading's one statement finds them pinned to a
     * version and the session open to them; empty on their first visit, for a session that is not open and for a lesson
     * not built yet on this node.
     */
    private Optional<KeptRead> kept(long myId, String courseCode, int sessionNumber) {
        return lessonAccess.reading(myId, courseCode, sessionNumber, readsAsCandidateOnly())
                .filter(r -> r.slug() != null && r.open())
                .flatMap(r -> Optional.ofNullable(lessons.kept(r.courseId(), sessionNumber))
                        .map(lesson -> new KeptRead(lesson, r)));
    }

    private record KeptRead(Lesson lesson, ReadingAccess.LessonReading reading) {

        /** Opening it is what completes it: the course completes lessons on view and the caller has not read it. */
        boolean completesOnOpening() {
            return !reading.completed() && lesson.completionMode() == CompletionMode.ON_VIEW;
        }

        /** The lesson as its reader sees it, completed if they had or once opening it completed it. */
        LessonRead asRead() {
            return new LessonRead(lesson.asSeenBy(reading.completed() || completesOnOpening()),
                    OptionalLong.of(reading.unreadNotices()));
        }
    }

    /** A lesson as {@link #read} found it, and its reader's unread notices when they were counted with it. */
    public record LessonRead(Lesson lesson, OptionalLong unreadNotices) {
    }

    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public void markComplete(String courseCode, int sessionNumber) {
        Person me = me();
        requireCourseAccess(me, courseCode);
        CourseSession s = session(participation(me, courseCode).getCourse(), sessionNumber);
        requireSessionAccess(me, s);
        if (progress(me, courseCode, s.getSlug()).isEmpty()) {
            complete(me.getId(), me.getUsername(), s.getId(), courseCode, s.getNumber(), s.getSlug());
        }
    }

    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public void markIncomplete(String courseCode, int sessionNumber) {
        Person me = me();
        requireCourseAccess(me, courseCode);
        CourseSession s = session(participation(me, courseCode).getCourse(), sessionNumber);
        requireSessionAccess(me, s);
        progress(me, courseCode, s.getSlug()).ifPresent(p -> {
            em.remove(p);
            audit.fire(AuditEvent.by(me.getUsername(), "LESSON_MARKED_INCOMPLETE", "CourseSession", s.getId(),
                    s.getCourse().getCode() + " session " + s.getNumber() + " (" + s.getSlug() + ")"));
        });
    }

    /** Moves the caller to the latest published version; what they completed carries over by session. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public void switchToLatestVersion(String courseCode) {
        Person me = me();
        requireCourseAccess(me, courseCode);
        CourseParticipation participation = participation(me, courseCode);
        Course latest = versions.latestPublished(courseCode).orElseThrow(() -> notPublished(courseCode));
        Course pinned = participation.getCourse();
        if (latest.getId().equals(pinned.getId())) {
            return;
        }
        participation.switchTo(latest, now());
        audit.fire(AuditEvent.by(me.getUsername(), "COURSE_VERSION_SWITCHED", "Course", latest.getId(),
                courseCode + " version " + pinned.getVersionNumber() + " to " + latest.getVersionNumber()));
    }

    /** The "Useful Resources" of the caller's version of a course, in order. */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public List<UsefulResource> usefulResources(String courseCode) {
        Person me = me();
        requireCourseAccess(me, courseCode);
        Course course = participation(me, courseCode).getCourse();
        return course.getResources().stream().map(r -> new UsefulResource(r.getTitle(), r.getUrl(), r.getDescription()))
                .toList();
    }

    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public List<GlossaryEntryView> glossary(String courseCode) {
        Person me = me();
        requireCourseAccess(me, courseCode);
        Course course = participation(me, courseCode).getCourse();
        return glossaryTerms(course.getId()).stream().map(g -> new GlossaryEntryView(g.getTerm(), g.getAnchor(),
                g.getDefinitionHtml(), g.isRestored(), g.getNote())).toList();
    }

    /**
     * An exercise file to download: of a published version, of an archived version the caller is pinned to, or
     * of any version for a coordinator. Anything else is "not found", so drafts are not revealed.
     */
    @RolesAllowed({Role.Names.CANDIDATE, Role.Names.SUPERVISOR, Role.Names.VERIFIER, Role.Names.COORDINATOR, Role.Names.HR,
            Role.Names.SAFEGUARDING})
    public ExerciseFileDownload exerciseFile(long fileId) {
        SessionExerciseFile file = em.createNamedQuery(SessionExerciseFile.WITH_COURSE, SessionExerciseFile.class)
                .setParameter("id", fileId).getResultStream().findFirst().orElseThrow(CourseCatalog::fileNotFound);
        Course course = file.getSession().getCourse();
        boolean readable = course.isPublished() || session.isCallerInRole(Role.Names.COORDINATOR)
                || (course.getStatus() == CourseStatus.ARCHIVED && pinnedTo(course));
        if (!readable) {
            throw fileNotFound();
        }
        if (readsAsCandidateOnly()) {
            try {
                lessonAccess.requireOpen(me().getId(), course.getCode(), file.getSession().getSlug());
            } catch (BusinessException notOpen) {
                throw fileNotFound();
            }
        }
        StoredFile stored = file.getStoredFile();
        long storedId = stored.getId();
        ChunkStore store = chunks;
        return new ExerciseFileDownload(file.getId(), file.getFileName(), file.getTitle(), stored.getMediaType(),
                stored.getSize(), stored.getSha256(), out -> store.copyTo(storedId, out));
    }

    /** A coordinator's view of a session of any version, draft included; completes nothing. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public Lesson previewLesson(long courseId, int sessionNumber) {
        Course course = em.find(Course.class, courseId);
        if (course == null) {
            throw new BusinessException("course.notFound", "That course is not available.");
        }
        return lesson(session(course, sessionNumber), false, true);
    }

    // ---------------------------------------------------------------- helpers

    /** A caller who holds no staff role but candidate reads only what their enrolments open to them. */
    private boolean readsAsCandidateOnly() {
        return session.isCallerInRole(Role.Names.CANDIDATE) && !session.isCallerInRole(Role.Names.SUPERVISOR)
                && !session.isCallerInRole(Role.Names.VERIFIER) && !session.isCallerInRole(Role.Names.COORDINATOR)
                && !session.isCallerInRole(Role.Names.HR) && !session.isCallerInRole(Role.Names.SAFEGUARDING);
    }

    private void requireCourseAccess(Person me, String courseCode) {
        if (readsAsCandidateOnly()) {
            lessonAccess.requireEnrolled(me.getId(), courseCode);
        }
    }

    private void requireSessionAccess(Person me, CourseSession s) {
        if (readsAsCandidateOnly()) {
            lessonAccess.requireOpen(me.getId(), s.getCourse().getCode(), s.getSlug());
        }
    }

    private Lesson lesson(CourseSession s, boolean completed, boolean preview) {
        Course course = s.getCourse();
        int count = em.createNamedQuery(CourseSession.COUNT_IN_COURSE, Long.class).setParameter("courseId", course.getId())
                .getSingleResult().intValue();
        List<GlossaryLinker.Term> terms = glossaryTerms(course.getId()).stream()
                .map(g -> new GlossaryLinker.Term(g.getTerm(), g.getAnchor())).toList();
        String glossaryHref = GLOSSARY_PAGE + "?course=" + URLEncoder.encode(course.getCode(), StandardCharsets.UTF_8);
        ContentWarning warning = !s.hasContentWarning() ? null : new ContentWarning(s.getWarningTopics(),
                s.getWarningNote(), s.getSignposting().stream().map(c -> new SignpostContact(c.getName(), c.getPhone(),
                        c.getTextNumber(), c.getUrl(), c.getDescription())).toList());
        List<ExerciseFileView> files = s.getExerciseFiles().stream().map(f -> new ExerciseFileView(f.getId(),
                f.getTitle(), f.getDescription(), f.getFileName(), f.getStoredFile().getMediaType(),
                f.getStoredFile().getSize())).toList();
        return new Lesson(course.getId(), course.getCode(), course.getTitle(), course.getVersionNumber(), s.getId(), s.getNumber(),
                s.getSlug(), s.getTitle(), s.getAims(), GlossaryLinker.link(s.getAboutHtml(), terms, glossaryHref), files,
                warning, s.getNumber() > 1 ? s.getNumber() - 1 : null, s.getNumber() < count ? s.getNumber() + 1 : null,
                count, completed, course.getCompletionMode(), preview);
    }

    /**
     * Records a completed session once, even when two requests race (a double click, two tabs): the insert skips
     * a row that is already there, and only the request that wrote the row writes the audit line.
     */
    private void complete(long personId, String username, long sessionId, String courseCode, int number, String slug) {
        int inserted = em.createNativeQuery("insert into lesson_progress (id, person_id, course_code, session_slug, completed_at) "
                + "values (nextval('lesson_progress_seq'), ?, ?, ?, ?) on conflict on constraint lesson_progress_unique do nothing")
                .setParameter(1, personId).setParameter(2, courseCode).setParameter(3, slug)
                .setParameter(4, java.time.OffsetDateTime.ofInstant(now(), java.time.ZoneOffset.UTC)).executeUpdate();
        if (inserted == 0) {
            return;
        }
        audit.fire(AuditEvent.by(username, "LESSON_COMPLETED", "CourseSession", sessionId,
                courseCode + " session " + number + " (" + slug + ")"));
        lessonCompleted.fire(new LessonCompleted(personId, courseCode));
    }

    private Optional<LessonProgress> progress(Person me, String courseCode, String slug) {
        return em.createNamedQuery(LessonProgress.FOR_SESSION, LessonProgress.class).setParameter("personId", me.getId())
                .setParameter("courseCode", courseCode).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    private Set<String> completedSlugs(Person me, String courseCode) {
        return new HashSet<>(em.createNamedQuery(LessonProgress.COMPLETED_SLUGS, String.class)
                .setParameter("personId", me.getId()).setParameter("courseCode", courseCode).getResultList());
    }

    /** The caller's participation in the course, pinning them to the latest published version the first time. */
    private CourseParticipation participation(Person me, String courseCode) {
        Optional<CourseParticipation> existing = em.createNamedQuery(CourseParticipation.OF_PERSON,
                CourseParticipation.class).setParameter("personId", me.getId()).setParameter("courseCode", courseCode)
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Course latest = versions.latestPublished(courseCode).orElseThrow(() -> notPublished(courseCode));
        CourseParticipation participation = new CourseParticipation(me.getId(), latest, now());
        em.persist(participation);
        audit.fire(AuditEvent.by(me.getUsername(), "COURSE_STARTED", "Course", latest.getId(),
                courseCode + " version " + latest.getVersionNumber()));
        return participation;
    }

    private boolean pinnedTo(Course course) {
        Principal caller = session.getCallerPrincipal();
        Optional<Person> me = callers.person(caller);
        return me.isPresent() && em.createNamedQuery(CourseParticipation.PINNED_TO, Long.class)
                .setParameter("personId", me.get().getId()).setParameter("courseId", course.getId()).getSingleResult() > 0;
    }

    private Course withSessions(long courseId) {
        return em.createNamedQuery(Course.WITH_SESSIONS, Course.class).setParameter("id", courseId).getResultList().get(0);
    }

    private CourseSession session(Course course, int number) {
        return em.createNamedQuery(CourseSession.BY_COURSE_AND_NUMBER, CourseSession.class)
                .setParameter("courseId", course.getId()).setParameter("number", number).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("course.version.session.notFound", "Version " + course.getVersionNumber()
                        + " of " + course.getTitle() + " has no session " + number + ".",
                        course.getVersionNumber(), course.getTitle(), number));
    }

    private List<GlossaryTerm> glossaryTerms(long courseId) {
        return em.createNamedQuery(GlossaryTerm.OF_COURSE, GlossaryTerm.class).setParameter("courseId", courseId)
                .getResultList();
    }

    private Person me() {
        return callers.require(session.getCallerPrincipal());
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static BusinessException notPublished(String courseCode) {
        return new BusinessException("course.notPublished", "There is no published course with the code " + courseCode + ".",
                courseCode);
    }

    private static BusinessException fileNotFound() {
        return new BusinessException("course.file.notFound", "That file is not available.");
    }
}
