package org.peersupport.portal.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The frame of the commands that run the portal from the test classpath ({@code -Pdemo}, {@code -Pcluster}): what
 * they say, prefixed with their name; starting, or saying why not and exiting; stopping everything on Ctrl-C; the
 * banner with the address.
 */
public final class Launch {

    private final String name;

    public Launch(String name) {
        this.name = name;
    }

    public void say(String text) {
        System.out.println("[" + name + "] " + text);
    }

    /**
     * What {@code start} starts, stopped (with {@code stopping} said first) when the JVM is told to stop; on an
     * {@link IllegalStateException} (a port in use, a tool missing) says why and exits with 1.
     */
    public <T extends AutoCloseable> T start(Callable<T> start, String stopping) throws Exception {
        T run;
        try {
            run = start.call();
        } catch (IllegalStateException e) {
            say(e.getMessage());
            System.exit(1);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say(stopping);
            try {
                run.close();
            } catch (Exception e) {
                say("Could not stop everything: " + e);
            }
            say("Stopped.");
        }, name + "-stop"));
        return run;
    }

    /** The banner: a title, the address and how long the start took, then {@code lines}, then how to stop. */
    public static void banner(String title, String url, Duration startup, List<String> lines) {
        String rule = "=".repeat(78);
        System.out.println();
        System.out.println(rule);
        System.out.println(" Peer Support Training Portal: " + title);
        System.out.printf(" Open %s   (ready in %.1f s)%n", url, startup.toMillis() / 1000.0);
        lines.forEach(line -> System.out.println(" " + line));
        System.out.println(" Press Ctrl-C to stop everything this command started.");
        System.out.println(rule);
        System.out.println();
    }
}
