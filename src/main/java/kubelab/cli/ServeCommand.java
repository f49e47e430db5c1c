package kubelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kubelab.cluster.Cluster;
import kubelab.server.ClusterThread;
import kubelab.server.KubeApiServer;
import kubelab.server.pki.Credentials;
import kubelab.server.pki.Kubeconfig;
import kubelab.server.pki.Pki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kubelab serve}: a real-time cluster (control plane and simulated nodes) behind an HTTPS
 * Kubernetes API, for the real kubectl and the fabric8 client. On first start it makes a CA, a
 * serving certificate and two tokens (an admin and a read-only viewer) in the data directory, and
 * writes a kubeconfig there that kubectl can use as it is. It stops cleanly on Ctrl-C or SIGTERM.
 *
 * <p>Real Kubernetes: {@code kube-apiserver} with {@code --secure-port}, {@code --token-auth-file},
 * {@code --authorization-mode=RBAC}, and a cluster like kind's behind it.
 */
@Command(name = "serve",
        description = {"Run a real-time cluster behind an HTTPS Kubernetes API server that the real kubectl can use.",
                "",
                "The first start makes a CA, a serving certificate (127.0.0.1, localhost) and two bearer tokens in the "
                        + "data directory, and writes DATA_DIR/kubeconfig with two contexts: kubelab (admin) and "
                        + "kubelab-viewer (read-only). `kubelab kubeconfig` prints it."},
        footer = {"", "Examples:", "  kubelab serve",
                "  kubectl --kubeconfig ~/.kubelab/kubeconfig get nodes",
                "  kubelab serve --nodes 5 --speed 60 --http-port 8080"},
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--port", paramLabel = "P", defaultValue = "6443", description = "HTTPS port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--http-port", paramLabel = "P", defaultValue = "-1",
            description = "also serve plain HTTP on this port, for learning with curl (default: off)")
    private int httpPort;

    @Option(names = "--address", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "the address to listen on (default: ${DEFAULT-VALUE})")
    private String address;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "3", description = "simulated nodes (default: ${DEFAULT-VALUE})")
    private int nodes;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "run cluster time X times faster than the wall clock, for demos (default: ${DEFAULT-VALUE})")
    private double speed;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the random source (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "certificates, tokens and kubeconfig (default: ~/.kubelab)")
    private Path dataDir;

    @Option(names = "--anonymous", description = "serve requests without a token as system:anonymous instead of 401")
    private boolean anonymous;

    static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".kubelab");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(speed > 0) || Double.isInfinite(speed)) {
            err.println("kubelab serve: --speed must be a positive number, got " + speed);
            return 2;
        }
        if (nodes < 0) {
            err.println("kubelab serve: --nodes must be 0 or more, got " + nodes);
            return 2;
        }
        Path dir = dataDir != null ? dataDir : defaultDataDir();
        Files.createDirectories(dir);
        Pki pki = Pki.loadOrCreate(dir, List.of(address));
        Credentials credentials = Credentials.loadOrCreate(dir);

        Cluster cluster = Cluster.builder().nodes(nodes).seed(seed).tokens(credentials.tokenCsv())
                .anonymous(anonymous).start(Instant.now()).build();
        cluster.api().create(credentials.viewerBinding());
        cluster.settle();
        ClusterThread thread = new ClusterThread(cluster, speed);
        char[] password = "kubelab".toCharArray();
        KubeApiServer server;
        try {
            server = KubeApiServer.start(thread, new KubeApiServer.Options(address, port, httpPort,
                    pki.serverKeyStore(password), password));
        } catch (IOException e) {
            thread.close();
            err.println("kubelab serve: cannot listen on " + address + ":" + port
                    + (httpPort >= 0 ? " or :" + httpPort : "") + ": " + e.getMessage());
            return 1;
        }
        String url = "https://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + server.httpsPort();
        Path kubeconfig = dir.resolve("kubeconfig");
        writePrivate(kubeconfig, Kubeconfig.render(url, pki.caPem(), credentials));

        out.println("kubelab serve: the API server listens on " + url
                + (server.httpPort() >= 0 ? " and http://" + address + ":" + server.httpPort() : ""));
        out.println("  " + nodes + " node" + (nodes == 1 ? "" : "s") + ", cluster time at " + speed + "x the wall clock");
        out.println("  kubeconfig: " + kubeconfig + " (contexts kubelab and kubelab-viewer)");
        out.println("  try: kubectl --kubeconfig " + kubeconfig + " get nodes");
        out.println("  stop with Ctrl-C");
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            }
            thread.close();
            stopped.countDown();
        }, "kubelab-serve-stop"));
        stopped.await();
        return 0;
    }

    static void writePrivate(Path file, String text) throws IOException {
        Files.writeString(file, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps its default permissions
        }
    }
}
