package kubelab.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kubelab.cluster.Cluster;
import kubelab.server.pki.Credentials;
import kubelab.server.pki.Kubeconfig;
import kubelab.server.pki.Pki;

/**
 * What {@code kubelab serve} sets up, in the test's process: a CA and serving certificate, the
 * admin and viewer tokens, a real-time cluster behind HTTPS on a free port, and a kubeconfig, so
 * a test can run the real kubectl against it. The cluster's clock runs {@value #SPEED} times
 * faster than the wall clock, so rollouts finish in a moment.
 */
final class ServeFixture implements AutoCloseable {
    static final double SPEED = 30;

    final Path dir;
    final Pki pki;
    final Credentials credentials;
    final ClusterThread cluster;
    final KubeApiServer server;
    final Path kubeconfig;

    ServeFixture(Path dir) throws Exception {
        this.dir = dir;
        this.pki = Pki.loadOrCreate(dir, List.of());
        this.credentials = Credentials.loadOrCreate(dir);
        Cluster c = Cluster.builder().nodes(2).tokens(credentials.tokenCsv()).start(Instant.now()).build();
        c.api().create(credentials.viewerBinding());
        c.settle();
        this.cluster = new ClusterThread(c, SPEED);
        char[] password = "test".toCharArray();
        this.server = KubeApiServer.start(cluster, new KubeApiServer.Options("127.0.0.1", 0, -1,
                pki.serverKeyStore(password), password));
        this.kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, Kubeconfig.render("https://127.0.0.1:" + server.httpsPort(), pki.caPem(), credentials));
    }

    /** What one kubectl run printed, and how it exited. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code kubectl} (the binary at {@code kubectl}) with this server's kubeconfig and a cache of its own. */
    Result kubectl(Path kubectl, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("cache-" + kubectl.getParent().getParent().getFileName()).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", dir.toString());
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts kubectl without waiting for it (for {@code get -w}); its stdout is read line by line. */
    Process start(Path kubectl, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("cache-" + kubectl.getParent().getParent().getFileName()).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", dir.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    @Override
    public void close() throws Exception {
        server.close();
        cluster.close();
    }
}
