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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.control.UploadInspector;
import org.peersupport.portal.course.control.UploadRejectedException;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.course.entity.SessionExerciseFile;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * A draft session's exercise files, as training coordinators add and remove them: an upload is checked by its
 * content and size, then streamed into the database; a stored file goes when no version uses it any longer.
 * Every change is audited in its own transaction.
 */
@Stateless
@DenyAll
public class ExerciseFiles {

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
    ChunkStore chunks;

    @Inject
    PortalConfig config;

    private CourseEdits edits;

    @PostConstruct
    void init() {
        edits = new CourseEdits(em, session, audit);
    }

    /**
     * Checks the upload by its content and size ({@code portal.upload.max-bytes}), then streams it into the
     * database; a refused upload stores nothing. Returns the new exercise file's id.
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public long addExerciseFile(long sessionId, InputStream content, String fileName, String title) {
        CourseSession s = edits.courseSession(sessionId);
        s.getCourse().requireDraft();
        UploadInspector inspector = new UploadInspector(
                config.longNumber(PortalSetting.UPLOAD_MAX_BYTES, DEFAULT_UPLOAD_MAX_BYTES), UploadInspector.EXERCISE_FILE_TYPES);
        try (var upload = inspector.inspect(content, fileName)) {
            StoredFile stored;
            try (InputStream in = Files.newInputStream(upload.file())) {
                stored = chunks.store(in, upload.mediaType(), Instant.now(clock));
            }
            String path = freePath(s.getCourse(), "exercises/" + safeFileName(upload.displayName()));
            String linkText = CourseEdits.blankToNull(title) == null ? upload.displayName() : title.strip();
            SessionExerciseFile file = s.addExerciseFile(linkText, null, path, stored);
            em.flush();
            edits.audit("EXERCISE_FILE_ADDED", "ExerciseFile", file.getId(), s.label() + ": " + path + " ("
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
        deleteIfUnused(em, storedId);
        edits.audit("EXERCISE_FILE_REMOVED", "ExerciseFile", fileId, s.label() + ": " + file.getPath());
    }

    /** Deletes the stored file unless an exercise file of some version still uses it; within the caller's transaction. */
    static void deleteIfUnused(EntityManager em, long storedFileId) {
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
}
