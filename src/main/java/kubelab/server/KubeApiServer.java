package kubelab.server;

import java.security.KeyStore;
import java.util.Map;
import java.util.function.Supplier;
import kubelab.server.metrics.ApiMetrics;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The API server over HTTP: Jetty listening on an HTTPS port (and, for learning, an optional
 * plain-HTTP one), every request handed to {@link ApiHandler}. The cluster behind it is the same
 * in-process cluster the course drives, pumped in real time by a {@link ClusterThread}.
 *
 * <pre>{@code
 * var cluster = new ClusterThread(Cluster.builder().start(Instant.now()).tokens(csv).build(), 1.0);
 * try (var server = KubeApiServer.start(cluster, Options.plainHttp(0))) {
 *     System.out.println("http://127.0.0.1:" + server.httpPort());
 * }
 * }</pre>
 *
 * <p>Real Kubernetes: {@code SecureServingInfo.Serve} in {@code k8s.io/apiserver/pkg/server/secure_serving.go}.
 */
public final class KubeApiServer implements AutoCloseable {
    /** The version the server reports ({@code /version}, OpenAPI): the API it models. */
    public static final String GIT_VERSION = "v1.32.0-kubelab";
    /** Long enough for a quiet watch: Jetty would otherwise close a connection idle for 30 s. */
    private static final long IDLE_TIMEOUT_MS = 65 * 60 * 1000L;

    /**
     * Where to listen.
     *
     * @param host      the address to bind, e.g. 127.0.0.1
     * @param httpsPort the TLS port (0: any free one; -1: none)
     * @param httpPort  the plain-HTTP port (0: any free one; -1: none)
     * @param keyStore  the serving certificate and key (alias {@code apiserver}); needed for HTTPS
     */
    public record Options(String host, int httpsPort, int httpPort, KeyStore keyStore, char[] keyStorePassword) {
        public static Options plainHttp(int port) {
            return new Options("127.0.0.1", -1, port, null, null);
        }
    }

    private final Server server;
    private final ServerConnector https;
    private final ServerConnector http;
    private final ApiMetrics metrics;

    private KubeApiServer(Server server, ServerConnector https, ServerConnector http, ApiMetrics metrics) {
        this.server = server;
        this.https = https;
        this.http = http;
        this.metrics = metrics;
    }

    /** Starts serving {@code cluster}; returns once the ports are open. */
    public static KubeApiServer start(ClusterThread cluster, Options options) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("kubelab-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        Supplier<Map<String, Long>> objects = () -> cluster.call(c -> StorageCounts.of(c.api()));
        ApiMetrics metrics = new ApiMetrics(objects);
        ServerConnector https = null;
        ServerConnector http = null;
        if (options.httpsPort() >= 0) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(options.keyStore());
            tls.setKeyStorePassword(new String(options.keyStorePassword()));
            HttpConfiguration config = new HttpConfiguration();
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            config.addCustomizer(secure);
            https = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(config));
            https.setHost(options.host());
            https.setPort(options.httpsPort());
            https.setIdleTimeout(IDLE_TIMEOUT_MS);
            server.addConnector(https);
        }
        if (options.httpPort() >= 0) {
            http = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration()));
            http.setHost(options.host());
            http.setPort(options.httpPort());
            http.setIdleTimeout(IDLE_TIMEOUT_MS);
            server.addConnector(http);
        }
        ServerWebSocketContainer webSockets = ServerWebSocketContainer.ensure(server);
        webSockets.setIdleTimeout(java.time.Duration.ofMillis(IDLE_TIMEOUT_MS));
        server.setHandler(new ApiHandler(cluster, metrics, new WriteBatches(threads, Runtime.getRuntime().availableProcessors()), webSockets, GIT_VERSION));
        server.setStopTimeout(2_000);
        server.start();
        return new KubeApiServer(server, https, http, metrics);
    }

    /** The HTTPS port (-1 if none). */
    public int httpsPort() {
        return https == null ? -1 : https.getLocalPort();
    }

    /** The plain-HTTP port (-1 if none). */
    public int httpPort() {
        return http == null ? -1 : http.getLocalPort();
    }

    public ApiMetrics metrics() {
        return metrics;
    }

    /** Stops listening; open watches end. */
    @Override
    public void close() throws Exception {
        server.stop();
    }
}
