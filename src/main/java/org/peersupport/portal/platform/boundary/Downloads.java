package org.peersupport.portal.platform.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * What the portal's download servlets share: the record's id from the path ({@code /files/42}), the boundary's
 * refusals as HTTP answers (a record that is not there or not the caller's is 404, a role that may not ask is 403),
 * and the headers of a file sent as an attachment that a browser must neither run nor sniff.
 */
public final class Downloads {

    private static final Pattern ID = Pattern.compile("/(\\d{1,18})");

    private Downloads() {
    }

    /** The id in a path of the form {@code /42}; empty (after answering 404) for anything else. */
    public static OptionalLong id(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!ID.matcher(path).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(path.substring(1)));
    }

    /**
     * What the boundary gives for {@code id}; empty after answering 404 when it refuses the record
     * ({@link BusinessException}) and 403 when it refuses the caller's role ({@link EJBAccessException}).
     */
    public static <T> Optional<T> load(long id, LongFunction<T> boundary, HttpServletResponse response) throws IOException {
        try {
            return Optional.of(boundary.apply(id));
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
        return Optional.empty();
    }

    /**
     * Sends what follows as the attachment {@code fileName} (any characters, RFC 5987 encoded), with a sandbox policy
     * and no type sniffing, so an uploaded file can never run as a page of the portal.
     */
    public static void attachment(HttpServletResponse response, String mediaType, String fileName) {
        response.setContentType(mediaType);
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
        response.setHeader("Content-Security-Policy", "sandbox");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
