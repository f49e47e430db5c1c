package kubelab.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * {@code ./kubelab bench-http}: {@code kubelab serve}'s HTTP API measured side by side with
 * fabric8's {@code kubernetes-server-mock} 8.0.0 in CRUD mode, in one run on one machine, each
 * driven by the same {@link HttpLoad} over loopback. For each server, in turn:
 * <ol>
 *   <li>a warm-up (creates, gets, lists, open-loop creates and a fan-out, not counted) in six
 *       rounds, each on an instance of the server thrown away after, so both run JIT-compiled
 *       code and start the measurement empty;</li>
 *   <li>creates of ConfigMaps by C concurrent clients: creates a second;</li>
 *   <li>gets of those ConfigMaps by name: gets a second;</li>
 *   <li>lists of a namespace holding 1,000 ConfigMaps: lists a second;</li>
 *   <li>creates sent open-loop at 500 a second: their latency percentiles;</li>
 *   <li>1,000 WebSocket watches, then creates one at a time: the delay to each watcher;</li>
 *   <li>5,000 more objects stored, then the creates and lists again: a server in use holds
 *       thousands of objects, and a server that finds objects by scanning them slows down.</li>
 * </ol>
 * It is a benchmark, not a test (it lives with the tests only because the mock is a test
 * dependency): nothing asserts the figures; it prints them, and the targets beside them.
 *
 * <p>Real Kubernetes: none; kube-apiserver's performance is tracked by clusterloader2 and the
 * SIG Scalability SLOs (mutating API call latency, watch latency), which this borrows its shape from.
 */
public final class HttpBench {
    private static final String PAYLOAD = "x".repeat(200);
    /**
     * Creates and gets of one warm-up round, and the rounds, each on a new instance: together
     * enough for the JIT to have compiled both servers' paths (on two cores, kubelab's rounds of
     * creates ran at 1,100, 2,400, 3,000, 3,800, 5,700 and 6,100 a second), while the mock, which
     * slows down as it fills, never holds more than one round's objects.
     */
    private static final int WARM_UP = 5_000;
    private static final int WARM_UP_ROUNDS = 6;
    private static final int WARM_UP_LISTS = 500;
    /** Objects stored before the last creates and lists: a server in use holds thousands. */
    private static final int FILLER = 5_000;

    private final int creates;
    private final int clients;
    private final int lists;
    private final int rate;
    private final int seconds;
    private final int watchers;
    private final int events;
    private final PrintStream out = System.out;

    HttpBench(Map<String, Integer> o) {
        this.creates = o.get("creates");
        this.clients = o.get("clients");
        this.lists = o.get("lists");
        this.rate = o.get("rate");
        this.seconds = o.get("seconds");
        this.watchers = o.get("watchers");
        this.events = o.get("events");
    }

    /** Options as {@code --name=value}; each has a default. */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> o = new LinkedHashMap<>(Map.of("creates", 2_000, "clients", 8, "lists", 200,
                "rate", 500, "seconds", 5, "watchers", 1_000, "events", 20));
        List<String> only = new ArrayList<>(List.of("kubelab", "mock"));
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            if (kv[0].equals("only")) {
                only = List.of(kv[1]);
            } else if (kv.length == 2 && o.containsKey(kv[0])) {
                o.put(kv[0], Integer.parseInt(kv[1]));
            } else {
                throw new IllegalArgumentException("unknown option " + a + "; options: " + o.keySet() + ", only");
            }
        }
        HttpBench bench = new HttpBench(o);
        System.out.printf(Locale.ROOT, "bench-http %s; Java %s, %d cores, max heap %,d MiB%n", o,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        Map<String, Result> results = new LinkedHashMap<>();
        for (String which : only) {
            Supplier<BenchTarget> start = () -> {
                try {
                    return which.equals("mock") ? BenchTarget.mock() : BenchTarget.kubelab();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                try (BenchTarget target = start.get()) {
                    bench.warmUp(target, round);
                }
                System.gc();
            }
            try (BenchTarget target = start.get()) {
                results.put(which, bench.measure(target));
            }
            System.gc();
        }
        bench.table(results);
        System.exit(0);   // the mock's Vert.x threads are not daemons
    }

    /** The figures for one server. */
    record Result(String name, double creates, double gets, double lists, Percentiles mutating, Percentiles watch,
                  double filledCreates, double filledLists) {
    }

    /**
     * 1. Warm-up, one round on an instance of the server that is then thrown away: every kind of request,
     * until the JIT has compiled the paths measured, without leaving objects behind in the
     * instance that is measured (the mock's creates slow down as it fills).
     */
    void warmUp(BenchTarget t, int round) throws Exception {
        out.println("== " + t.name() + ": warm-up round " + round + " of " + WARM_UP_ROUNDS + ", on an instance thrown away after");
        HttpLoad load = new HttpLoad(t);
        namespaces(load, "warm", "list", "fan");
        double createRate = load.closedLoop(WARM_UP, clients, i -> createIn(load, "warm", "w-" + i));
        load.closedLoop(WARM_UP, clients, i -> load.get("/api/v1/namespaces/warm/configmaps/w-" + i));
        load.closedLoop(1_000, clients, i -> createIn(load, "list", "l-" + i));
        load.closedLoop(WARM_UP_LISTS, clients, i -> load.get("/api/v1/namespaces/list/configmaps"));
        load.openLoop(rate, rate, i -> createIn(load, "warm", "o-" + i));
        new WatchFanOut(t, load, Math.min(watchers, 100), 20).run("fan");
        report(String.format(Locale.ROOT, "warm-up: %,d creates (%,.0f/s), %,d gets, %,d lists, 1 s of open-loop creates, a fan-out",
                WARM_UP, createRate, WARM_UP, WARM_UP_LISTS), load);
    }

    private static void namespaces(HttpLoad load, String... names) throws Exception {
        for (String ns : names) {
            load.send(load.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + ns + "\"}}"));
        }
    }

    Result measure(BenchTarget t) throws Exception {
        out.println("== " + t.name() + " on http://" + t.base() + "; load average before: " + loadAverage());
        HttpLoad load = new HttpLoad(t);
        namespaces(load, "bench", "list", "latency", "fan");
        // 2. creates
        double createRate = load.closedLoop(creates, clients, i -> createIn(load, "bench", "cm-" + i));
        report(String.format(Locale.ROOT, "create: %,d ConfigMaps, %d clients: %,.0f/s", creates, clients, createRate), load);
        // 3. gets
        double getRate = load.closedLoop(creates, clients,
                i -> load.get("/api/v1/namespaces/bench/configmaps/cm-" + ThreadLocalRandom.current().nextInt(creates)));
        report(String.format(Locale.ROOT, "get: %,d by name, %d clients: %,.0f/s", creates, clients, getRate), load);
        // 4. lists of 1,000
        load.closedLoop(1_000, clients, i -> createIn(load, "list", "l-" + i));
        int listed = load.send(load.get("/api/v1/namespaces/list/configmaps")).split("\"kind\"\\s*:\\s*\"ConfigMap\"", -1).length - 1;
        double listRate = load.closedLoop(lists, clients, i -> load.get("/api/v1/namespaces/list/configmaps"));
        report(String.format(Locale.ROOT, "list: %,d lists of %,d ConfigMaps, %d clients: %,.1f/s", lists, listed, clients, listRate), load);
        // 5. mutating latency, open loop
        Percentiles mutating = Percentiles.of(load.openLoop(rate * seconds, rate, i -> createIn(load, "latency", "lat-" + i)));
        report(String.format(Locale.ROOT, "create at %d/s for %d s (open loop): %s", rate, seconds, mutating), load);
        // 6. watch fan-out
        Percentiles watch = Percentiles.of(new WatchFanOut(t, load, watchers, events).run("fan"));
        report(String.format(Locale.ROOT, "watch: %,d WebSocket watchers x %d creates: %s", watchers, events, watch), load);
        // Java 17's HttpClient has no close(): the fan-out's clients stop their selector threads
        // only once collected, and until then they compete for the cores with what comes next.
        System.gc();
        // 7. the same creates and lists on a server that already holds objects, as a cluster does
        namespaces(load, "filler", "bench-filled");
        load.closedLoop(FILLER, clients, i -> createIn(load, "filler", "f-" + i));
        report(String.format(Locale.ROOT, "filled: %,d more ConfigMaps stored in another namespace", FILLER), load);
        double filledCreateRate = load.closedLoop(creates, clients, i -> createIn(load, "bench-filled", "cm-" + i));
        report(String.format(Locale.ROOT, "create, server holding %,d objects: %,.0f/s", FILLER, filledCreateRate), load);
        double filledListRate = load.closedLoop(lists, clients, i -> load.get("/api/v1/namespaces/list/configmaps"));
        report(String.format(Locale.ROOT, "list of 1,000, server holding %,d objects: %,.1f/s", FILLER, filledListRate), load);
        out.println("  load average after: " + loadAverage());
        return new Result(t.name(), createRate, getRate, listRate, mutating, watch, filledCreateRate, filledListRate);
    }

    /** The machine's 1, 5 and 15 minute load averages: other work on the cores shows in the latencies. */
    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void report(String line, HttpLoad load) {
        String errors = load.takeErrors();
        out.println("  " + line + (errors.isEmpty() ? "" : "  !! " + errors));
    }

    private static java.net.http.HttpRequest createIn(HttpLoad load, String ns, String name) {
        return load.post("/api/v1/namespaces/" + ns + "/configmaps", configMap(ns, name));
    }

    static String configMap(String ns, String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns
                + "\",\"labels\":{\"app\":\"bench\"}},\"data\":{\"key\":\"" + PAYLOAD + "\"}}";
    }

    /** The side-by-side table, as it goes into the README. */
    private void table(Map<String, Result> r) {
        Result k = r.get("kubelab");
        Result m = r.get("mock");
        if (k == null || m == null) {
            return;
        }
        out.println();
        out.println("| what | kubelab serve | kubernetes-server-mock 8.0.0 (CRUD) | ratio | target |");
        out.println("|---|---|---|---|---|");
        row("create a ConfigMap, " + clients + " clients", k.creates, m.creates, "%,.0f/s", "≥ 3× the mock");
        row("get a ConfigMap by name, " + clients + " clients", k.gets, m.gets, "%,.0f/s", "");
        row("list 1,000 ConfigMaps, " + clients + " clients", k.lists, m.lists, "%,.1f/s", "≥ 3× the mock");
        row(String.format(Locale.ROOT, "create a ConfigMap, %d clients, server holding %,d more objects", clients, FILLER),
                k.filledCreates, m.filledCreates, "%,.0f/s", "≥ 3× the mock");
        row(String.format(Locale.ROOT, "list 1,000 ConfigMaps, %d clients, server holding %,d more objects", clients, FILLER),
                k.filledLists, m.filledLists, "%,.1f/s", "≥ 3× the mock");
        out.printf(Locale.ROOT, "| create at %d/s, open loop: p50 / p99 | %.2f / %.2f ms | %.2f / %.2f ms | | p99 ≤ 10 ms |%n",
                rate, k.mutating.ms(50), k.mutating.ms(99), m.mutating.ms(50), m.mutating.ms(99));
        out.printf(Locale.ROOT, "| watch event to %,d watchers, from the create's send: p50 / p99 | %.2f / %.2f ms | %.2f / %.2f ms | | p99 ≤ 50 ms |%n",
                watchers, k.watch.ms(50), k.watch.ms(99), m.watch.ms(50), m.watch.ms(99));
    }

    private void row(String what, double kubelab, double mock, String format, String target) {
        out.printf(Locale.ROOT, "| %s | " + format + " | " + format + " | %.1f× | %s |%n", what, kubelab, mock, kubelab / mock, target);
    }
}
