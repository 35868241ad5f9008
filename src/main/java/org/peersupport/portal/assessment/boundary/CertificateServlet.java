package org.peersupport.portal.assessment.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.peersupport.portal.assessment.control.CertificatePdf;
import org.peersupport.portal.platform.boundary.Downloads;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Streams a certificate PDF ({@code /certificates/{id}}) as a download, written as it is sent. Who may have it is
 * decided by {@link Certificates#document(long)}; web.xml lets only candidates and coordinators reach this path.
 */
@WebServlet("/certificates/*")
public class CertificateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Certificates certificates;

    @Inject
    PortalConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OptionalLong id = Downloads.id(request, response);
        Optional<CertificateDocument> found = id.isEmpty() ? Optional.empty()
                : Downloads.load(id.getAsLong(), certificates::document, response);
        if (found.isEmpty()) {
            return;
        }
        CertificateDocument certificate = found.get();
        Downloads.attachment(response, "application/pdf", "certificate-" + certificate.code() + ".pdf");
        CertificatePdf.write(certificate.holderName(), certificate.courseTitle(), certificate.completedOn(),
                certificate.code(), verificationUrl(request, certificate.code()), response.getOutputStream());
    }

    /** The public verification page for this code, at the configured public address or the one asked for. */
    private String verificationUrl(HttpServletRequest request, String code) {
        String base = config.value(PortalSetting.PUBLIC_URL).map(url -> url.replaceAll("/+$", "")).orElseGet(() -> {
            boolean defaultPort = ("http".equals(request.getScheme()) && request.getServerPort() == 80)
                    || ("https".equals(request.getScheme()) && request.getServerPort() == 443);
            return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + request.getServerPort())
                    + request.getContextPath();
        });
        return base + "/verify.xhtml?code=" + code;
    }
}
