package org.peersupport.portal.platform.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Response headers that keep pages containing personal and health data out of caches and frames, and limit what a
 * page may run. Static resources (served under {@code /jakarta.faces.resource/}) stay cacheable.
 *
 * <p>Content-Security-Policy: every response starts with {@link #DOWNLOAD_POLICY}, which allows nothing (downloads,
 * the API's JSON). A Faces page replaces it with the page policy and a per-view nonce: PrimeFaces
 * ({@code primefaces.CSP} and {@code primefaces.CSP_POLICY} in web.xml) adds that header and puts the nonce on every
 * script it writes and moves components' inline event handlers into such scripts; the wrapper here turns its header
 * into a replacement, as two policies would both apply. HSTS is sent when the session cookie is Secure, i.e. the portal runs behind
 * HTTPS.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String CSP = "Content-Security-Policy";

    /** The policy of everything that is not a page: nothing may run, load or frame it. */
    public static final String DOWNLOAD_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            response.setHeader(CSP, DOWNLOAD_POLICY);
            if (request.getServletContext().getSessionCookieConfig().isSecure()) {
                response.setHeader("Strict-Transport-Security", HSTS);
            }
            if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
                response.setHeader("Cache-Control", "no-store");
            }
        }
        chain.doFilter(request, new OnePolicy(response));
    }

    /** Keeps one Content-Security-Policy header: a policy added later (the page's) replaces the one before. */
    static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
