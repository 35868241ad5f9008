package org.peersupport.portal.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peersupport.portal.demo.DemoRun;
import org.peersupport.portal.demo.DemoWar;
import org.peersupport.portal.support.EmbeddedServices;
import org.peersupport.portal.support.PortalNode;

/**
 * Two Payara Micro nodes clustered through the Hazelcast that Payara ships (TCP/IP discovery on loopback), with
 * the demo's embedded PostgreSQL and directory and HAProxy in front: what {@code ./mvnw -Pcluster} starts and what
 * the cluster tests run against. The nodes run the demo WAR (the demo accounts and story); the first node starts
 * alone, so the story loads once, then the second joins.
 *
 * <p>On one machine both members have the same address: {@code --nohostaware} lets each keep the other's backups,
 * which Hazelcast's host-aware partitioning (Payara's default) would refuse. Nodes on separate hosts keep the default.
 */
public final class ClusterRun implements AutoCloseable {

    private final EmbeddedServices services;
    private final List<PortalNode> nodes;
    private final LoadBalancer balancer;
    private final Duration startup;
    private final Path settings;

    private ClusterRun(EmbeddedServices services, List<PortalNode> nodes, LoadBalancer balancer, Duration startup,
            Path settings) {
        this.settings = settings;
        this.services = services;
        this.nodes = nodes;
        this.balancer = balancer;
        this.startup = startup;
    }

    /**
     * Starts the database and directory (data in {@code dataDirectory/postgres}, kept between runs), two nodes with
     * the demo's settings and {@code extraSettings} over them, and the load balancer on {@code port}. Logs go to
     * {@code logs}. Throws, after stopping what it started, when something does not start.
     */
    public static ClusterRun start(Path project, Path dataDirectory, int port, Path logs, Map<String, String> extraSettings)
            throws Exception {
        long started = System.nanoTime();
        Path target = project.resolve("target");
        EmbeddedServices services = EmbeddedServices.start(project.resolve("deployment/demo-directory.ldif"),
                dataDirectory.resolve("postgres"));
        List<PortalNode> nodes = new ArrayList<>();
        try {
            Path settings = DemoRun.prepare(services, dataDirectory, extraSettings);
            Path war = DemoWar.build(target);
            int[] hazelcast = {EmbeddedServices.freePort(), EmbeddedServices.freePort()};
            String members = "127.0.0.1:" + hazelcast[0] + ",127.0.0.1:" + hazelcast[1];
            String cluster = "portal-" + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < 2; i++) {
                String name = "node" + (i + 1);
                nodes.add(PortalNode.of(name, target, EmbeddedServices.freePort(), settings, war,
                        Files.createDirectories(logs).resolve(name + ".log"),
                        List.of("--name", name, "--clustername", cluster, "--clustermode", "tcpip:" + members,
                                "--interfaces", "127.0.0.1", "--startport", Integer.toString(hazelcast[i]),
                                "--nohostaware")));
            }
            for (PortalNode node : nodes) {
                node.start().awaitServing();
            }
            LoadBalancer balancer = LoadBalancer.start(logs, port, nodes);
            return new ClusterRun(services, List.copyOf(nodes), balancer, Duration.ofNanos(System.nanoTime() - started),
                    settings);
        } catch (Exception | Error e) {
            nodes.forEach(PortalNode::stop);
            services.close();
            throw e;
        }
    }

    /** The portal's address through the load balancer. */
    public String url() {
        return balancer.url();
    }

    public List<PortalNode> nodes() {
        return nodes;
    }

    public PortalNode node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    /** Rewrites the nodes' settings file (the demo's settings with {@code extra} over them): read at a node's next start. */
    public void writeSettings(Map<String, String> extra) {
        Map<String, String> all = new java.util.LinkedHashMap<>(services.portalSettings());
        all.putAll(extra);
        EmbeddedServices.writeProperties(all, settings);
    }

    public EmbeddedServices services() {
        return services;
    }

    public Duration startup() {
        return startup;
    }

    @Override
    public void close() {
        balancer.close();
        nodes.forEach(PortalNode::stop);
        services.close();
    }
}
