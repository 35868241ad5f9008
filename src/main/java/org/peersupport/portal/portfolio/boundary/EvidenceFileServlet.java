package org.peersupport.portal.portfolio.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peersupport.portal.platform.boundary.Downloads;

/**
 * Streams evidence files from the database as downloads: {@code /evidence/files/item/{id}} (an item's current file)
 * and {@code /evidence/files/submitted/{id}} (a file exactly as it was submitted). web.xml lets only candidates,
 * supervisors and verifiers reach {@code /evidence/*}, so coordinators and HR get 403 before anything is read; the
 * boundaries then decide record by record (another candidate's file, or a candidate not allocated to this
 * supervisor, is "not found") and audit every read by anyone but the candidate.
 */
@WebServlet("/evidence/files/*")
public class EvidenceFileServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/(item|submitted)/(\\d{1,18})");

    @Inject
    Portfolios portfolios;

    @Inject
    Submissions submissions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean item = path.group(1).equals("item");
        Optional<EvidenceDownload> found = Downloads.load(Long.parseLong(path.group(2)),
                id -> item ? portfolios.itemFile(id) : submissions.submittedFile(id), response);
        if (found.isEmpty()) {
            return;
        }
        EvidenceDownload file = found.get();
        Downloads.attachment(response, file.mediaType(), file.fileName());
        response.setContentLengthLong(file.size());
        file.writeTo(response.getOutputStream());
    }
}
