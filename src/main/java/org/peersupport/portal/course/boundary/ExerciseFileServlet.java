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
 * Streams an exercise file to the browser ({@code /learning/files/{id}}) straight from the database, chunk by
 * chunk, as a download. Who may read it is decided by {@link CourseCatalog#exerciseFile(long)}.
 */
@WebServlet("/learning/files/*")
public class ExerciseFileServlet extends HttpServlet {

    @Inject
    CourseCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong id = Downloads.id(request, response);
        Optional<ExerciseFileDownload> found = id.isEmpty() ? Optional.empty()
                : Downloads.load(id.getAsLong(), catalog::exerciseFile, response);
        if (found.isEmpty()) {
            return;
        }
        ExerciseFileDownload file = found.get();
        Downloads.attachment(response, file.mediaType(), file.fileName());
        response.setContentLengthLong(file.size());
        file.writeTo(response.getOutputStream());
    }
}
