package org.peersupport.portal.platform.boundary;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The reporting API's refusal as JSON ({@code status}, {@code message}), written straight to the servlet response by
 * the code that answers before JAX-RS does: the API's sign-in (a lock after too many attempts, a database it cannot
 * reach) and the outage filter. JAX-RS's own refusals build the same shape ({@code TrainingResource.Problem}).
 */
public final class JsonProblem {

    /** Where the reporting API answers (its {@code @ApplicationPath}), below the context root. */
    public static final String API_PATH = "/api/";

    private JsonProblem() {
    }

    /** Whether the request is for the reporting API, whose answers (refusals too) are JSON. */
    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PATH);
    }

    /** Writes the problem and commits the response, so that nothing after it changes the status or the body. */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Json.createObjectBuilder().add("status", status).add("message", message).build()
                .toString());
        response.flushBuffer();
    }
}
