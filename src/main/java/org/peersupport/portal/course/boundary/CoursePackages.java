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
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.control.CoursePackageException;
import org.peersupport.portal.course.control.CoursePackageMapping;
import org.peersupport.portal.course.control.CoursePackageReader;
import org.peersupport.portal.course.control.CoursePackageWriter;
import org.peersupport.portal.course.control.CourseVersions;
import org.peersupport.portal.course.control.LoadedCoursePackage;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.SessionExerciseFile;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Course packages, as training coordinators import and export them: an import is checked whole first and
 * becomes a new draft; an export streams a version's exercise files from the database. Each is audited.
 */
@Stateless
@DenyAll
public class CoursePackages {

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

    private CourseEdits edits;

    @PostConstruct
    void init() {
        edits = new CourseEdits(em, session, audit);
    }

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
        Course course = edits.course(courseId);
        Map<String, Long> storedFiles = new HashMap<>();
        course.getSessions().forEach(s -> s.getExerciseFiles().forEach(f ->
                storedFiles.putIfAbsent(f.getPath(), f.getStoredFile().getId())));
        new CoursePackageWriter().writeZip(CoursePackageMapping.toPackage(course),
                file -> chunks.open(storedFiles.get(file.path())), out);
        edits.audit("COURSE_EXPORTED", "Course", course.getId(), course.label());
    }

    private ImportResult imported(LoadedCoursePackage loaded) {
        Course course = versions.importPackage(loaded, Instant.now(clock));
        int files = (int) course.getSessions().stream().flatMap(s -> s.getExerciseFiles().stream())
                .map(SessionExerciseFile::getPath).distinct().count();
        edits.audit("COURSE_IMPORTED", "Course", course.getId(), course.label() + " as a draft, "
                + course.getSessions().size() + " sessions, " + files + " exercise files");
        return new ImportResult(course.getId(), course.getCode(), course.getVersionNumber(), course.getTitle(),
                course.getSessions().size(), files);
    }

    private static BusinessException refused(CoursePackageException e) {
        List<String> problems = e.problems().stream().map(CourseVersions::describe).toList();
        return new BusinessException("course.import.invalid", CourseVersions.problemsHeading(problems.size()), problems,
                problems.size());
    }
}
