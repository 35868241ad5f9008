package org.peersupport.portal.governance.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.peersupport.portal.governance.control.AuditQuery;
import org.peersupport.portal.platform.boundary.Downloads;
import org.peersupport.portal.platform.control.ExportFormat;

/**
 * The audit trail search as CSV ({@code /governance/audit.csv?person=&as=&action=&record=&number=&from=&to=}),
 * streamed. web.xml lets only the governance role reach it; a date that is not one answers 400.
 */
@WebServlet("/governance/audit.csv")
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditSearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate from;
        LocalDate to;
        try {
            from = date(request.getParameter("from"));
            to = date(request.getParameter("to"));
        } catch (DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        AuditQuery query = AuditQuery.of(request.getParameter("person"), request.getParameter("as"),
                request.getParameter("action"), request.getParameter("record"), request.getParameter("number"), from, to);
        Downloads.attachment(response, ExportFormat.CSV.contentType(), "audit-trail-" + LocalDate.now() + ".csv");
        search.export(query, response.getOutputStream());
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
