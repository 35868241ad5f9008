package org.peersupport.portal.governance.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.peersupport.portal.platform.boundary.Downloads;

/**
 * "Download my data" ({@code /my-data/export.zip}): the signed-in person's own subject access export, streamed as it
 * is written. web.xml lets every portal role reach it; {@link SubjectAccess#exportMine} decides what it holds.
 */
@WebServlet("/my-data/export.zip")
public class MyDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SubjectAccess subjectAccess;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Downloads.attachment(response, "application/zip", subjectAccess.fileName("my-data"));
        subjectAccess.exportMine(response.getOutputStream());
    }
}
