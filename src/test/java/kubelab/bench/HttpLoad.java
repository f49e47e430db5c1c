package kubelab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The load generator, the same for every server: the JDK's HttpClient over HTTP/1.1, either
 * closed-loop (C client threads, each sending its next request when the last one is answered:
 * throughput) or open-loop (requests sent on a fixed schedule whatever the answers do: latency,
 * measured from the time each request was due, so a stalled server cannot hide its queue).
 *
 * <p>Real Kubernetes: none; kube-apiserver is load-tested with clusterloader2's request generators.
 */
final class HttpLoad {
    private final BenchTarget target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger errors = new AtomicInteger();
    /**
     * Answers are read to the end and dropped, unless they are errors: the load generator shares
     * the cores with the server, so it does no more work per answer than it must.
     */
    private static final HttpResponse.BodyHandler<byte[]> DISCARD_SUCCESS = info -> info.statusCode() / 100 == 2
            ? HttpResponse.BodySubscribers.replacing(new byte[0]) : HttpResponse.BodySubscribers.ofByteArray();
    private volatile String lastError;

    HttpLoad(BenchTarget target) {
        this.target = target;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + target.base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + target.token()).header("Accept", "application/json");
    }

    HttpRequest post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpRequest get(String path) {
        return request(path).GET().build();
    }

    /** Sends one request and returns its body; a status other than 2xx counts as an error. */
    String send(HttpRequest request) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        check(r);
        return r.body();
    }

    /** Sends requests 0..n-1 from {@code threads} threads, each waiting for its answer; returns requests a second. */
    double closedLoop(int n, int threads, IntFunction<HttpRequest> requests) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    try {
                        check(client.send(requests.apply(i), DISCARD_SUCCESS));
                    } catch (Exception e) {
                        error(e.toString());
                    }
                }
            }, "bench-client-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /** Sends requests 0..n-1 at {@code rate} a second on a fixed schedule; returns each one's latency from when it was due. */
    long[] openLoop(int n, double rate, IntFunction<HttpRequest> requests) {
        long[] latency = new long[n];
        List<CompletableFuture<?>> pending = new ArrayList<>(n);
        long interval = (long) (1e9 / rate);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = t0 + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int k = i;
            pending.add(client.sendAsync(requests.apply(i), DISCARD_SUCCESS)
                    .whenComplete((r, e) -> {
                        latency[k] = System.nanoTime() - due;
                        if (e != null) {
                            error(e.toString());
                        } else {
                            check(r);
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return latency;
    }

    private void check(HttpResponse<?> r) {
        if (r.statusCode() / 100 != 2) {
            Object body = r.body();
            error(r.statusCode() + " " + r.request().method() + " " + r.uri().getPath() + ": "
                    + (body instanceof byte[] b ? new String(b) : String.valueOf(body)));
        }
    }

    private void error(String what) {
        errors.incrementAndGet();
        lastError = what;
    }

    /** How many requests failed since the last call, and the last failure; resets the count. */
    String takeErrors() {
        int n = errors.getAndSet(0);
        return n == 0 ? "" : n + " errors, last: " + lastError;
    }
}
