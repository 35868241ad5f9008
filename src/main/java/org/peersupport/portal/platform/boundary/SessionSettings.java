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
 * {@code portal.session.timeout-minutes} (30 by default) without activity.
 */
@WebListener
public class SessionSettings implements ServletContextListener, HttpSessionListener {

    static final int DEFAULT_TIMEOUT_MINUTES = 30;

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

    public int timeoutMinutes() {
        return config.number(PortalSetting.SESSION_TIMEOUT_MINUTES, DEFAULT_TIMEOUT_MINUTES);
    }
}
