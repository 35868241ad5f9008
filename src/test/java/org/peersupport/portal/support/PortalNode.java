package org.peersupport.portal.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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

/**
 * One Payara Micro process serving the portal, as the demo, the cluster and the outage tests start it: its own
 * JVM, port, settings file ({@code --systemProperties}), temporary folder and log. Alone it runs with
 * {@code --nocluster}; as a member of a cluster it gets the Hazelcast options that {@link ClusterRun} hands it.
 */
public final class PortalNode implements AutoCloseable {

    /**
     * How long a node may take from its start to its first page: the demo's first start loads its story, and on a
     * two-core machine busy with other builds a start has taken over four minutes.
     */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private Process process;

    private PortalNode(String name, int port, Path log, List<String> command) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    /**
     * A node not yet started. {@code clusterOptions} are Payara Micro's options that make it a cluster member; empty,
     * it runs alone ({@code --nocluster}).
     */
    public static PortalNode of(String name, Path target, int port, Path settings, Path war, Path log,
            List<String> clusterOptions) throws IOException {
        Path tmp = Files.createDirectories(target.resolve("node-tmp").resolve(name));
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m"));
        command.addAll(testJvmOptions());
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-jar", target.resolve("payara-micro.jar").toString()));
        if (clusterOptions.isEmpty()) {
            command.add("--nocluster");
        } else {
            command.addAll(clusterOptions);
        }
        command.addAll(List.of("--port", Integer.toString(port), "--systemProperties", settings.toString(),
                "--deploy", war.toString()));
        return new PortalNode(name, port, log, List.copyOf(command));
    }

    /** Starts the process (again, after {@link #kill} or {@link #stop}); {@link #awaitServing} waits for it. */
    public PortalNode start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /**
     * Waits until the sign-in page answers 200; throws with the end of the log when the process dies or the time
     * runs out.
     */
    public PortalNode awaitServing() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url() + "signin.xhtml"))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " did not start" + (process.isAlive() ? " in " + START_TIMEOUT
                : " (exit code " + process.exitValue() + ")") + ". The last lines of " + log + ":\n" + logTail(40));
    }

    /** {@code kill -9}: the JVM gets no chance to leave the cluster or finish a request. Returns once it is gone. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " is still running after kill -9");
            }
        }
    }

    /** An orderly stop (SIGTERM: Payara leaves the cluster and finishes its requests), forced after 30 s. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Whether a connection to the node's port is refused: the proof that a killed node is gone. */
    public boolean refusesConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    public Process process() {
        return process;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The node's own address of the portal, ending in {@code /portal/}. */
    public String url() {
        return "http://localhost:" + port + "/portal/";
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The JVM options the integration tests start Payara Micro with ({@code portal.node.jvm}, set by failsafe from
     * {@code it.payara.jvm} in pom.xml); none for the demo, the cluster command and the benchmarks, which run as
     * production would.
     */
    private static List<String> testJvmOptions() {
        String options = System.getProperty("portal.node.jvm", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
