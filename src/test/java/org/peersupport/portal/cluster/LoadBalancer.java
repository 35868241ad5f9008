package org.peersupport.portal.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.peersupport.portal.support.PortalNode;

/**
 * HAProxy from the operating system's packages in front of the nodes, as docs/operations.md configures it for
 * production: sticky sessions by an inserted cookie ({@value #COOKIE}, naming the node), health checks on each
 * node's liveness, and a request whose node is gone sent to another one ({@code option redispatch}). The response
 * header {@code X-Portal-Node} names the node that served it (for the tests; production leaves it out).
 */
public final class LoadBalancer implements AutoCloseable {

    /** The cookie that keeps a browser on its node. */
    public static final String COOKIE = "PORTALNODE";
    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;

    private LoadBalancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static LoadBalancer start(Path directory, int port, List<PortalNode> nodes) throws IOException, InterruptedException {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("HAProxy is not installed: the cluster needs a real load balancer in front of "
                    + "its nodes. Install it with: sudo apt-get install -y haproxy");
        }
        Path config = Files.createDirectories(directory).resolve("haproxy.cfg");
        Files.writeString(config, configuration(port, nodes));
        Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy stopped (exit code " + process.exitValue() + "): see "
                        + directory.resolve("haproxy.log"));
            }
            if (listening(port)) {
                return new LoadBalancer(process, port);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        throw new IllegalStateException("HAProxy did not listen on port " + port);
    }

    /** The configuration: the same as docs/operations.md's production example, on loopback. */
    static String configuration(int port, List<PortalNode> nodes) {
        String servers = nodes.stream().map(node -> "    server " + node.name() + " 127.0.0.1:" + node.port()
                + " check cookie " + node.name()).collect(Collectors.joining("\n"));
        return """
                global
                    maxconn 4096

                defaults
                    mode http
                    option httplog
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch

                frontend portal
                    bind 127.0.0.1:%d
                    default_backend nodes

                backend nodes
                    balance roundrobin
                    cookie %s insert indirect nocache httponly
                    option httpchk GET /health/live
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                    http-response set-header X-Portal-Node %%[srv_name]
                %s
                """.formatted(port, COOKIE, servers);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The portal's address through the load balancer (loopback, IPv4: where it listens). */
    public String url() {
        return "http://127.0.0.1:" + port + "/portal/";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
