package org.peersupport.portal.governance.boundary;

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
 * A subject access request's export for the governance role ({@code /governance/export/{request id}}), with the
 * officer's rules applied, streamed as it is written. web.xml lets only the governance role reach it; a request whose
 * rules are not all decided yet answers 409 with the page that says so.
 */
@WebServlet("/governance/export/*")
public class SubjectAccessExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SubjectAccessRequests requests;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong id = Downloads.id(request, response);
        Optional<SubjectAccessRequests.RequestView> found = id.isEmpty() ? Optional.empty()
                : Downloads.load(id.getAsLong(), requests::request, response);
        if (found.isEmpty()) {
            return;
        }
        if (!found.get().ready()) {
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        Downloads.attachment(response, "application/zip", requests.fileName(found.get().id()));
        requests.export(found.get().id(), response.getOutputStream());
    }
}
