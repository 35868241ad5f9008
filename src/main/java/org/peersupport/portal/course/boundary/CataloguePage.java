package org.peersupport.portal.course.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs the course catalogue and the candidate's "My courses": the published courses. */
@Named
@RequestScoped
public class CataloguePage {

    @Inject
    CourseCatalog catalog;

    private List<CourseSummary> courses;

    public List<CourseSummary> getCourses() {
        if (courses == null) {
            courses = catalog.publishedCourses();
        }
        return courses;
    }
}
