package org.peersupport.portal.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.peersupport.portal.platform.control.DatabaseOutage;

/**
 * A request that fails because the database cannot be reached ({@link DatabaseOutage}) is answered with HTTP 503, a
 * {@code Retry-After} header and the "temporarily unavailable" page ({@code WEB-INF/errorpages/503.xhtml}), never the
 * 500 page with its reference: nothing is wrong with the portal, and trying again in a minute is the right advice.
 * One log line without a stack trace per request: during an outage every request fails the same way. A Faces form
 * post whose action failed so never gets here: {@link DatabaseOutageExceptionHandler} shows the same form again. A
 * request to the reporting API gets the API's own JSON problem ({@code status}, {@code message}) instead of a page,
 * as its other refusals do.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseOutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseOutageFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "The database cannot be reached: " + request.getMethod() + " " + request.getRequestURI()
                    + " answered 503 (" + DatabaseOutage.describe(e) + ")");
            unavailable(request, response);
        }
    }

    /**
     * Status 503 with {@code Retry-After}, and the error page that web.xml names for 503; for the API its JSON problem
     * (also written by the API's sign-in, which runs before any filter).
     */
    public static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        if (!JsonProblem.isApi(request)) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        JsonProblem.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                ResourceBundle.getBundle(Messages.BUNDLE).getString("api.unavailable"));
    }
}
