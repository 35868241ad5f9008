package org.peersupport.portal.course.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.control.CoursePackageException;
import org.peersupport.portal.course.control.CoursePackageMapping;
import org.peersupport.portal.course.control.CoursePackageReader;
import org.peersupport.portal.course.control.CoursePackageWriter;
import org.peersupport.portal.course.control.CourseVersions;
import org.peersupport.portal.course.control.GlossaryLinker;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.control.LessonHtml;
import org.peersupport.portal.course.control.LoadedCoursePackage;
import org.peersupport.portal.course.control.UploadInspector;
import org.peersupport.portal.course.control.UploadRejectedException;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseResource;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.course.entity.GlossaryTerm;
import org.peersupport.portal.course.entity.SessionExerciseFile;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * What training coordinators do with courses: import and export packages, edit drafts (rich text sanitised,
 * exercise files checked by content and streamed into the database), and publish. Only a draft can be edited;
 * every change is audited in its own transaction, and edits carry the version the coordinator saw, so a
 * concurrent change is reported rather than overwritten.
 */
@Stateless
@DenyAll
public class CourseAdministration {

    /** Default largest exercise file, 20 MiB; {@code portal.upload.max-bytes} overrides it. */
    public static final long DEFAULT_UPLOAD_MAX_BYTES = 20L * 1024 * 1024;

    private static final int MAX_FILE_NAME = 100;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    Clock clock;

    @Inject
    CourseVersions versions;

    @Inject
    ChunkStore chunks;

    @Inject
    PortalConfig config;

    // ---------------------------------------------------------------- packages

    /** Checks the whole ZIP first; on any problem nothing is imported and every problem is listed. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public ImportResult importPackage(InputStream zip) {
        try (LoadedCoursePackage loaded = new CoursePackageReader().readZip(zip)) {
            return imported(loaded);
        } catch (CoursePackageException e) {
            throw refused(e);
        } catch (IOException e) {
            throw new BusinessException("course.import.unreadable",
                    "The upload could not be read as a ZIP file. Nothing was imported; try uploading it again.");
        }
    }

    /** Imports the package in a folder on the server, as the demo run does. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public ImportResult importPackageFolder(Path folder) {
        try (LoadedCoursePackage loaded = new CoursePackageReader().read(folder)) {
            return imported(loaded);
        } catch (CoursePackageException e) {
            throw refused(e);
        }
    }

    /** Writes the version as a course package ZIP, streaming exercise files from the database. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void exportPackage(long courseId, OutputStream out) throws IOException {
        Course course = course(courseId);
        Map<String, Long> storedFiles = new HashMap<>();
        course.getSessions().forEach(s -> s.getExerciseFiles().forEach(f ->
                storedFiles.putIfAbsent(f.getPath(), f.getStoredFile().getId())));
        new CoursePackageWriter().writeZip(CoursePackageMapping.toPackage(course),
                file -> chunks.open(storedFiles.get(file.path())), out);
        audit("COURSE_EXPORTED", "Course", course.getId(), course.label());
    }

    // ---------------------------------------------------------------- versions

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<CourseVersionSummary> courses() {
        List<Object[]> rows = em.createQuery("select c, size(c.sessions) from Course c order by c.code, c.versionNumber desc",
                Object[].class).getResultList();
        return rows.stream().map(row -> {
            Course c = (Course) row[0];
            return new CourseVersionSummary(c.getId(), c.getCode(), c.getVersionNumber(), c.getVersionLabel(),
                    c.getTitle(), c.getStatus(), c.getCreatedAt(), c.getPublishedAt(), c.getArchivedAt(),
                    ((Number) row[1]).intValue(), c.getVersion());
        }).toList();
    }

    /** Publishes a draft; the version published before it is archived, and people pinned to it keep it. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void publish(long courseId) {
        Course course = course(courseId);
        Optional<Course> replaced = versions.publish(course, now());
        audit("COURSE_PUBLISHED", "Course", course.getId(), course.label()
                + replaced.map(old -> "; version " + old.getVersionNumber() + " archived").orElse(""));
    }

    /** A new draft copied from any version (exercise files are shared, not copied); returns its id. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long newDraftFrom(long courseId) {
        Course source = course(courseId);
        em.createNamedQuery(Course.BY_CODE_WITH_STATUS, Course.class).setParameter("code", source.getCode())
                .setParameter("status", CourseStatus.DRAFT).getResultStream().findFirst().ifPresent(draft -> {
                    throw new BusinessException("course.draft.exists", "Version " + draft.getVersionNumber() + " of "
                            + draft.getCode() + " is already a draft. Edit that draft, or publish it first.",
                            draft.getVersionNumber(), draft.getCode());
                });
        Course draft = source.newDraft(versions.nextVersionNumber(source.getCode()), now());
        em.persist(draft);
        em.flush();
        audit("COURSE_DRAFT_CREATED", "Course", draft.getId(), draft.label() + " from version " + source.getVersionNumber());
        return draft.getId();
    }

    /** Starts a new course from nothing: version 1, a draft with no sessions yet; returns its id. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long createCourse(String code, String title, String summary) {
        String cleanCode = required(code, "course code").toUpperCase(java.util.Locale.ROOT);
        if (!cleanCode.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            throw new BusinessException("course.code.invalid",
                    "A course code has 2 to 40 capital letters, digits and hyphens, for example PEER2PEER.");
        }
        if (versions.nextVersionNumber(cleanCode) > 1) {
            throw new BusinessException("course.code.taken", "There is already a course with the code " + cleanCode
                    + ". To change it, create a new draft from its latest version.", cleanCode);
        }
        Course course = new Course(cleanCode, 1, now());
        course.describe(required(title, "title"), required(summary, "summary"), "1.0", null, null, null, CompletionMode.MANUAL,
                Course.DEFAULT_ATTENDANCE_THRESHOLD);
        em.persist(course);
        em.flush();
        audit("COURSE_CREATED", "Course", course.getId(), course.label());
        return course.getId();
    }

    /**
     * Adds a session at the end of a draft; until the coordinator writes its lesson, the lesson shows its aims.
     * Returns the new session's id.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long addSession(long courseId, String title, String aims) {
        Course course = course(courseId);
        String cleanTitle = required(title, "title");
        String cleanAims = required(aims, "aims");
        String base = cleanTitle.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String slug = base.isEmpty() ? "session" : base;
        for (int n = 2; slugTaken(course, slug); n++) {
            slug = (base.isEmpty() ? "session" : base) + "-" + n;
        }
        CourseSession added = course.addSession(slug, cleanTitle, cleanAims, cleanAims, LessonHtml.fromMarkdown(cleanAims));
        em.flush();
        audit("SESSION_ADDED", "CourseSession", added.getId(), course.label() + " session " + added.getNumber()
                + " (" + added.getSlug() + ")");
        return added.getId();
    }

    private static boolean slugTaken(Course course, String slug) {
        return course.getSessions().stream().anyMatch(s -> s.getSlug().equals(slug));
    }

    /** A version's details as a coordinator edits them. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public CourseEditView courseForEdit(long courseId) {
        Course c = course(courseId);
        return new CourseEditView(c.getId(), c.getCode(), c.getVersionNumber(), c.getStatus(),
                new CourseDetails(c.getTitle(), c.getSummary(), c.getVersionLabel(), c.getAwardName(), c.getAwardScqfLevel(),
                        c.getAwardCredits(), c.getCompletionMode(), c.getAttendanceThreshold(), c.getAgreementHtml(),
                        c.isAgreementDraft()),
                c.getVersion());
    }

    /** One session, with its exercise files and its course version, for editing. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public SessionEditContext sessionForEdit(long sessionId) {
        CourseSession s = courseSession(sessionId);
        Course c = s.getCourse();
        SessionEditView view = sessions(c.getId()).stream().filter(v -> v.sessionId() == sessionId).findFirst()
                .orElseThrow(() -> new BusinessException("course.session.notFound", "There is no such session."));
        return new SessionEditContext(c.getId(), c.getCode(), c.getTitle(), c.getVersionNumber(), c.getStatus(), view);
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateCourseDetails(long courseId, CourseDetails details, long expectedVersion) {
        Course course = course(courseId);
        course.requireDraft();
        requireVersion(course.getVersion(), expectedVersion, "these course details");
        String awardName = blankToNull(details.awardName());
        if (awardName != null && (details.scqfLevel() == null || details.scqfLevel() < 1 || details.scqfLevel() > 12)) {
            throw new BusinessException("course.details.scqfLevel", "Give the award's SCQF level, from 1 to 12.");
        }
        if (details.attendanceThreshold() == null) {
            throw new BusinessException("course.details.threshold", "The attendance needed to complete is a whole "
                    + "number from 0 to 100.");
        }
        course.describe(required(details.title(), "title"), required(details.summary(), "summary"),
                required(details.versionLabel(), "version label"), awardName, details.scqfLevel(), details.credits(),
                details.completionMode() == null ? course.getCompletionMode() : details.completionMode(),
                details.attendanceThreshold());
        String agreement = blankToNull(details.agreementHtml());
        course.agreeFromHtml(agreement == null ? null : LessonHtml.sanitise(agreement), details.agreementDraft());
        flush("these course details");
        audit("COURSE_DETAILS_UPDATED", "Course", course.getId(), course.label() + ", attendance needed to complete "
                + course.getAttendanceThreshold() + "%");
    }

    // ---------------------------------------------------------------- sessions

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

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateSession(long sessionId, String title, String aims, String aboutHtml, long expectedVersion) {
        CourseSession s = courseSession(sessionId);
        s.getCourse().requireDraft();
        requireVersion(s.getVersion(), expectedVersion, "this session");
        s.edit(required(title, "title"), required(aims, "aims"), LessonHtml.sanitise(aboutHtml == null ? "" : aboutHtml));
        flush("this session");
        audit("SESSION_UPDATED", "CourseSession", s.getId(), s.label());
    }

    /** Moves a session one place earlier (direction &lt; 0) or later (direction &gt; 0). */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void moveSession(long sessionId, int direction) {
        CourseSession s = courseSession(sessionId);
        int from = s.getNumber();
        s.getCourse().moveSession(s, direction);
        flush("the order of sessions");
        audit("SESSION_MOVED", "CourseSession", s.getId(), s.label() + " from number " + from);
    }

    /** Removes a session from a draft; progress on it stays recorded, keyed by its slug. */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeSession(long sessionId) {
        CourseSession s = courseSession(sessionId);
        Set<Long> files = s.getExerciseFiles().stream().map(f -> f.getStoredFile().getId()).collect(Collectors.toSet());
        String description = s.label();
        s.getCourse().removeSession(s);
        flush("the sessions");
        files.forEach(this::deleteIfUnused);
        audit("SESSION_REMOVED", "CourseSession", sessionId, description);
    }

    // ---------------------------------------------------------------- exercise files

    /**
     * Checks the upload by its content and size ({@code portal.upload.max-bytes}), then streams it into the
     * database; a refused upload stores nothing. Returns the new exercise file's id.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long addExerciseFile(long sessionId, InputStream content, String fileName, String title) {
        CourseSession s = courseSession(sessionId);
        s.getCourse().requireDraft();
        UploadInspector inspector = new UploadInspector(
                config.longNumber(PortalSetting.UPLOAD_MAX_BYTES, DEFAULT_UPLOAD_MAX_BYTES), UploadInspector.EXERCISE_FILE_TYPES);
        try (var upload = inspector.inspect(content, fileName)) {
            StoredFile stored;
            try (InputStream in = Files.newInputStream(upload.file())) {
                stored = chunks.store(in, upload.mediaType(), now());
            }
            String path = freePath(s.getCourse(), "exercises/" + safeFileName(upload.displayName()));
            String linkText = blankToNull(title) == null ? upload.displayName() : title.strip();
            SessionExerciseFile file = s.addExerciseFile(linkText, null, path, stored);
            em.flush();
            audit("EXERCISE_FILE_ADDED", "ExerciseFile", file.getId(), s.label() + ": " + path + " ("
                    + upload.mediaType() + ", " + upload.size() + " bytes, sha256 " + upload.sha256() + ")");
            return file.getId();
        } catch (UploadRejectedException e) {
            throw new BusinessException("course.upload.refused", e.getMessage(), e.getMessage());
        } catch (IOException e) {
            throw new BusinessException("course.upload.unreadable", "The file could not be stored. Try uploading it again.");
        }
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeExerciseFile(long fileId) {
        SessionExerciseFile file = em.createNamedQuery(SessionExerciseFile.WITH_COURSE, SessionExerciseFile.class)
                .setParameter("id", fileId).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("course.file.notFound", "That file is not available."));
        CourseSession s = file.getSession();
        long storedId = file.getStoredFile().getId();
        s.removeExerciseFile(file);
        em.flush();
        deleteIfUnused(storedId);
        audit("EXERCISE_FILE_REMOVED", "ExerciseFile", fileId, s.label() + ": " + file.getPath());
    }

    // ---------------------------------------------------------------- glossary

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<GlossaryTermEditView> glossaryTerms(long courseId) {
        return course(courseId).getGlossary().stream().map(g -> new GlossaryTermEditView(g.getId(), g.getTerm(),
                g.getAnchor(), g.getDefinitionHtml(), g.isRestored(), g.getNote(), g.getVersion())).toList();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public long addGlossaryTerm(long courseId, String term, String definitionHtml, String note) {
        Course course = course(courseId);
        String name = required(term, "term");
        GlossaryTerm entry = course.addGlossaryTerm(name, GlossaryLinker.anchorFor(name), null,
                LessonHtml.sanitise(required(definitionHtml, "definition")), false, blankToNull(note));
        em.flush();
        audit("GLOSSARY_TERM_ADDED", "GlossaryTerm", entry.getId(), course.label() + ": " + name);
        return entry.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateGlossaryTerm(long termId, String term, String definitionHtml, String note, long expectedVersion) {
        GlossaryTerm entry = glossaryTerm(termId);
        entry.getCourse().requireDraft();
        requireVersion(entry.getVersion(), expectedVersion, "this glossary term");
        String name = required(term, "term");
        entry.getCourse().requireNewTerm(name, entry);
        entry.edit(name, GlossaryLinker.anchorFor(name), LessonHtml.sanitise(required(definitionHtml, "definition")),
                blankToNull(note));
        flush("this glossary term");
        audit("GLOSSARY_TERM_UPDATED", "GlossaryTerm", termId, entry.getCourse().label() + ": " + name);
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeGlossaryTerm(long termId) {
        GlossaryTerm entry = glossaryTerm(termId);
        entry.getCourse().removeGlossaryTerm(entry);
        flush("the glossary");
        audit("GLOSSARY_TERM_REMOVED", "GlossaryTerm", termId, entry.getCourse().label() + ": " + entry.getTerm());
    }

    // ---------------------------------------------------------------- useful resources

    @RolesAllowed(Role.Names.COORDINATOR)
    public List<ResourceEditView> usefulResources(long courseId) {
        return course(courseId).getResources().stream().map(r -> new ResourceEditView(r.getId(), r.getTitle(),
                r.getUrl(), r.getDescription(), r.getVersion())).toList();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public long addUsefulResource(long courseId, String title, String url, String description) {
        Course course = course(courseId);
        CourseResource resource = course.addResource(required(title, "title"), webAddress(url), resourceText(url, description));
        em.flush();
        audit("RESOURCE_ADDED", "UsefulResource", resource.getId(), course.label() + ": " + resource.getTitle());
        return resource.getId();
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateUsefulResource(long resourceId, String title, String url, String description, long expectedVersion) {
        CourseResource resource = resource(resourceId);
        resource.getCourse().requireDraft();
        requireVersion(resource.getVersion(), expectedVersion, "this resource");
        resource.edit(required(title, "title"), webAddress(url), resourceText(url, description));
        flush("this resource");
        audit("RESOURCE_UPDATED", "UsefulResource", resourceId, resource.getCourse().label() + ": " + resource.getTitle());
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public void removeUsefulResource(long resourceId) {
        CourseResource resource = resource(resourceId);
        resource.getCourse().removeResource(resource);
        flush("the resources");
        audit("RESOURCE_REMOVED", "UsefulResource", resourceId, resource.getCourse().label() + ": " + resource.getTitle());
    }

    // ---------------------------------------------------------------- helpers

    private ImportResult imported(LoadedCoursePackage loaded) {
        Course course = versions.importPackage(loaded, now());
        int files = (int) course.getSessions().stream().flatMap(s -> s.getExerciseFiles().stream())
                .map(SessionExerciseFile::getPath).distinct().count();
        audit("COURSE_IMPORTED", "Course", course.getId(), course.label() + " as a draft, " + course.getSessions().size()
                + " sessions, " + files + " exercise files");
        return new ImportResult(course.getId(), course.getCode(), course.getVersionNumber(), course.getTitle(),
                course.getSessions().size(), files);
    }

    private static BusinessException refused(CoursePackageException e) {
        List<String> problems = e.problems().stream().map(CourseVersions::describe).toList();
        return new BusinessException("course.import.invalid", CourseVersions.problemsHeading(problems.size()), problems,
                problems.size());
    }

    /** Refuses an edit based on an older version than the one stored. */
    private static void requireVersion(long current, long expected, String what) {
        if (current != expected) {
            throw stale(what);
        }
    }

    /** Writes the change now, so a concurrent edit committed meanwhile is reported as such. */
    private void flush(String what) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw stale(what);
        }
    }

    private static BusinessException stale(String what) {
        return new BusinessException("course.edit.stale", "Someone else changed " + what
                + " while you were editing it; reload to see their change, then make yours again.", what);
    }

    private void deleteIfUnused(long storedFileId) {
        long references = em.createNamedQuery(SessionExerciseFile.REFERENCES_TO_STORED_FILE, Long.class)
                .setParameter("storedFileId", storedFileId).getSingleResult();
        if (references == 0) {
            StoredFile stored = em.find(StoredFile.class, storedFileId);
            if (stored != null) {
                em.remove(stored); // its chunks go with it (on delete cascade)
            }
        }
    }

    /** The path unless another file of the course already uses it, else the first free "name-2.ext", "name-3.ext" ... */
    private String freePath(Course course, String path) {
        String candidate = path;
        int dot = path.lastIndexOf('.');
        String stem = dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
        String extension = dot > path.lastIndexOf('/') ? path.substring(dot) : "";
        for (int n = 2; pathTaken(course, candidate); n++) {
            candidate = stem + "-" + n + extension;
        }
        return candidate;
    }

    private boolean pathTaken(Course course, String path) {
        return !em.createNamedQuery(SessionExerciseFile.IN_COURSE_WITH_PATH, SessionExerciseFile.class)
                .setParameter("courseId", course.getId()).setParameter("path", path).getResultList().isEmpty();
    }

    /** A file name safe in a package path: letters, digits, '.', '-' and '_'; never starting with '.'. */
    static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[.-]+", "");
        if (safe.length() > MAX_FILE_NAME) {
            int dot = safe.lastIndexOf('.');
            String extension = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, MAX_FILE_NAME - extension.length()) + extension;
        }
        return safe.isEmpty() ? "file" : safe;
    }

    private static String webAddress(String url) {
        String value = blankToNull(url);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new BusinessException("course.resource.url", "The web address should start with https://, for example "
                + "https://www.samaritans.org.");
    }

    private static String resourceText(String url, String description) {
        String text = blankToNull(description);
        if (text == null && blankToNull(url) == null) {
            throw new BusinessException("course.resource.empty", "Give the resource a web address or a description.");
        }
        return text;
    }

    private static String required(String value, String what) {
        String text = blankToNull(value);
        if (text == null) {
            throw new BusinessException("course.field.required", "Enter the " + what + ".", what);
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Course course(long courseId) {
        Course course = em.find(Course.class, courseId);
        if (course == null) {
            throw new BusinessException("course.notFound", "That course is not available.");
        }
        return course;
    }

    private CourseSession courseSession(long sessionId) {
        return em.createNamedQuery(CourseSession.WITH_COURSE, CourseSession.class).setParameter("id", sessionId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("course.session.notFound", "There is no such session."));
    }

    private GlossaryTerm glossaryTerm(long termId) {
        return em.createNamedQuery(GlossaryTerm.WITH_COURSE, GlossaryTerm.class).setParameter("id", termId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("course.glossary.notFound", "There is no such glossary term."));
    }

    private CourseResource resource(long resourceId) {
        return em.createNamedQuery(CourseResource.WITH_COURSE, CourseResource.class).setParameter("id", resourceId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("course.resource.notFound", "There is no such resource."));
    }


    private void audit(String action, String subjectType, Object subjectId, String detail) {
        Principal caller = session.getCallerPrincipal();
        audit.fire(AuditEvent.by(caller == null ? null : caller.getName(), action, subjectType, subjectId, detail));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
