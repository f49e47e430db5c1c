package kubelab.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import kubelab.cluster.Cluster;

/**
 * A real-time cluster behind {@code KubeApiServer} on a free plain-HTTP port, for tests that talk
 * to it as a client would: with a bearer token, over HTTP. Its clock runs {@value #SPEED} times
 * faster than the wall clock, so a pod starts in milliseconds; tests wait on watches, never sleep.
 */
final class LiveServer implements AutoCloseable {
    static final double SPEED = 50;
    static final String ADMIN = "admin-token";
    static final String VIEWER = "viewer-token";
    static final String TOKENS = ADMIN + ",kubelab-admin,1,\"system:masters\"\n" + VIEWER + ",kubelab-viewer,2,\n";

    final ClusterThread cluster;
    final KubeApiServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    LiveServer(int nodes) throws Exception {
        this.cluster = new ClusterThread(Cluster.builder().nodes(nodes).tokens(TOKENS).start(Instant.now()).build(), SPEED);
        this.server = KubeApiServer.start(cluster, KubeApiServer.Options.plainHttp(0));
        cluster.call(c -> c.apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: kubelab-viewer}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: kubelab-viewer}]
                """));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + pathAndQuery);
    }

    HttpRequest.Builder request(String token, String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> get(String token, String pathAndQuery) throws IOException, InterruptedException {
        return client.send(request(token, pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String token, String method, String pathAndQuery, String contentType, String body)
            throws IOException, InterruptedException {
        return client.send(request(token, pathAndQuery).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.close();
        cluster.close();
    }
}
