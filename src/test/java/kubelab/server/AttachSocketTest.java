package kubelab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import kubelab.api.core.Pod;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.WatchEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attach subresource's channel protocol as a client sees it on the wire: a WebSocket in
 * {@code v5.channel.k8s.io}, binary messages whose first byte is the channel.
 */
@Tag("chapter1")
@DisplayName("pods/attach over WebSocket")
class AttachSocketTest {
    @TempDir
    static Path dir;
    static ServeFixture serve;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeFixture(dir);
        http = HttpClient.newBuilder().sslContext(serve.pki.clientContext()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
    }

    /** Creates a pod and returns once its container runs, told by a watch (no polling). */
    private static void runningPod(String name, String command) throws Exception {
        Pod pod = Json.yamlMapper().readValue("""
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: default}
                spec:
                  restartPolicy: Never
                  containers:
                  - {name: main, image: busybox, command: ["sh", "-c", "%s"]}
                """.formatted(name, command), Pod.class);
        CompletableFuture<Void> running = new CompletableFuture<>();
        ApiWatch watch = serve.cluster.call(c -> {
            c.api().create(pod);
            return c.api().watch(Pod.class, "default", ListOptions.ALL.withFieldSelector("metadata.name=" + name),
                    Runnable::run, (WatchEvent<Pod> e) -> {
                        var status = e.object() == null ? null : e.object().status();
                        if (status != null && status.containerStatuses().stream()
                                .anyMatch(s -> s.state() != null && s.state().running() != null)) {
                            running.complete(null);
                        }
                    });
        });
        try {
            running.get(60, TimeUnit.SECONDS);
        } finally {
            serve.cluster.execute(watch::close);
        }
    }

    private static URI attachUri(String pod, String query) {
        return URI.create("wss://127.0.0.1:" + serve.server.httpsPort() + "/api/v1/namespaces/default/pods/" + pod
                + "/attach?" + query);
    }

    /** Every binary message of one attach, in order, until the server closes the socket. */
    private static final class Frames implements WebSocket.Listener {
        final List<byte[]> messages = new ArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            partial.writeBytes(chunk);
            if (last) {
                synchronized (messages) {
                    messages.add(partial.toByteArray());
                }
                partial.reset();
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            closed.complete(status);
            return null;
        }

        String channel(int channel) {
            StringBuilder text = new StringBuilder();
            synchronized (messages) {
                for (byte[] m : messages) {
                    if (m.length > 0 && m[0] == channel) {
                        text.append(new String(m, 1, m.length - 1, StandardCharsets.UTF_8));
                    }
                }
            }
            return text.toString();
        }
    }

    @Test
    @DisplayName("with a terminal, output lines end in CR LF; input is taken and dropped; a Success Status on channel 3 ends the stream with the container")
    void terminalOutputAndStatus() throws Exception {
        runningPod("teller", "sleep 60; echo one; sleep 60; echo two");
        Frames frames = new Frames();
        WebSocket socket = http.newWebSocketBuilder().subprotocols("v5.channel.k8s.io")
                .header("Authorization", "Bearer " + serve.credentials.adminToken())
                .buildAsync(attachUri("teller", "container=main&stdin=true&stdout=true&tty=true"), frames)
                .get(30, TimeUnit.SECONDS);
        assertThat(socket.getSubprotocol()).isEqualTo("v5.channel.k8s.io");
        socket.sendBinary(ByteBuffer.wrap("\0typed but never read\n".getBytes(StandardCharsets.UTF_8)), true)
                .get(10, TimeUnit.SECONDS);

        assertThat(frames.closed.get(60, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(frames.channel(1)).isEqualTo("one\r\ntwo\r\n");
        assertThat(Json.mapper().readTree(frames.channel(3)).path("status").asText()).isEqualTo("Success");
    }

    /** The answer to an upgrade the server refuses. */
    private static HttpResponse<?> refused(String pod, String query, String token) throws Exception {
        try {
            http.newWebSocketBuilder().subprotocols("v5.channel.k8s.io").header("Authorization", "Bearer " + token)
                    .buildAsync(attachUri(pod, query), new Frames()).get(30, TimeUnit.SECONDS).abort();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse();
            }
            throw e;
        }
        throw new AssertionError("the upgrade was accepted");
    }

    @Test
    @DisplayName("a container the pod does not have is a 400, and a user without create on pods/attach a 403, before any upgrade")
    void refusals() throws Exception {
        runningPod("brief", "sleep 3600");
        HttpResponse<?> noSuchContainer = refused("brief", "container=nope&stdout=true", serve.credentials.adminToken());
        assertThat(noSuchContainer.statusCode()).isEqualTo(400);
        assertThat(String.valueOf(noSuchContainer.body())).contains("container nope is not valid for pod brief");

        HttpResponse<?> viewer = refused("brief", "container=main&stdout=true", serve.credentials.viewerToken());
        assertThat(viewer.statusCode()).as("attach needs create on pods/attach").isEqualTo(403);
    }
}
