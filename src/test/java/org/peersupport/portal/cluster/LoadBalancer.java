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
    private final Path adminSocket;

    private LoadBalancer(Process process, int port, Path adminSocket) {
        this.process = process;
        this.port = port;
        this.adminSocket = adminSocket;
    }

    public static LoadBalancer start(Path directory, int port, List<PortalNode> nodes) throws IOException, InterruptedException {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("HAProxy is not installed: the cluster needs a real load balancer in front of "
                    + "its nodes. Install it with: sudo apt-get install -y haproxy");
        }
        Path config = Files.createDirectories(directory).resolve("haproxy.cfg");
        Path adminSocket = directory.resolve("haproxy-admin.sock");
        Files.deleteIfExists(adminSocket);
        Files.writeString(config, configuration(port, nodes, adminSocket));
        Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("haproxy.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy stopped (exit code " + process.exitValue() + "): see "
                        + directory.resolve("haproxy.log"));
            }
            if (listening(port)) {
                return new LoadBalancer(process, port, adminSocket);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        throw new IllegalStateException("HAProxy did not listen on port " + port);
    }

    /** The configuration: the same as docs/operations.md's production example, on loopback. */
    static String configuration(int port, List<PortalNode> nodes, Path adminSocket) {
        String servers = nodes.stream().map(node -> "    server " + node.name() + " 127.0.0.1:" + node.port()
                + " check cookie " + node.name()).collect(Collectors.joining("\n"));
        return """
                global
                    maxconn 4096
                    stats socket %s mode 600 level admin

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
                    timeout check 5s
                    default-server inter 2s fall 3 rise 2
                    http-response set-header X-Portal-Node %%[srv_name]
                %s
                """.formatted(adminSocket, port, COOKIE, servers);
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
    /**
     * Takes a node out of service before it is stopped ({@code maint}: no new request goes to it, and its people's
     * next requests go to the other node), and waits until the requests it is serving have finished.
     */
    public void drain(PortalNode node) throws IOException, InterruptedException {
        admin("set server nodes/" + node.name() + " state maint");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (stat(node, "scur") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(node.name() + " still serves requests a minute after it was drained");
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the load balancer's counter, not standing in for a condition
        }
    }

    /** Puts a node back into service and waits until its health check passes. */
    public void restore(PortalNode node) throws IOException, InterruptedException {
        admin("set server nodes/" + node.name() + " state ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!statText(node, "status").startsWith("UP")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(node.name() + " is not UP in the load balancer a minute after it was restored");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The load balancer's view of a node: UP, DOWN, MAINT... */
    public String status(PortalNode node) throws IOException {
        return statText(node, "status");
    }

    private long stat(PortalNode node, String field) throws IOException {
        String value = statText(node, field);
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    /** One field of {@code show stat} (CSV, header first) for the node's line. */
    private String statText(PortalNode node, String field) throws IOException {
        String[] lines = admin("show stat").split("\n");
        List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(","));
        int column = header.indexOf(field);
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (cells.length > column && cells[0].equals("nodes") && cells[1].equals(node.name())) {
                return cells[column];
            }
        }
        throw new IllegalStateException("HAProxy does not know " + node.name());
    }

    /** A command on HAProxy's runtime API (its admin socket); returns the answer. */
    String admin(String command) throws IOException {
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            channel.connect(java.net.UnixDomainSocketAddress.of(adminSocket));
            channel.write(java.nio.ByteBuffer.wrap((command + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

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
