package kubelab.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.auth.AuditEvent;
import kubelab.cluster.Cluster;
import kubelab.server.pki.Credentials;
import kubelab.server.pki.Kubeconfig;
import kubelab.server.pki.Pki;

/**
 * A notebook's own cluster served over HTTPS, as {@code kubelab serve} serves one, for the real
 * kubectl run from a cell: a CA, a serving certificate, tokens and a kubeconfig in a temporary
 * directory, and {@link KubeApiServer} on a free port of 127.0.0.1.
 *
 * <p>The notebook thread drives the cluster (settle, advance), so there is no cluster thread
 * here: while kubectl runs ({@link #kubectl}) or a raw watch is read ({@link #rawWatch}), the
 * calling thread pumps the cluster's loop itself ({@link ClusterThread#pumpUntil}), in real time,
 * and the HTTP threads' requests run on it. Between calls, requests wait; nothing races with the
 * cell. Cluster time moves on in real time while kubectl runs.
 *
 * <pre>{@code
 * var serve = LocalServe.start(cluster);
 * System.out.println(serve.kubectl("get pods -o wide"));
 * serve.rawWatch("/api/v1/namespaces/default/pods", 3).forEach(System.out::println);
 * }</pre>
 *
 * <p>Real Kubernetes: none as such; it is {@code kubelab serve} ({@code kube-apiserver} with
 * {@code --secure-port} and {@code --token-auth-file}) folded into the notebook's process.
 */
public final class LocalServe implements AutoCloseable {
    /** The longest a kubectl run or a raw watch may take before it is stopped. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Cluster cluster;
    private final Path dir;
    private final Credentials credentials;
    private final ClusterThread pump;
    private final KubeApiServer server;
    private final Path kubeconfig;
    private final SSLContext tls;
    private final Path kubectl;

    private LocalServe(Cluster cluster, Path dir, Credentials credentials, ClusterThread pump, KubeApiServer server,
                       Path kubeconfig, SSLContext tls, Path kubectl) {
        this.cluster = cluster;
        this.dir = dir;
        this.credentials = credentials;
        this.pump = pump;
        this.server = server;
        this.kubeconfig = kubeconfig;
        this.tls = tls;
        this.kubectl = kubectl;
    }

    /**
     * Serves {@code cluster} on a free HTTPS port of 127.0.0.1 with fresh credentials: its API
     * server learns the admin's and the viewer's tokens ({@link Cluster#addTokens}) and the viewer
     * gets the {@code view} ClusterRole, as with {@code kubelab serve}. Call from the thread that
     * drives the cluster.
     */
    public static LocalServe start(Cluster cluster) throws Exception {
        // tag::local-serve[]
        Path dir = Files.createTempDirectory("kubelab-serve");
        Pki pki = Pki.loadOrCreate(dir, List.of());               // ca.crt, apiserver.crt and keys
        Credentials credentials = Credentials.loadOrCreate(dir);   // tokens.csv: admin and viewer
        cluster.addTokens(credentials.tokenCsv());                 // as --token-auth-file
        try {
            cluster.api().create(credentials.viewerBinding());
        } catch (ApiException e) {
            if (e.code() != 409) {                                 // served before: the binding is there
                throw e;
            }
        }
        ClusterThread pump = ClusterThread.pumpedByCaller(cluster);
        char[] password = "kubelab".toCharArray();
        KubeApiServer server = KubeApiServer.start(pump, new KubeApiServer.Options("127.0.0.1", 0, -1,
                pki.serverKeyStore(password), password));
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, Kubeconfig.render("https://127.0.0.1:" + server.httpsPort(), pki.caPem(), credentials));
        // end::local-serve[]
        return new LocalServe(cluster, dir, credentials, pump, server, kubeconfig, pki.clientContext(),
                findKubectl().orElse(null));
    }

    /** The first {@code kubectl} on the PATH. */
    static Optional<Path> findKubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(java.io.File.pathSeparator)).map(d -> Path.of(d, "kubectl"))
                .filter(Files::isExecutable).findFirst();
    }

    public Cluster cluster() {
        return cluster;
    }

    /** The server's address, {@code https://127.0.0.1:PORT}. */
    public String url() {
        return "https://127.0.0.1:" + server.httpsPort();
    }

    /** The kubeconfig kubectl is run with: contexts {@code kubelab} (admin, current) and {@code kubelab-viewer}. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** Whether kubectl is on this machine's PATH; without it {@link #kubectl} only says so. */
    public boolean hasKubectl() {
        return kubectl != null;
    }

    /**
     * Runs {@code kubectl ARGS} (split at spaces; no quoting) against this server, pumping the
     * cluster until kubectl exits, and returns what it printed, stdout then stderr. Without kubectl
     * on the PATH, returns a note saying so.
     */
    public String kubectl(String args) throws IOException, InterruptedException {
        return run(null, args.trim().split("\\s+"));
    }

    /** Runs kubectl with these arguments, each as it is (for arguments with spaces, such as a shell command). */
    public String kubectl(List<String> args) throws IOException, InterruptedException {
        return run(null, args.toArray(String[]::new));
    }

    /** {@code kubectl apply -f -} with {@code manifest} on its standard input. */
    public String apply(String manifest) throws IOException, InterruptedException {
        return run(manifest, "apply", "-f", "-");
    }

    private String run(String stdin, String... args) throws IOException, InterruptedException {
        if (kubectl == null) {
            return "(kubectl is not installed on this machine, so `kubectl " + String.join(" ", args)
                    + "` was not run; install it, e.g. sudo apt-get install kubernetes-client)\n";
        }
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", dir.resolve("cache").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", dir.toString());   // no ~/.kube of the learner's is read or written
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        // kubectl's requests are served on this thread until it exits
        pump.pumpUntil(() -> !p.isAlive() || System.nanoTime() > deadline);
        if (p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        String text = Files.readString(out) + Files.readString(err);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return text;
    }

    /**
     * Opens {@code GET path?watch=true} as the admin, with the JDK's HTTP client, and returns the
     * first {@code lines} lines of the response as they came over the wire: one JSON watch event
     * each ({@code {"type":"ADDED","object":{...}}}), first an ADDED for every object that exists.
     * The calling thread pumps the cluster meanwhile.
     */
    public List<String> rawWatch(String path, int lines) throws IOException, InterruptedException {
        return readLines(path + (path.contains("?") ? "&" : "?") + "watch=true", lines);
    }

    /**
     * As a client that misses nothing does it: lists {@code path}, runs {@code change} on the
     * cluster (here, on the calling thread), then watches from the list's resourceVersion and
     * returns the first {@code lines} lines: the change, and what the cluster's components did
     * about it while the calling thread pumped.
     */
    public List<String> rawWatch(String path, int lines, Consumer<Cluster> change)
            throws IOException, InterruptedException {
        String list = String.join("\n", readLines(path, Integer.MAX_VALUE));
        String resourceVersion = Json.mapper().readTree(list).at("/metadata/resourceVersion").asText("");
        change.accept(cluster);
        return readLines(path + (path.contains("?") ? "&" : "?") + "watch=true&resourceVersion=" + resourceVersion, lines);
    }

    /** The first {@code lines} lines of {@code GET pathAndQuery}, read while this thread pumps. */
    private List<String> readLines(String pathAndQuery, int lines) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                .header("Authorization", "Bearer " + credentials.adminToken())
                .header("Accept", "application/json").GET().build();
        List<String> got = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reading = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> read(response, lines, got));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        pump.pumpUntil(() -> reading.isDone() || System.nanoTime() > deadline);
        reading.cancel(true);
        synchronized (got) {
            return List.copyOf(got);
        }
    }

    private static void read(HttpResponse<InputStream> response, int lines, List<String> into) {
        try (InputStream body = response.body();
             var reader = new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                into.add(response.statusCode() + " " + reader.readLine());
                return;
            }
            for (String line = reader.readLine(); line != null && into.size() < lines; line = reader.readLine()) {
                into.add(line);
                if (into.size() >= lines) {
                    return;
                }
            }
        } catch (IOException e) {
            into.add("(the watch ended: " + e.getMessage() + ")");
        }
    }

    /** The audited requests of the admin this server's kubeconfig uses (kubectl's, and raw watches'), oldest first. */
    public List<AuditEvent> requests() {
        return cluster.audit().events().stream()
                .filter(e -> e.user() != null && e.user().username().equals(Credentials.ADMIN_USER))
                .toList();
    }

    /** Stops the server and removes the temporary directory (certificates, tokens, kubeconfig, cache). */
    @Override
    public void close() throws Exception {
        // Jetty's stop waits for requests in flight, which need the pump: pump until it has stopped.
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pump.pumpUntil(stopped::isDone);
        pump.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
