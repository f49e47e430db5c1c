package kubelab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watch fan-out: {@code watchers} WebSocket watches of one namespace's ConfigMaps (the only watch
 * the mock serves; kubelab serves it too, as fabric8's client asks for it), then {@code events}
 * creates, one at a time; for each watcher and each create, the delay from sending the create to
 * that watcher receiving its ADDED event.
 *
 * <p>Real Kubernetes: none; the cacher's fan-out is what is measured ({@code cacheWatcher}).
 */
final class WatchFanOut {
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"fan-(\\d+)\"");

    private final BenchTarget target;
    private final HttpLoad load;
    private final int watchers;
    private final int events;
    private final long[] sentAt;
    private final long[][] receivedAt;
    private final CountDownLatch[] delivered;

    WatchFanOut(BenchTarget target, HttpLoad load, int watchers, int events) {
        this.target = target;
        this.load = load;
        this.watchers = watchers;
        this.events = events;
        this.sentAt = new long[events + 1];
        this.receivedAt = new long[watchers][events + 1];
        this.delivered = new CountDownLatch[events + 1];
        for (int e = 0; e <= events; e++) {
            delivered[e] = new CountDownLatch(watchers);
        }
    }

    /** Runs the measurement; returns the delays, or throws if a watcher missed an event. */
    long[] run(String namespace) throws Exception {
        // several clients, so one selector thread does not carry every socket
        List<HttpClient> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }
        URI uri = URI.create("ws://" + target.base() + "/api/v1/namespaces/" + namespace + "/configmaps?watch=true");
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int w = 0; w < watchers; w++) {
            opening.add(clients.get(w % clients.size()).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + target.token()).buildAsync(uri, new Watcher(w)));
        }
        List<WebSocket> sockets = new ArrayList<>();
        for (CompletableFuture<WebSocket> f : opening) {
            sockets.add(f.get(60, TimeUnit.SECONDS));
        }
        try {
            // event 0 proves every watch is registered on the server; events 1..n are measured
            for (int e = 0; e <= events; e++) {
                sentAt[e] = System.nanoTime();
                load.send(load.post("/api/v1/namespaces/" + namespace + "/configmaps",
                        HttpBench.configMap(namespace, "fan-" + e)));
                if (!delivered[e].await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(delivered[e].getCount() + " of " + watchers
                            + " watchers did not receive event " + e);
                }
                Thread.sleep(50);   // let the previous fan-out drain (a benchmark pause, not a test's)
            }
        } finally {
            for (WebSocket s : sockets) {
                s.abort();
            }
        }
        long[] delays = new long[watchers * events];
        int i = 0;
        for (int w = 0; w < watchers; w++) {
            for (int e = 1; e <= events; e++) {
                delays[i++] = receivedAt[w][e] - sentAt[e];
            }
        }
        return delays;
    }

    private final class Watcher implements WebSocket.Listener {
        private final int index;
        private final StringBuilder message = new StringBuilder();

        Watcher(int index) {
            this.index = index;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                long now = System.nanoTime();
                Matcher m = NAME.matcher(message);
                if (message.indexOf("\"ADDED\"") >= 0 && m.find()) {
                    int e = Integer.parseInt(m.group(1));
                    if (e <= events && receivedAt[index][e] == 0) {
                        receivedAt[index][e] = now;
                        delivered[e].countDown();
                    }
                }
                message.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
