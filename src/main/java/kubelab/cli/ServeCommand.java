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
import java.security.SecureRandom;
import kubelab.api.core.Node;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.encryption.DecryptionException;
import kubelab.apiserver.encryption.EncryptionConfiguration;
import kubelab.apiserver.encryption.EncryptionConfigurationException;
import kubelab.client.leaderelection.LeaderElectionConfig;
import kubelab.cluster.Cluster;
import kubelab.store.StoreException;
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
                "  kubelab serve --nodes 5 --speed 60 --http-port 8080",
                "  kubelab serve --data-dir ./state             # the cluster survives a restart",
                "  kubelab serve --store etcd=http://127.0.0.1:2379"},
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

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "certificates, tokens, kubeconfig, the encryption key and (if given) the durable store (default: ~/.kubelab)")
    private Path dataDir;

    @Option(names = "--store", paramLabel = "STORE",
            description = "where the cluster's state lives: memory, durable (DATA_DIR/store) or etcd=http://HOST:PORT[,...] "
                    + "(default: durable when --data-dir is given, else memory)")
    private String store;

    @Option(names = "--encryption-provider-config", paramLabel = "FILE",
            description = "how Secrets are encrypted at rest, as kube-apiserver's flag (default: DATA_DIR/encryption-config.yaml, made on first start)")
    private Path encryptionConfig;

    @Option(names = "--node-prefix", paramLabel = "P", defaultValue = "node-",
            description = "the simulated nodes are P1, P2, ... (default: ${DEFAULT-VALUE}); give servers sharing one etcd different ones")
    private String nodePrefix;

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
        ServeStorage.Opened storage;
        try {
            EncryptionConfiguration encryption = encryptionConfig != null ? EncryptionConfiguration.load(encryptionConfig)
                    : EncryptionConfiguration.loadOrCreate(dir);
            storage = ServeStorage.open(ServeStorage.parse(store, dir, dataDir != null), encryption);
        } catch (EncryptionConfigurationException | IllegalArgumentException e) {
            err.println("kubelab serve: " + e.getMessage());
            return 2;
        } catch (StoreException | java.io.IOException e) {
            err.println("kubelab serve: cannot open the store: " + e.getMessage());
            return 1;
        }

        // A store that outlives the process may hold another run's objects, or be shared with
        // another server: a fixed seed would make the same uids and names again.
        boolean seedGiven = spec.commandLine().getParseResult().hasMatchedOption("--seed");
        Cluster.Builder builder = Cluster.builder().store(storage.store())
                .seed(storage.persistent() && !seedGiven ? new SecureRandom().nextLong() : seed)
                .tokens(credentials.tokenCsv()).anonymous(anonymous).start(Instant.now()).nodes(0);
        for (int i = 1; i <= nodes; i++) {
            builder.node(Node.named(nodePrefix + i));
        }
        if (storage.shared()) {
            builder.leaderElection(new Cluster.LeaderElection(LeaderElectionConfig.identity(hostname(), new SecureRandom()),
                    () -> new Thread(() -> {
                        err.println("kubelab serve: the controller manager lost its Lease (kube-system/kube-controller-manager); "
                                + "stopping, as kube-controller-manager exits. Start the server again.");
                        err.flush();
                        System.exit(1);
                    }, "kubelab-serve-lost-lease").start()));
        }
        Cluster cluster;
        try {
            cluster = builder.build();
        } catch (DecryptionException e) {
            err.println("kubelab serve: " + e.getMessage());
            storage.store().close();
            return 1;
        }
        try {
            cluster.api().create(credentials.viewerBinding());
        } catch (ApiException e) {
            if (e.code() != 409) {   // 409: a store that outlived a run has it already
                throw e;
            }
        }
        int reencrypted = storage.store().rewriteStale();   // after a key rotation: every Secret under the new key
        cluster.settle();
        ClusterThread thread = new ClusterThread(cluster, speed);
        if (storage.handOff() != null) {
            storage.handOff().deliverOn(thread);   // a real etcd's watch events, to the cluster thread
        }
        char[] password = "kubelab".toCharArray();
        KubeApiServer server;
        try {
            server = KubeApiServer.start(thread, new KubeApiServer.Options(address, port, httpPort,
                    pki.serverKeyStore(password), password));
        } catch (IOException e) {
            thread.close();
            storage.store().close();
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
        out.println("  store: " + storage.description() + "; Secrets encrypted at rest"
                + (reencrypted > 0 ? " (" + reencrypted + " re-encrypted with the current key)" : ""));
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
            try {
                thread.call(c -> {
                    c.releaseLeases();   // another server on the same etcd takes over at once
                    return null;
                });
            } catch (RuntimeException e) {
                // stopping anyway
            }
            thread.close();
            storage.store().close();
            stopped.countDown();
        }, "kubelab-serve-stop"));
        stopped.await();
        return 0;
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
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
