package org.peersupport.portal.course.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseStatus;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Course versions: importing a checked package as the next draft version of its course, and publishing a
 * draft, which archives the version it replaces. Used by the coordinators' boundary and the demo loader; the
 * caller owns the transaction and the security check.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CourseVersions {

    private static final Tika TIKA = new Tika();

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkStore chunks;

    /** Stores the package as a new draft: version 1 of a new code, or the highest version so far plus one. */
    public Course importPackage(LoadedCoursePackage loaded, Instant now) {
        CoursePackage p = loaded.coursePackage();
        Map<String, String> mediaTypes = checkExerciseFileTypes(loaded);
        Map<String, StoredFile> stored = new HashMap<>();
        Course course = CoursePackageMapping.toCourse(p, nextVersionNumber(p.code()), now,
                file -> stored.computeIfAbsent(file.path(), path -> {
                    try (InputStream in = loaded.open(file)) {
                        return chunks.store(in, mediaTypes.get(path), now);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        em.persist(course);
        em.flush();
        return course;
    }

    /** Publishes a draft; the version published before it, if any, is archived. */
    public Optional<Course> publish(Course draft, Instant now) {
        if (!draft.isDraft()) {
            draft.publish(now); // refuses, saying why
        }
        Optional<Course> replaced = latestPublished(draft.getCode());
        replaced.ifPresent(old -> {
            old.archive(now);
            em.flush(); // one published version per code, checked by the database at once
        });
        draft.publish(now);
        em.flush();
        return replaced;
    }

    public int nextVersionNumber(String code) {
        Integer max = em.createNamedQuery(Course.MAX_VERSION, Integer.class).setParameter("code", code).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Course> latestPublished(String code) {
        return em.createNamedQuery(Course.BY_CODE_WITH_STATUS, Course.class).setParameter("code", code)
                .setParameter("status", CourseStatus.PUBLISHED).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String code) {
        return em.createNamedQuery(Course.MAX_VERSION, Integer.class).setParameter("code", code).getSingleResult() != null;
    }

    /** The media type of each exercise file by its content; refuses the package if any type is not accepted. */
    private static Map<String, String> checkExerciseFileTypes(LoadedCoursePackage loaded) {
        Map<String, String> types = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ExerciseFile file : loaded.coursePackage().exerciseFiles()) {
            if (types.containsKey(file.path())) {
                continue;
            }
            Path path = loaded.root().resolve(file.path());
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path))) {
                String type = TIKA.detect(in, file.fileName());
                types.put(file.path(), type);
                if (!UploadInspector.EXERCISE_FILE_TYPES.contains(type)) {
                    problems.add(file.path() + ": the exercise file is " + type
                            + ", which the portal does not accept for download.");
                }
            } catch (IOException e) {
                problems.add(file.path() + ": the exercise file could not be read.");
            }
        }
        if (!problems.isEmpty()) {
            throw new BusinessException("course.import.invalid", problemsHeading(problems.size()), problems,
                    problems.size());
        }
        return types;
    }

    /** The heading for a refused package's problems. */
    public static String problemsHeading(int count) {
        return "The course package has " + (count == 1 ? "1 problem" : count + " problems")
                + ", so nothing was imported. Put " + (count == 1 ? "it" : "them") + " right and upload the package again.";
    }

    /** A package problem as one line, "file:line: message". */
    public static String describe(PackageProblem problem) {
        StringBuilder where = new StringBuilder();
        if (problem.file() != null) {
            where.append(problem.file());
            if (problem.line() != null) {
                where.append(':').append(problem.line());
            }
        }
        return where.isEmpty() ? problem.message() : where + ": " + problem.message();
    }
}
