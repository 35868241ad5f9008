package org.peersupport.portal.course.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.peersupport.portal.course.control.UsefulResource;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;

/** Backs {@code learning/course.xhtml}: a course's sessions and the caller's progress through them. */
@Named
@ViewScoped
public class CoursePage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<CourseCatalog> catalog = SessionBeanRef.of(CourseCatalog.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private String course;
    private transient CourseOverview overview;
    private transient List<UsefulResource> resources;

    public void load() throws IOException {
        overview = PageLoads.loadOrNotFound(faces, () -> catalog.get().overview(course));
    }

    public String switchVersion() {
        catalog.get().switchToLatestVersion(course);
        messages.info(null, "course.switched");
        return "course?faces-redirect=true&includeViewParams=true";
    }

    /** The overview; read again after the view was restored from another request (it is not kept in the session). */
    public CourseOverview getOverview() {
        if (overview == null && course != null) {
            overview = catalog.get().overview(course);
        }
        return overview;
    }

    public List<UsefulResource> getResources() {
        if (resources == null && course != null) {
            resources = catalog.get().usefulResources(course);
        }
        return resources;
    }

    public String getCourse() {
        return course;
    }

    public void setCourse(String course) {
        this.course = course;
    }
}
