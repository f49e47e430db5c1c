package kubelab.store.etcd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A single-member etcd on loopback, started from Debian's {@code etcd-server} package
 * ({@code /usr/bin/etcd}) with a data directory of its own: for tests, benchmarks and notebook
 * cells. {@link #restart} stops it and starts it again on the same directory and ports, as an etcd
 * restarted by its supervisor would be.
 *
 * <p>Real Kubernetes: kubeadm runs etcd as a static pod; the command line is the same shape.
 */
public final class LocalEtcd implements AutoCloseable {
    /** Where Debian's etcd-server package puts the server. */
    public static final Path BINARY = Path.of("/usr/bin/etcd");
    /** What to tell a user without it. */
    public static final String INSTALL_HINT = "etcd is not installed: apt-get install etcd-server etcd-client "
            + "(./kubelab test installs it when run as root)";

    private final Path dataDir;
    private final boolean ownDir;
    private final int clientPort;
    private final int peerPort;
    private Process process;

    private LocalEtcd(Path dataDir, boolean ownDir, int clientPort, int peerPort) {
        this.dataDir = dataDir;
        this.ownDir = ownDir;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
    }

    /** Whether {@code /usr/bin/etcd} is there to start. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts an etcd on free loopback ports, in a new temporary directory, and waits until it answers. */
    public static LocalEtcd start() throws IOException {
        if (!installed()) {
            throw new IOException(INSTALL_HINT);
        }
        // A port found free may be taken by another process before etcd binds it: then etcd
        // exits at once, and another pair of ports is tried.
        for (int attempt = 1; ; attempt++) {
            LocalEtcd etcd = new LocalEtcd(Files.createTempDirectory("kubelab-etcd"), true, freePort(), freePort());
            try {
                etcd.launch();
                return etcd;
            } catch (IOException e) {
                etcd.close();
                if (attempt == 5 || !String.valueOf(e.getMessage()).contains("address already in use")) {
                    throw e;
                }
            }
        }
    }

    /** The client URL, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + clientPort);
    }

    /** Stops etcd (SIGTERM, then SIGKILL after 10 s). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops etcd and starts it again on the same data directory and ports. */
    public void restart() throws IOException {
        stop();
        launch();
    }

    private void launch() throws IOException {
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        process = new ProcessBuilder(List.of(BINARY.toString(), "--name", "kubelab", "--data-dir", dataDir.resolve("etcd").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "kubelab=" + peer, "--log-level", "error"))
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("etcd.log").toFile()).start();
        // Up when its client port takes connections: poll, a few milliseconds apart, for at most 20 s.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("etcd exited with " + process.exitValue() + "; see " + dataDir.resolve("etcd.log")
                        + ": " + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", clientPort), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting etcd");
                }
            }
        }
        stop();
        throw new IOException("etcd did not listen on " + client + " within 20 s: " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("etcd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops etcd and removes its data directory. */
    @Override
    public void close() {
        stop();
        if (ownDir) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: left for the system to clean
            }
        }
    }
}
