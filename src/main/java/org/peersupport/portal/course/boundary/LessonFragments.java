package org.peersupport.portal.course.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.omnifaces.util.cache.CacheFactory;

/**
 * The parts of a lesson page every reader of a published version sees, kept rendered per node by OmniFaces' o:cache
 * in the application scope (issue 18). The key names the version by its id, which publishing never reuses, so a
 * fragment kept is right on every node for as long as it is kept; a preview of a draft is never kept. Once a fragment
 * is kept, the page does not even build the components it came from ({@link #kept}).
 *
 * <p>The application cache has no capacity set, so nothing kept is ever dropped while the node runs: a page built
 * without a fragment's components must find the fragment when it renders. What it can hold is bounded by the data,
 * not by requests: five fragments (a few KB each) for each session of each published or archived version, keyed only
 * by lessons read from the database.
 */
@Named
@ApplicationScoped
public class LessonFragments {

    static final String SCOPE = "application";

    /** The key of {@code part} of {@code lesson}. */
    public String key(String part, Lesson lesson) {
        return lesson == null ? "lesson-none" : "lesson/" + part + "/" + lesson.courseId() + "/" + lesson.number();
    }

    /** Whether {@code part} of {@code lesson} is kept rendered (never for a preview). */
    public boolean kept(String part, Lesson lesson) {
        return lesson != null && !lesson.preview()
                && CacheFactory.getCache(FacesContext.getCurrentInstance(), SCOPE).get(key(part, lesson)) != null;
    }
}
