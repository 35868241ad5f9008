package org.peersupport.portal.platform.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A boundary that refuses the caller ({@code @RolesAllowed} throws {@link EJBAccessException}, which Faces wraps in a
 * {@code FacesException} or an {@code ELException} and the Faces servlet in a {@code ServletException}) is answered
 * with the 403 page and status 403, as the web tier's own constraints are, never with the 500 page. One log line
 * without a stack trace names the page and the caller: a refusal on a page a person reached by their navigation is a
 * bug in the navigation or the constraints. Requests in Faces' ajax get the same page through OmniFaces'
 * {@code FullAjaxExceptionHandler}, from the {@code EJBAccessException} error page in web.xml.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AccessRefusedFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AccessRefusedFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Optional<EJBAccessException> refused = refusal(e);
            if (refused.isEmpty() || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "Refused " + request.getRemoteUser() + " on " + request.getRequestURI() + ": "
                    + refused.get().getMessage());
            response.resetBuffer();
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /** The {@link EJBAccessException} anywhere in the chain of causes, if there is one. */
    static Optional<EJBAccessException> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof EJBAccessException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t instanceof ServletException servlet && servlet.getRootCause() != null ? servlet.getRootCause()
                : t.getCause();
        return cause == t ? null : cause;
    }
}
