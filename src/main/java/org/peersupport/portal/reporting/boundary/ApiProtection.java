package org.peersupport.portal.reporting.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ResourceBundle;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.reporting.control.ApiRateLimit;

/**
 * The API's guard rails: a per-caller rate limit before any work is done (HTTP 429 with {@code Retry-After}), and
 * refusals as JSON: a broken rule or an unknown record is 404 or 400, a missing role 403.
 */
public final class ApiProtection {

    private ApiProtection() {
    }

    @Provider
    public static class RateLimitFilter implements ContainerRequestFilter {

        @Inject
        ApiRateLimit limit;

        @Context
        SecurityContext security;

        @Override
        public void filter(ContainerRequestContext request) {
            String caller = security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
            long wait = limit.secondsToWait(caller);
            if (wait > 0) {
                request.abortWith(Response.status(429).header("Retry-After", wait).type(MediaType.APPLICATION_JSON)
                        .entity(new TrainingResource.Problem(429, "Too many requests: at most " + limit.requestsPerMinute()
                                + " a minute. Try again in " + wait + " seconds.")).build());
            }
        }
    }

    @Provider
    public static class RefusalMapper implements ExceptionMapper<BusinessException> {
        @Override
        public Response toResponse(BusinessException e) {
            int status = e.key() != null && e.key().endsWith("notFound") ? 404 : 400;
            return TrainingResource.problem(status, Messages.text(ResourceBundle.getBundle(Messages.BUNDLE), e));
        }
    }

    @Provider
    public static class AccessMapper implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return TrainingResource.problem(403, "This account may not read training records.");
        }
    }
}
