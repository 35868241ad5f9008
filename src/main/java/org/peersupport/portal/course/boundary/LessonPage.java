package org.peersupport.portal.course.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;

/**
 * Backs {@code learning/lesson.xhtml}: one session of the caller's version of a course. A session with a
 * content warning first shows the warning, with the choice to continue or come back later; its signposting
 * then stays beside the lesson. With {@code preview} (a course version's id) a coordinator sees any version,
 * drafts included, as a candidate would, and nothing is recorded.
 *
 * <p>The page is stateless (its view is transient): it keeps nothing in the session, so a lesson costs no view state
 * and no session replication of one; its completion form posts the course and session back with it.
 */
@Named
@RequestScoped
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

    /**
     * On a postback the view is built again from nothing, and its buttons are decoded (rendered or not by the lesson)
     * before the view parameters reach this bean: the lesson the form posted back is taken from the request first.
     */
    @PostConstruct
    void postedBack() {
        if (faces.isPostback()) {
            Map<String, String> posted = faces.getExternalContext().getRequestParameterMap();
            course = posted.get("course");
            try {
                session = Integer.parseInt(posted.getOrDefault("session", "0"));
            } catch (NumberFormatException e) {
                session = 0; // no lesson: nothing on the page to act on
            }
        }
    }

    public void load() throws IOException {
        lesson = PageLoads.loadOrNotFound(faces,
                () -> preview != null ? catalog.previewLesson(preview, session) : read());
    }

    /** The caller's lesson: as {@link KeptLessonPages} already read it in this request (or met its refusal), or read now. */
    private Lesson read() {
        Object loaded = faces.getExternalContext().getRequestMap().get(KeptLessonPages.LOADED);
        if (loaded instanceof RuntimeException refused) {
            throw refused;
        }
        return loaded instanceof Lesson read ? read : catalog.lesson(course, session);
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

    /** The lesson, read once per request (the view action reads it before anything else asks). */
    public Lesson getLesson() {
        if (lesson == null && session > 0) {
            lesson = preview != null ? catalog.previewLesson(preview, session) : read();
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

    public String getSessionAsked() {
        return session > 0 ? Integer.toString(session) : null;
    }

    /** The session as the address gives it; anything but a number is no session, which the page answers with 404. */
    public void setSessionAsked(String asked) {
        try {
            session = asked == null ? 0 : Integer.parseInt(asked.strip());
        } catch (NumberFormatException e) {
            session = 0;
        }
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
