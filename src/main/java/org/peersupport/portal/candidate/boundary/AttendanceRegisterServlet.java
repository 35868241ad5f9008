package org.peersupport.portal.candidate.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peersupport.portal.platform.boundary.Downloads;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.ExportFormat;

/**
 * Sends a cohort's attendance register: {@code /coordinator/attendance/{cohort id}.csv|xlsx}. web.xml and
 * {@link AttendanceRegisterExport} both restrict it to coordinators.
 */
@WebServlet("/coordinator/attendance/*")
public class AttendanceRegisterServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})\\.([a-z]+)");

    @Inject
    transient AttendanceRegisterExport export;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<ExportFormat> format = path.matches() ? ExportFormat.fromExtension(path.group(2)) : Optional.empty();
        if (format.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long cohortId = Long.parseLong(path.group(1));
        try {
            String fileName = export.fileName(cohortId, format.get());
            Downloads.attachment(response, format.get().contentType(), fileName);
            export.write(cohortId, format.get(), response.getOutputStream());
        } catch (BusinessException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_NOT_FOUND,
                        Messages.text(ResourceBundle.getBundle(Messages.BUNDLE, response.getLocale()), e));
            }
        }
    }
}
