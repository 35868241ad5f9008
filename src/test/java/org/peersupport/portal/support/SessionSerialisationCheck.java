package org.peersupport.portal.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test only: after every request, serialises each attribute of the session as Payara does when it replicates it,
 * and records any that cannot be (Payara only logs a warning and leaves such an attribute behind when a node dies).
 * {@value #PATH} lists what failed (a line {@code problem ...} each) and the largest size seen of each attribute
 * ({@code size <attribute> <bytes>}); {@code ?clear} forgets both; {@code ?unserialisable} checks a session holding
 * an attribute that cannot be serialised, to show the check finds one.
 */
@WebFilter(urlPatterns = "/*")
public class SessionSerialisationCheck extends HttpFilter {

    public static final String PATH = "it/session-check";
    private static final Queue<String> PROBLEMS = new ConcurrentLinkedQueue<>();
    private static final Map<String, Long> LARGEST = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().equals("/" + PATH)) {
            answer(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (session != null) {
                check(session, request.getServletPath());
            }
        }
    }

    private static void check(HttpSession session, String path) {
        try {
            for (String name : Collections.list(session.getAttributeNames())) {
                Object value = session.getAttribute(name);
                Counting bytes = new Counting();
                try (ObjectOutputStream out = payaraStream(bytes)) {
                    out.writeObject(value);
                } catch (IOException | RuntimeException e) {
                    PROBLEMS.add("problem after " + path + ": session attribute " + name + " ("
                            + (value == null ? "null" : value.getClass().getName()) + ") cannot be serialised: " + e);
                    continue;
                }
                LARGEST.merge(name, bytes.count, Math::max);
            }
        } catch (IllegalStateException invalidated) {
            // signed out during the request: nothing left to replicate
        }
    }

    /**
     * The object stream Payara itself writes sessions with (its {@code JavaEEIOUtils}): a reference to an EJB held by
     * a session or view-scoped bean is written as a handle that the other node resolves, as Payara does when it
     * replicates the session; anything else must be Serializable.
     */
    private static ObjectOutputStream payaraStream(OutputStream out) throws IOException {
        try {
            Class<?> globals = Class.forName("org.glassfish.internal.api.Globals");
            Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
            Class<?> utilsType = Class.forName("com.sun.enterprise.container.common.spi.util.JavaEEIOUtils");
            Object utils = Class.forName("org.glassfish.hk2.api.ServiceLocator")
                    .getMethod("getService", Class.class, java.lang.annotation.Annotation[].class)
                    .invoke(locator, utilsType, new java.lang.annotation.Annotation[0]);
            return (ObjectOutputStream) utilsType.getMethod("createObjectOutputStream", OutputStream.class, boolean.class)
                    .invoke(utils, out, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Payara's session serialisation (JavaEEIOUtils) cannot be reached: " + e, e);
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("clear") != null) {
            PROBLEMS.clear();
            LARGEST.clear();
        }
        if (request.getParameter("unserialisable") != null) {
            HttpSession session = request.getSession();
            // Serializable itself, so Payara takes it, but holding what is not: a bean with a field of the wrong kind
            session.setAttribute("it.unserialisable", new java.util.ArrayList<>(java.util.List.of(new Object())));
            check(session, "/" + PATH);
            session.removeAttribute("it.unserialisable");
        }
        response.setContentType("text/plain;charset=UTF-8");
        StringBuilder text = new StringBuilder();
        PROBLEMS.forEach(problem -> text.append(problem).append('\n'));
        LARGEST.forEach((name, size) -> text.append("size ").append(name).append(' ').append(size).append('\n'));
        response.getWriter().write(text.toString());
    }

    /** Counts the bytes written, keeping none. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
