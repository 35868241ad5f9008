package org.peersupport.portal.course.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.peersupport.portal.platform.boundary.Downloads;

/**
 * Streams a course version as a course package ZIP ({@code /coordinator/export/{courseId}}); web.xml and
 * {@link CoursePackages#exportPackage} both restrict it to coordinators.
 */
@WebServlet("/coordinator/export/*")
public class CoursePackageExportServlet extends HttpServlet {

    @Inject
    CourseVersionAdministration versions;

    @Inject
    CoursePackages packages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong id = Downloads.id(request, response);
        Optional<CourseEditView> found = id.isEmpty() ? Optional.empty()
                : Downloads.load(id.getAsLong(), versions::courseForEdit, response);
        if (found.isEmpty()) {
            return;
        }
        CourseEditView course = found.get();
        String fileName = (course.code() + "-v" + course.versionNumber() + ".zip").replaceAll("[^A-Za-z0-9._-]", "_");
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        packages.exportPackage(id.getAsLong(), response.getOutputStream());
    }
}
