package org.peersupport.portal.governance.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.boundary.Downloads;

/**
 * A person's full subject access export for the governance role ({@code /governance/export/{person id}}), streamed as
 * it is written. web.xml lets only the governance role reach it.
 */
@WebServlet("/governance/export/*")
public class SubjectAccessExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SubjectAccess subjectAccess;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong id = Downloads.id(request, response);
        Optional<Person> person = id.isEmpty() ? Optional.empty()
                : Downloads.load(id.getAsLong(), subjectAccess::person, response);
        if (person.isEmpty()) {
            return;
        }
        Downloads.attachment(response, "application/zip", subjectAccess.fileName("subject-access-" + person.get().getId()));
        subjectAccess.exportFor(person.get().getId(), response.getOutputStream());
    }
}
