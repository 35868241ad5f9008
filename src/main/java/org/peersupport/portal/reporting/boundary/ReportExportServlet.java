package org.peersupport.portal.reporting.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.ResourceBundle;
import org.peersupport.portal.platform.boundary.Downloads;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.ExportFormat;
import org.peersupport.portal.reporting.control.ExportQueue;
import org.peersupport.portal.reporting.entity.Measure;
import org.peersupport.portal.reporting.entity.ReportFilter;

/**
 * Streams HR's exports: {@code /hr/export/people.csv|xlsx} (the list behind a dashboard figure) and
 * {@code /hr/export/completion.csv|xlsx} (the full completion report), with the same parameters as the pages. web.xml
 * and {@link ReportExports} both restrict it to HR. The response is written as the rows arrive from the database.
 * Exports take turns ({@link ExportQueue}); one that waited too long is answered 503 with {@code Retry-After}.
 */
@WebServlet("/hr/export/*")
public class ReportExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ReportExports exports;

    @Inject
    transient ExportQueue queue;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        int dot = path.lastIndexOf('.');
        String report = dot < 0 ? path : path.substring(0, dot);
        Optional<ExportFormat> format = ExportFormat.fromExtension(dot < 0 ? null : path.substring(dot + 1));
        if (format.isEmpty() || !(report.equals("people") || report.equals("completion"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ReportParameters parameters = new ReportParameters(request::getParameter);
        var filter = parameters.filter();
        var measure = parameters.measure();
        var month = parameters.month();
        if (!parameters.ok()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Some parameters could not be read: "
                    + String.join(", ", parameters.problems().keySet()));
            return;
        }
        try {
            if (!queue.awaitTurn()) {
                busy(response);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            busy(response);
            return;
        }
        try {
            write(response, report, format.get(), filter, measure, month);
        } finally {
            queue.done();
        }
    }

    private void busy(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(queue.retryAfterSeconds()));
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "Other exports are being prepared. Please try again in a minute.");
    }

    private void write(HttpServletResponse response, String report, ExportFormat format,
            ReportFilter filter, Measure measure, YearMonth month) throws IOException {
        String fileName = exports.fileName(report.equals("people") ? "people" : "completion-report", format);
        Downloads.attachment(response, format.contentType(), fileName);
        try {
            if (report.equals("people")) {
                exports.writePeople(filter, measure, month, format, response.getOutputStream());
            } else {
                exports.writeCompletion(filter, format, response.getOutputStream());
            }
        } catch (BusinessException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                        Messages.text(ResourceBundle.getBundle(Messages.BUNDLE, response.getLocale()), e));
            }
        }
    }
}
