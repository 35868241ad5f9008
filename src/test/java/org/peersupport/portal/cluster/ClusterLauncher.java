package org.peersupport.portal.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.peersupport.portal.support.PortalNode;

/**
 * The two-node cluster in one command ({@code ./mvnw -Pcluster}): the demo's database (data in
 * {@code .demo-data/}, shared with {@code -Pdemo}) and directory, two Payara Micro nodes clustered through Hazelcast
 * on loopback, and HAProxy in front; prints the address; Ctrl-C stops everything it started.
 */
public final class ClusterLauncher {

    private ClusterLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        Path logs = project.resolve("target/cluster");
        say("Starting the embedded PostgreSQL (data in .demo-data/postgres), the demo directory, two Payara Micro nodes "
                + "and HAProxy on port " + port + " (logs: " + project.relativize(logs) + ")...");
        ClusterRun run;
        try {
            run = ClusterRun.start(project, Files.createDirectories(project.resolve(".demo-data")), port, logs, Map.of());
        } catch (IllegalStateException e) {
            say(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping HAProxy, both nodes, the demo directory and PostgreSQL...");
            run.close();
            say("Stopped.");
        }, "cluster-stop"));
        String line = "=".repeat(78);
        System.out.println();
        System.out.println(line);
        System.out.println(" Peer Support Training Portal: TWO-NODE CLUSTER (demo database and directory)");
        System.out.printf(" Open %s   (ready in %.1f s)%n", run.url(), run.startup().toMillis() / 1000.0);
        for (PortalNode node : run.nodes()) {
            System.out.printf("   %s: %s (pid %d, log %s)%n", node.name(), node.url(), node.process().pid(),
                    project.relativize(node.log()));
        }
        System.out.println(" The demo accounts of README.md sign in here. To see failover: sign in, find your node in the");
        System.out.println(" cookie " + LoadBalancer.COOKIE + ", 'kill -9' its pid, and carry on.");
        System.out.println(" Press Ctrl-C to stop everything this command started.");
        System.out.println(line);
        System.out.println();
        for (PortalNode node : run.nodes()) {
            node.process().waitFor();
        }
        say("Both nodes stopped.");
    }

    private static void say(String text) {
        System.out.println("[cluster] " + text);
    }
}
