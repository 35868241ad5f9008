package org.peersupport.portal.course.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.lang3.reflect.FieldUtils;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.course.control.CompletionMode;
import org.peersupport.portal.course.entity.Course;

class LessonCacheTest {

    private final LessonCache cache = new LessonCache();
    private final AtomicInteger builds = new AtomicInteger();

    @Test
    void aPublishedVersionsLessonIsBuiltOnceAndShownWithEachReadersOwnCompletion() throws Exception {
        Course published = course(7);
        published.publish(Instant.now());

        Lesson first = cache.lesson(published, 2, () -> build(published));
        Lesson again = cache.lesson(published, 2, () -> build(published));

        assertEquals(1, builds.get(), "built once");
        assertSame(first, again);
        assertFalse(first.completed(), "what is kept holds no one's progress");
        assertTrue(again.asSeenBy(true).completed());
        assertFalse(cache.lesson(published, 2, () -> build(published)).completed(), "one reader's completion is not kept");
        cache.lesson(published, 3, () -> build(published));
        assertEquals(2, builds.get(), "each session is its own lesson");
    }

    @Test
    void aDraftIsBuiltAgainOnEveryRead() throws Exception {
        Course draft = course(8);

        cache.lesson(draft, 1, () -> build(draft));
        cache.lesson(draft, 1, () -> build(draft));

        assertEquals(2, builds.get(), "a coordinator's preview always shows the latest edit");
    }

    private Lesson build(Course course) {
        builds.incrementAndGet();
        return new Lesson(course.getId(), "P2P", "Peer2Peer", 1, 10, 2, "recovery", "Recovery", "Aims", "<p>About</p>",
                List.of(), null, 1, 3, 11, false, CompletionMode.MANUAL, false);
    }

    private static Course course(long id) throws IllegalAccessException {
        Course course = new Course("P2P", 1, Instant.now());
        FieldUtils.writeField(course, "id", id, true);
        return course;
    }
}
