package org.peersupport.portal.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, point 5: HSTS exactly when the session cookie is Secure, one Content-Security-Policy (a page's replaces
 * the one for downloads), Permissions-Policy kept.
 */
class SecurityHeadersFilterTest {

    @Test
    void issue13_hstsOnlyWhenCookiesAreSecure() throws Exception {
        assertEquals("max-age=31536000", run(true, null).get("Strict-Transport-Security").get(0));
        assertNull(run(false, null).get("Strict-Transport-Security"), "plain HTTP (the demo) is never pinned to HTTPS");
    }

    @Test
    void issue13_aPagesPolicyReplacesTheDownloadPolicyAndPermissionsPolicyStays() throws Exception {
        Map<String, List<String>> download = run(true, null);
        assertEquals(List.of(SecurityHeadersFilter.DOWNLOAD_POLICY), download.get("Content-Security-Policy"));
        Map<String, List<String>> page = run(true, "script-src 'self' 'nonce-abc'");
        assertEquals(List.of("script-src 'self' 'nonce-abc'"), page.get("Content-Security-Policy"), "one policy, the page's");
        assertEquals(List.of("camera=(), microphone=(), geolocation=()"), page.get("Permissions-Policy"));
        assertEquals(List.of("DENY"), page.get("X-Frame-Options"));
    }

    /** Runs the filter over a request whose chain adds {@code pagePolicy} as PrimeFaces does (if not null). */
    private static Map<String, List<String>> run(boolean secureCookies, String pagePolicy) throws Exception {
        SessionCookieConfig cookies = proxy(SessionCookieConfig.class, (name, args) -> "isSecure".equals(name) ? secureCookies : null);
        ServletContext context = proxy(ServletContext.class, (name, args) -> "getSessionCookieConfig".equals(name) ? cookies : null);
        HttpServletRequest request = proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getDispatcherType" -> DispatcherType.REQUEST;
            case "getRequestURI" -> "/portal/home.xhtml";
            case "getServletContext" -> context;
            default -> null;
        });
        Map<String, List<String>> headers = new LinkedHashMap<>();
        HttpServletResponse response = proxy(HttpServletResponse.class, (name, args) -> {
            if ("setHeader".equals(name)) {
                headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
            } else if ("addHeader".equals(name)) {
                headers.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
            }
            return null;
        });
        new SecurityHeadersFilter().doFilter(request, response, (req, res) -> {
            if (pagePolicy != null) {
                ((HttpServletResponse) res).addHeader("Content-Security-Policy", pagePolicy);
            }
        });
        return headers;
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    Object value = answer.answer(method.getName(), args);
                    if (value == null && method.getReturnType() == boolean.class) {
                        return false;
                    }
                    return value;
                });
    }
}
