package org.peersupport.portal.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;
import org.peersupport.portal.platform.control.ControlCharacters;

/**
 * Requests that are not Faces pages (the reporting API, downloads, exports): a path, parameter name or value holding
 * a control character ({@link ControlCharacters}) is answered 400 before anything reads it. Faces pages refuse such
 * text per field, with a message next to it ({@link TextConverter}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ControlCharacterFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ControlCharacterFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getServletPath().endsWith(".xhtml") && refused(request)) {
            LOG.info(() -> "Refused a request to " + request.getServletPath() + " holding a control character");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean refused(HttpServletRequest request) {
        if (ControlCharacters.refused(request.getRequestURI()) || ControlCharacters.refused(request.getPathInfo())
                || ControlCharacters.refused(request.getQueryString())) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (ControlCharacters.refused(parameter.getKey())) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.refused(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
