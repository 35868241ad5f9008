package org.peersupport.portal.course.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.peersupport.portal.platform.boundary.PageLoads;

/** Backs {@code learning/glossary.xhtml}: the glossary of the caller's version of a course. */
@Named
@RequestScoped
public class GlossaryPage {

    @Inject
    CourseCatalog catalog;

    @Inject
    FacesContext faces;

    private String course;
    private CourseOverview overview;
    private List<GlossaryEntryView> entries;

    public void load() throws IOException {
        overview = PageLoads.loadOrNotFound(faces, () -> catalog.overview(course));
        if (overview != null) {
            entries = catalog.glossary(course);
        }
    }

    public CourseOverview getOverview() {
        return overview;
    }

    public List<GlossaryEntryView> getEntries() {
        return entries;
    }

    public String getCourse() {
        return course;
    }

    public void setCourse(String course) {
        this.course = course;
    }
}
