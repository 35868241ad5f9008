package org.peersupport.portal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peersupport.portal.support.EmbeddedServices;

/**
 * The one-command demo ({@code mvn -Pdemo}): starts an embedded PostgreSQL whose data lives in
 * {@code .demo-data/} and survives restarts, an embedded demo directory on loopback, and Payara Micro with
 * the portal; prints the address and the demo accounts; Ctrl-C stops all three.
 *
 * <p>It is test-scope code: none of it, and no demo account, is inside the WAR.
 */
public final class DemoLauncher {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        Path target = project.resolve("target");
        Path war = target.resolve("portal.war");
        Path payara = target.resolve("payara-micro.jar");
        requireFile(war);
        requireFile(payara);
        requireFreePort(port);

        long started = System.nanoTime();
        say("Starting the embedded PostgreSQL (data in .demo-data/postgres) and the demo directory...");
        EmbeddedServices services = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"),
                project.resolve(".demo-data/postgres"));
        Path settings = project.resolve(".demo-data/portal-demo.properties");
        EmbeddedServices.writeProperties(services.portalSettings(), settings);

        Path log = target.resolve("demo-payara.log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m",
                "-Djava.io.tmpdir=" + Files.createDirectories(target.resolve("demo-tmp")),
                "-jar", payara.toString(),
                "--nocluster", "--port", Integer.toString(port),
                "--systemProperties", settings.toString(),
                "--deploy", war.toString()));
        say("Starting Payara Micro on port " + port + " (log: " + project.relativize(log) + ")...");
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping the portal, the demo directory and PostgreSQL...");
            server.destroy();
            try {
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            services.close();
            say("Stopped.");
        }, "demo-stop"));

        String url = "http://localhost:" + port + "/portal/";
        if (!waitUntilServing(url + "signin.xhtml", server)) {
            say("The portal did not start. The last lines of " + log + ":");
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            System.exit(1);
        }
        printBanner(url, Duration.ofNanos(System.nanoTime() - started));
        int exit = server.waitFor();
        say("Payara Micro stopped (exit code " + exit + ").");
    }

    private static boolean waitUntilServing(String url, Process server) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static void printBanner(String url, Duration startup) {
        String line = "=".repeat(78);
        System.out.println();
        System.out.println(line);
        System.out.println(" Peer Support Training Portal: DEMO MODE (embedded database and directory)");
        System.out.printf(" Open %s   (ready in %.1f s)%n", url, startup.toMillis() / 1000.0);
        System.out.println(" Demo accounts, all with the password '" + EmbeddedServices.DEMO_PASSWORD + "':");
        for (DemoAccount account : DemoAccount.values()) {
            System.out.printf("   %-15s %-34s %s%n", account.username(), account.roles(), account.description());
        }
        System.out.println(" Press Ctrl-C to stop everything this command started.");
        System.out.println(line);
        System.out.println();
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run the demo with 'mvn -Pdemo' so that it is built first");
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("Port " + port
                    + " is already in use. Choose another: mvn -Pdemo -Dportal.port=8181", e));
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void say(String text) {
        System.out.println("[demo] " + text);
    }
}
