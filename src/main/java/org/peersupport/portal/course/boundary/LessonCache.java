package org.peersupport.portal.course.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.peersupport.portal.course.entity.Course;

/**
 * Lesson pages of published and archived course versions, built once per node: a version's sessions, glossary and
 * files can only be edited while it is a draft ({@link Course#requireDraft()}), so what a lesson shows never changes
 * afterwards. This spares every lesson view the queries for the session count, glossary, warning and files and the
 * glossary linking of the body (most of a lesson request's time, docs/performance.md). Drafts are never kept: a
 * coordinator's preview always shows the latest edit. What is kept holds no one's progress: the caller's own
 * completion is added per request ({@link Lesson#asSeenBy}).
 */
@ApplicationScoped
public class LessonCache {

    /** Far more than the sessions of every version a portal publishes; past it the cache starts again. */
    static final int MOST = 5_000;

    private final Map<Key, Lesson> lessons = new ConcurrentHashMap<>();

    private record Key(long courseId, int number) {
    }

    /** The lesson of session {@code number} of the version with id {@code courseId}, if it is kept. */
    Lesson kept(long courseId, int number) {
        return lessons.get(new Key(courseId, number));
    }

    /** The version's lesson from the cache, or built by {@code build} (and kept, unless the version is a draft). */
    Lesson lesson(Course course, int number, Supplier<Lesson> build) {
        Key key = new Key(course.getId(), number);
        Lesson cached = lessons.get(key);
        if (cached != null) {
            return cached;
        }
        Lesson built = build.get();
        if (!course.isDraft()) {
            if (lessons.size() >= MOST) {
                lessons.clear();
            }
            lessons.put(key, built);
        }
        return built;
    }
}
