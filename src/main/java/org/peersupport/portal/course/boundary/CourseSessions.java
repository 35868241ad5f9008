package org.peersupport.portal.course.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.LessonHtml;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.course.entity.SessionExerciseFile;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A draft's sessions, as training coordinators edit them: added at the end, their title, aims and "About Lesson"
 * (rich text, sanitised) changed, moved and removed. Every change is audited in its own transaction, and an edit
 * carries the version the coordinator saw, so a concurrent change is reported rather than overwritten.
 */
@Stateless
@DenyAll
public class CourseSessions {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    private CourseEdits edits;

    @PostConstruct
    void init() {
        edits = new CourseEdits(em, session, audit);
    }

    /** The version's sessions in order, with their exercise files, for editing. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public List<SessionEditView> sessions(long courseId) {
        Course course = em.createNamedQuery(Course.WITH_SESSIONS, Course.class).setParameter("id", courseId)
                .getResultList().stream().findFirst()
                .orElseThrow(() -> new BusinessException("course.notFound", "That course is not available."));
        // every session's files in one query, not one query per session
        Map<Long, List<ExerciseFileView>> files = em.createNamedQuery(SessionExerciseFile.IN_COURSE,
                SessionExerciseFile.class).setParameter("courseId", courseId).getResultList().stream()
                .collect(Collectors.groupingBy(f -> f.getSession().getId(), Collectors.mapping(f -> new ExerciseFileView(
                        f.getId(), f.getTitle(), f.getDescription(), f.getFileName(), f.getStoredFile().getMediaType(),
                        f.getStoredFile().getSize()), Collectors.toList())));
        return course.getSessions().stream().map(s -> new SessionEditView(s.getId(), s.getNumber(), s.getSlug(),
                s.getTitle(), s.getAims(), s.getAboutHtml(), s.hasContentWarning(), files.getOrDefault(s.getId(), List.of()),
                s.getVersion())).toList();
    }

    /** One session, with its exercise files and its course version, for editing. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public SessionEditContext sessionForEdit(long sessionId) {
        CourseSession s = edits.courseSession(sessionId);
        Course c = s.getCourse();
        SessionEditView view = sessions(c.getId()).stream().filter(v -> v.sessionId() == sessionId).findFirst()
                .orElseThrow(() -> new BusinessException("course.session.notFound", "There is no such session."));
        return new SessionEditContext(c.getId(), c.getCode(), c.getTitle(), c.getVersionNumber(), c.getStatus(), view);
    }

    /**
     * Adds a session at the end of a draft; until the coordinator writes its lesson, the lesson shows its aims.
     * Returns the new session's id.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long addSession(long courseId, String title, String aims) {
        Course course = edits.course(courseId);
        String cleanTitle = CourseEdits.required(title, "title");
        String cleanAims = CourseEdits.required(aims, "aims");
        String base = cleanTitle.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String slug = base.isEmpty() ? "session" : base;
        for (int n = 2; slugTaken(course, slug); n++) {
            slug = (base.isEmpty() ? "session" : base) + "-" + n;
        }
        CourseSession added = course.addSession(slug, cleanTitle, cleanAims, cleanAims, LessonHtml.fromMarkdown(cleanAims));
        em.flush();
        edits.audit("SESSION_ADDED", "CourseSession", added.getId(), course.label() + " session " + added.getNumber()
                + " (" + added.getSlug() + ")");
        return added.getId();
    }

    private static boolean slugTaken(Course course, String slug) {
        return course.getSessions().stream().anyMatch(s -> s.getSlug().equals(slug));
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateSession(long sessionId, String title, String aims, String aboutHtml, long expectedVersion) {
        CourseSession s = edits.courseSession(sessionId);
        s.getCourse().requireDraft();
        CourseEdits.requireVersion(s.getVersion(), expectedVersion, () -> CourseEdits.stale("this session"));
        s.edit(CourseEdits.required(title, "title"), CourseEdits.required(aims, "aims"),
                LessonHtml.sanitise(aboutHtml == null ? "" : aboutHtml));
        edits.flush(() -> CourseEdits.stale("this session"));
        edits.audit("SESSION_UPDATED", "CourseSession", s.getId(), s.label());
    }

    /** Moves a session one place earlier (direction &lt; 0) or later (direction &gt; 0). */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void moveSession(long sessionId, int direction) {
        CourseSession s = edits.courseSession(sessionId);
        int from = s.getNumber();
        s.getCourse().moveSession(s, direction);
        edits.flush(() -> CourseEdits.stale("the order of sessions"));
        edits.audit("SESSION_MOVED", "CourseSession", s.getId(), s.label() + " from number " + from);
    }

    /** Removes a session from a draft; progress on it stays recorded, keyed by its slug. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeSession(long sessionId) {
        CourseSession s = edits.courseSession(sessionId);
        Set<Long> files = s.getExerciseFiles().stream().map(f -> f.getStoredFile().getId()).collect(Collectors.toSet());
        String description = s.label();
        s.getCourse().removeSession(s);
        edits.flush(() -> CourseEdits.stale("the sessions"));
        files.forEach(id -> ExerciseFiles.deleteIfUnused(em, id));
        edits.audit("SESSION_REMOVED", "CourseSession", sessionId, description);
    }
}
