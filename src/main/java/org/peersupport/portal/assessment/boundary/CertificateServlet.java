package org.peersupport.portal.assessment.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.peersupport.portal.assessment.control.CertificatePdf;
import org.peersupport.portal.platform.control.BusinessException;
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
        long id;
        try {
            id = Long.parseLong(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CertificateDocument certificate;
        try {
            certificate = certificates.document(id);
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType("application/pdf");
        String name = URLEncoder.encode("certificate-" + certificate.code() + ".pdf", StandardCharsets.UTF_8);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + name);
        response.setHeader("Content-Security-Policy", "sandbox");
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
