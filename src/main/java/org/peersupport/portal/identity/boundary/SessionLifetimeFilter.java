package org.peersupport.portal.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.peersupport.portal.platform.boundary.SessionSettings;
import org.peersupport.portal.platform.control.PortalConfig;

/**
 * Ends a signed-in session {@code portal.session.max-hours} after its sign-in, however active it has been (the
 * inactivity timeout alone would let a session that is used every few minutes live for ever): the session is
 * invalidated and the person is sent to the sign-in page, which says why.
 */
@WebFilter(urlPatterns = "/*")
public class SessionLifetimeFilter extends HttpFilter {

    /** The sign-in page's {@code reason} parameter after a session reached its lifetime. */
    public static final String REASON = "sessionLifetime";
    static final String SIGNED_IN_AT = SessionLifetimeFilter.class.getName() + ".signedInAt";

    @Inject
    PortalConfig config;

    @Inject
    Clock clock;

    /** Starts the lifetime of the request's session, at sign-in. */
    static void startLifetime(HttpServletRequest request, Instant signedInAt) {
        request.getSession(true).setAttribute(SIGNED_IN_AT, signedInAt);
    }

    /** True when a session signed in at {@code signedInAt} has reached its lifetime at {@code now}. */
    static boolean expired(Instant signedInAt, Instant now, int maxHours) {
        return !now.isBefore(signedInAt.plus(Duration.ofHours(maxHours)));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object signedInAt;
        try {
            signedInAt = session == null ? null : session.getAttribute(SIGNED_IN_AT);
        } catch (IllegalStateException invalidated) {
            signedInAt = null;
        }
        if (signedInAt instanceof Instant at && expired(at, Instant.now(clock), SessionSettings.maxHours(config))) {
            request.logout();
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // ended meanwhile by another request of the same session
            }
            String signIn = request.getContextPath() + "/signin.xhtml?reason=" + REASON;
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + signIn.replace("&", "&amp;") + "\"/></partial-response>");
            } else {
                response.sendRedirect(signIn);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
