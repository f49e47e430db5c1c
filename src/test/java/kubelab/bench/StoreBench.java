package kubelab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import kubelab.store.MemoryStore;
import kubelab.store.Store;
import kubelab.store.StoreWatch;
import kubelab.store.WatchEvent;
import kubelab.store.WatchListener;
import kubelab.store.durable.DurableStore;
import kubelab.store.etcd.EtcdStore;
import kubelab.store.etcd.LocalEtcd;

/**
 * A benchmark (a main, not a test) of the {@link Store} implementations side by side: creates per
 * second and reads per second for 1, 10 and 100 concurrent clients, and watch latency, the time from
 * a write returning to its watch event arriving (p50/p99). Each phase runs for a fixed time, so a
 * whole run stays under a minute. Run it with {@code ./kubelab bench-store [--seconds=S]}.
 *
 * <p>The stores are a list of named openers ({@link #stores}); add one there to measure it too.
 *
 * <p>Real Kubernetes: etcd ships its own load generator ({@code benchmark put/range/watch-latency}
 * in the etcd repository); the figures here are the same kind, measured through KubeLab's Store.
 */
public final class StoreBench {
    /** Opens a fresh, empty store; the bench closes it. */
    @FunctionalInterface
    interface Opener {
        Store open(Path scratch) throws IOException;
    }

    private static final int[] CLIENTS = {1, 10, 100};
    private static final int WATCH_WRITES = 500;
    private static final byte[] VALUE = "{\"kind\":\"ConfigMap\",\"data\":{\"k\":\"v\"}}".repeat(4)
            .getBytes(StandardCharsets.UTF_8);

    private StoreBench() {
    }

    /** The stores measured, by name, in order. An etcd store is measured only if etcd is installed. */
    static Map<String, Opener> stores(List<AutoCloseable> cleanup) {
        Map<String, Opener> stores = new LinkedHashMap<>();
        stores.put("memory", dir -> new MemoryStore());
        stores.put("durable", dir -> DurableStore.open(dir.resolve("durable")));
        if (LocalEtcd.installed()) {
            stores.put("etcd", dir -> {
                LocalEtcd etcd = LocalEtcd.start();
                cleanup.add(etcd);
                return EtcdStore.connect(List.of(etcd.endpoint()), "/bench");
            });
        } else {
            System.out.println("etcd: skipped, " + LocalEtcd.INSTALL_HINT);
        }
        return stores;
    }

    public static void main(String[] args) throws Exception {
        double seconds = 1.5;
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Double.parseDouble(arg.substring("--seconds=".length()));
            } else {
                System.err.println("unknown option " + arg + " (known: --seconds=S, the time per phase)");
                System.exit(2);
            }
        }
        long phaseNanos = (long) (seconds * 1e9);
        List<AutoCloseable> cleanup = new ArrayList<>();
        Path scratch = Files.createTempDirectory("kubelab-storebench");
        try {
            for (Map.Entry<String, Opener> e : stores(cleanup).entrySet()) {
                try (Store store = e.getValue().open(scratch)) {
                    run(e.getKey(), store, phaseNanos);
                }
                closeAll(cleanup);
            }
        } finally {
            closeAll(cleanup);
            deleteTree(scratch);
        }
    }

    private static void run(String name, Store store, long phaseNanos) throws Exception {
        for (int clients : CLIENTS) {
            String prefix = "/registry/configmaps/c" + clients + "/";
            double writes = phase(clients, phaseNanos, (client, n) ->
                    store.create(prefix + "k" + client + "-" + n, VALUE));
            double reads = phase(clients, phaseNanos, (client, n) ->
                    store.get(prefix + "k" + client + "-" + ThreadLocalRandom.current().nextInt(Math.max(1, n % 50 + 1))));
            System.out.printf(Locale.ROOT, "%-8s %3d clients: %,10.0f writes/s %,10.0f reads/s%n",
                    name, clients, writes, reads);
        }
        System.out.printf(Locale.ROOT, "%-8s watch latency: %s%n", name, watchLatency(store));
    }

    @FunctionalInterface
    private interface Op {
        void run(int client, int n) throws Exception;
    }

    /** Runs {@code clients} threads doing {@code op} for {@code nanos}; the operations per second. */
    private static double phase(int clients, long nanos, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            long end = start + nanos;
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        op.run(client, n++);
                    }
                    return n;
                }));
            }
            long ops = 0;
            for (Future<Integer> f : done) {
                ops += f.get();
            }
            return ops / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One writer, one watch on its keys: from each write's return to its event's arrival. */
    private static Percentiles watchLatency(Store store) throws Exception {
        String prefix = "/registry/configmaps/watched/";
        Map<Long, Long> arrived = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(WATCH_WRITES);
        WatchListener listener = (WatchEvent event) -> {
            arrived.put(event.revision(), System.nanoTime());
            all.countDown();
        };
        long[] returned = new long[WATCH_WRITES];
        long[] revisions = new long[WATCH_WRITES];
        try (StoreWatch watch = store.watch(prefix, store.currentRevision() + 1, listener)) {
            for (int i = 0; i < WATCH_WRITES; i++) {
                revisions[i] = store.create(prefix + "k" + i, VALUE).modRevision();
                returned[i] = System.nanoTime();
            }
            if (!all.await(10, TimeUnit.SECONDS)) {
                System.out.println("  (only " + (WATCH_WRITES - all.getCount()) + " of " + WATCH_WRITES
                        + " events arrived within 10 s)");
            }
        }
        long[] samples = new long[WATCH_WRITES];
        int n = 0;
        for (int i = 0; i < WATCH_WRITES; i++) {
            Long at = arrived.get(revisions[i]);
            if (at != null) {
                // A store that notifies before the write returns (MemoryStore) has no delay to show.
                samples[n++] = Math.max(0, at - returned[i]);
            }
        }
        return Percentiles.of(java.util.Arrays.copyOf(samples, n));
    }

    private static void closeAll(List<AutoCloseable> cleanup) {
        for (AutoCloseable c : cleanup) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("closing " + c + ": " + e.getMessage());
            }
        }
        cleanup.clear();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
