package org.peersupport.portal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.Launch;

/**
 * The one-command demo ({@code mvn -Pdemo}): starts an embedded PostgreSQL whose data lives in
 * {@code .demo-data/} and survives restarts, an embedded demo directory on loopback, and Payara Micro with the
 * portal and its demo story ({@link DemoRun}); prints the address and the demo accounts; Ctrl-C stops all three.
 *
 * <p>It is test-scope code: none of it, and no demo account, is inside the shipped WAR.
 */
public final class DemoLauncher {

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        Path target = project.resolve("target");
        requireFile(target.resolve("portal.war"));
        requireFile(target.resolve("payara-micro.jar"));
        requireFreePort(port);

        Path log = target.resolve("demo-payara.log");
        Launch launch = new Launch("demo");
        launch.say("Starting the embedded PostgreSQL (data in .demo-data/postgres), the demo directory and Payara Micro "
                + "on port " + port + " (log: " + project.relativize(log) + ")...");
        DemoRun run = launch.start(() -> DemoRun.start(project, Files.createDirectories(project.resolve(".demo-data")),
                port, log), "Stopping the portal, the demo directory and PostgreSQL...");
        List<String> lines = new ArrayList<>();
        lines.add("Demo accounts, all with the password '" + EmbeddedServices.DEMO_PASSWORD + "':");
        for (DemoAccount account : DemoAccount.values()) {
            lines.add(String.format("  %-15s %-26s %-40s %s", account.username(), account.roles(), account.description(),
                    account.firstLook()));
        }
        lines.add("README.md, 'What to try', says where to click first.");
        Launch.banner("DEMO MODE (embedded database and directory)", run.url(), run.startup(), lines);
        int exit = run.server().waitFor();
        launch.say("Payara Micro stopped (exit code " + exit + ").");
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run the demo with './mvnw -Pdemo' so that it is built first");
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("Port " + port
                    + " is already in use. Choose another: ./mvnw -Pdemo -Dportal.port=8181", e));
        }
    }
}
