package org.peersupport.portal.portfolio.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peersupport.portal.platform.control.BusinessException;

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
        long id = Long.parseLong(path.group(2));
        EvidenceDownload file;
        try {
            file = path.group(1).equals("item") ? portfolios.itemFile(id) : submissions.submittedFile(id);
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
        response.setHeader("X-Content-Type-Options", "nosniff");
        file.writeTo(response.getOutputStream());
    }
}
