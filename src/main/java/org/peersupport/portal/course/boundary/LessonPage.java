package org.peersupport.portal.course.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;

/**
 * Backs {@code learning/lesson.xhtml}: one session of the caller's version of a course. A session with a
 * content warning first shows the warning, with the choice to continue or come back later; its signposting
 * then stays beside the lesson. With {@code preview} (a course version's id) a coordinator sees any version,
 * drafts included, as a candidate would, and nothing is recorded.
 */
@Named
@ViewScoped
public class LessonPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CourseCatalog catalog;

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private String course;
    private int session;
    private boolean proceed;
    private Long preview;
    private transient Lesson lesson;

    public void load() throws IOException {
        lesson = PageLoads.loadOrNotFound(faces,
                () -> preview != null ? catalog.previewLesson(preview, session) : catalog.lesson(course, session));
    }

    public boolean isShowWarning() {
        return getLesson() != null && lesson.contentWarning() != null && !proceed;
    }

    public String markComplete() {
        catalog.markComplete(course, session);
        messages.info(null, "lesson.markedComplete", session);
        return "lesson?faces-redirect=true&includeViewParams=true";
    }

    public String markIncomplete() {
        catalog.markIncomplete(course, session);
        messages.info(null, "lesson.markedIncomplete", session);
        return "lesson?faces-redirect=true&includeViewParams=true";
    }

    /** The lesson; read again after the view was restored from another request (it is not kept in the session). */
    public Lesson getLesson() {
        if (lesson == null && session > 0) {
            lesson = preview != null ? catalog.previewLesson(preview, session) : catalog.lesson(course, session);
        }
        return lesson;
    }

    public String getCourse() {
        return course;
    }

    public void setCourse(String course) {
        this.course = course;
    }

    public int getSession() {
        return session;
    }

    public void setSession(int session) {
        this.session = session;
    }

    public boolean isProceed() {
        return proceed;
    }

    public void setProceed(boolean proceed) {
        this.proceed = proceed;
    }

    public Long getPreview() {
        return preview;
    }

    public void setPreview(Long preview) {
        this.preview = preview;
    }
}
