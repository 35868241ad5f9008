package org.peersupport.portal.course.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Streams an exercise file to the browser ({@code /learning/files/{id}}) straight from the database, chunk by
 * chunk, as a download. Who may read it is decided by {@link CourseCatalog#exerciseFile(long)}.
 */
@WebServlet("/learning/files/*")
public class ExerciseFileServlet extends HttpServlet {

    @Inject
    CourseCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ExerciseFileDownload file;
        try {
            file = catalog.exerciseFile(id);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType(file.mediaType());
        response.setContentLengthLong(file.size());
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
        response.setHeader("Content-Security-Policy", "sandbox");
        file.writeTo(response.getOutputStream());
    }
}
