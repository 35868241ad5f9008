package org.peersupport.portal.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.support.Launch;
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
        Launch launch = new Launch("cluster");
        launch.say("Starting the embedded PostgreSQL (data in .demo-data/postgres), the demo directory, two Payara Micro "
                + "nodes and HAProxy on port " + port + " (logs: " + project.relativize(logs) + ")...");
        ClusterRun run = launch.start(() -> ClusterRun.start(project, Files.createDirectories(project.resolve(".demo-data")),
                port, logs, Map.of()), "Stopping HAProxy, both nodes, the demo directory and PostgreSQL...");
        List<String> lines = new ArrayList<>();
        for (PortalNode node : run.nodes()) {
            lines.add(String.format("  %s: %s (pid %d, log %s)", node.name(), node.url(), node.process().pid(),
                    project.relativize(node.log())));
        }
        lines.add("The demo accounts of README.md sign in here. To see failover: sign in, find your node in the");
        lines.add("cookie " + LoadBalancer.COOKIE + ", 'kill -9' its pid, and carry on.");
        Launch.banner("TWO-NODE CLUSTER (demo database and directory)", run.url(), run.startup(), lines);
        for (PortalNode node : run.nodes()) {
            node.process().waitFor();
        }
        launch.say("Both nodes stopped.");
    }
}
