package org.peersupport.portal.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Session cookie and timeout from configuration: the cookie is HttpOnly, SameSite=Lax and Secure unless
 * {@code portal.cookies.secure=false} (the demo runs on plain HTTP on loopback); sessions end after
 * {@code portal.session.timeout-minutes} (30 by default) without activity, and in any case
 * {@code portal.session.max-hours} (10 by default) after signing in, however active (enforced by the identity
 * feature's {@code SessionLifetimeFilter}).
 */
@WebListener
public class SessionSettings implements ServletContextListener, HttpSessionListener {

    static final int DEFAULT_TIMEOUT_MINUTES = 30;
    public static final int DEFAULT_MAX_HOURS = 10;

    @Inject
    PortalConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(config.flag(PortalSetting.COOKIES_SECURE, true));
        cookie.setAttribute("SameSite", "Lax");
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(timeoutMinutes() * 60);
    }

    /** The absolute lifetime of a signed-in session, in hours. */
    public static int maxHours(PortalConfig config) {
        int hours = config.number(PortalSetting.SESSION_MAX_HOURS, DEFAULT_MAX_HOURS);
        return hours < 1 ? DEFAULT_MAX_HOURS : hours;
    }

    public int timeoutMinutes() {
        return config.number(PortalSetting.SESSION_TIMEOUT_MINUTES, DEFAULT_TIMEOUT_MINUTES);
    }
}
