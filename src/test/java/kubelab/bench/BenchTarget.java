package kubelab.bench;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashMap;
import kubelab.cluster.Cluster;
import kubelab.server.ClusterThread;
import kubelab.server.KubeApiServer;

/**
 * One API server under measurement, on a free plain-HTTP loopback port: its name, its base URL,
 * the bearer token to send, and how to stop it.
 *
 * <p>Real Kubernetes: none; kube-apiserver's own benchmarks drive a test server the same way
 * ({@code test/integration/framework}).
 */
record BenchTarget(String name, String base, String token, AutoCloseable stop) implements AutoCloseable {
    static final String TOKEN = "bench-token";
    /** The mock logs every request at INFO through java.util.logging; on a console that would be what is measured. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    /**
     * {@code kubelab serve}'s server over a cluster with no nodes (no kubelets competing for the
     * cores), its clock at real time; the token is a member of system:masters.
     */
    static BenchTarget kubelab() throws Exception {
        String tokens = TOKEN + ",bench-admin,1,\"system:masters\"\n";
        ClusterThread cluster = new ClusterThread(Cluster.builder().nodes(0).tokens(tokens).start(Instant.now()).build(), 1.0);
        KubeApiServer server = KubeApiServer.start(cluster, KubeApiServer.Options.plainHttp(0));
        return new BenchTarget("kubelab serve", "127.0.0.1:" + server.httpPort(), TOKEN, () -> {
            server.close();
            cluster.close();
        });
    }

    /** fabric8's mock API server in CRUD mode (it stores what it is sent; it ignores the token). */
    static BenchTarget mock() {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer mock = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        mock.init(InetAddress.getLoopbackAddress(), 0);
        return new BenchTarget("kubernetes-server-mock 8.0.0 (CRUD)", "127.0.0.1:" + mock.getPort(), TOKEN, mock::destroy);
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
