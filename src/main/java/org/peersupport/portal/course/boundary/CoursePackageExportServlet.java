package org.peersupport.portal.course.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Streams a course version as a course package ZIP ({@code /coordinator/export/{courseId}}); web.xml and
 * {@link CourseAdministration#exportPackage} both restrict it to coordinators.
 */
@WebServlet("/coordinator/export/*")
public class CoursePackageExportServlet extends HttpServlet {

    @Inject
    CourseAdministration administration;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        CourseEditView course;
        try {
            id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
            course = administration.courseForEdit(id);
        } catch (NumberFormatException | BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String fileName = (course.code() + "-v" + course.versionNumber() + ".zip").replaceAll("[^A-Za-z0-9._-]", "_");
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        administration.exportPackage(id, response.getOutputStream());
    }
}
