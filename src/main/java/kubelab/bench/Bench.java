package kubelab.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.Namespace;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.cacher.Cacher;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/**
 * KubeLab's own benchmark: the foundation at the Kubernetes envelope (5,000 nodes, 150,000 pods).
 * It measures wall-clock throughput of the store and of the API server's full write pipeline,
 * the cost of fanning events out to one watch per node, and the heap the cluster state takes.
 * Run it with {@code ./kubelab bench}; the README's Performance section records its figures.
 *
 * <p>It is a benchmark, not a test: numbers vary with the machine, so nothing here asserts them.
 */
public final class Bench {
    private final PrintWriter out;
    private final int nodes;
    private final int pods;
    private final int schedule;
    private final int clusterNodes;
    private final int replicas;

    public Bench(PrintWriter out, int nodes, int pods) {
        this(out, nodes, pods, 5_000, 100, 3_000);
    }

    /**
     * @param schedule     pods the scheduler bench places on {@code nodes} nodes
     * @param clusterNodes nodes of the whole-cluster bench (each with a kubelet and a runtime)
     * @param replicas     the whole-cluster bench's Deployment size
     */
    public Bench(PrintWriter out, int nodes, int pods, int schedule, int clusterNodes, int replicas) {
        this.out = out;
        this.nodes = nodes;
        this.pods = pods;
        this.schedule = schedule;
        this.clusterNodes = clusterNodes;
        this.replicas = replicas;
    }

    /** Runs every measurement and prints one line each. */
    public void run() {
        out.printf(Locale.ROOT, "KubeLab bench: %,d nodes, %,d pods, Java %s, %d cores%n", nodes, pods,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        storeWrites();
        apiServer();
        ClusterBench cluster = new ClusterBench(out);
        cluster.scheduler(nodes, schedule);
        cluster.cluster(clusterNodes, replicas);
    }

    private void storeWrites() {
        MemoryStore store = new MemoryStore();
        byte[] value = new byte[600];
        long t0 = System.nanoTime();
        for (int i = 0; i < pods; i++) {
            store.create("/registry/pods/default/pod-" + i, value);
        }
        report("store: create", pods, System.nanoTime() - t0);
        t0 = System.nanoTime();
        int n = store.range("/registry/pods/").kvs().size();
        report("store: range of all pods", 1, System.nanoTime() - t0, n + " keys");
    }

    private void apiServer() {
        SimulatedLoop loop = new SimulatedLoop(1);
        MemoryStore store = new MemoryStore();
        ApiServer api = new ApiServer(store, Scheme.standard(), loop);
        api.create(Namespace.named("bench"));
        int[] delivered = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            int node = i;
            api.watch(Pod.class, null, ListOptions.fields("spec.nodeName=node-" + i), loop, e -> delivered[node]++);
        }
        int[] everything = new int[1];
        api.watch(Pod.class, null, ListOptions.ALL, loop, e -> everything[0]++);
        Cacher<Pod> cacher = api.registry(Pod.class).cacher();

        long heapBefore = usedHeap();
        List<Pod> created = new ArrayList<>(pods);
        long t0 = System.nanoTime();
        for (int i = 0; i < pods; i++) {
            Pod p = Pod.of("bench", "pod-" + i, PodSpec.of(Container.of("app", "nginx:1.14.2"))
                    .withNodeName("node-" + (i % nodes)));
            created.add(api.create(p));
            if (i % 1000 == 999) {
                loop.runReady(); // deliver events as a live cluster would, without an unbounded backlog
            }
        }
        loop.runReady();
        long elapsed = System.nanoTime() - t0;
        report("api: create pod (defaults, admission, validation, CAS, watch fan-out)", pods, elapsed);
        long offers = cacher.offers();
        out.printf(Locale.ROOT, "  fan-out: %,d watches open, %.2f offers per pod change (1 node watch + 1 unfiltered)%n",
                cacher.watcherCount(), offers / (double) pods);
        created.clear();
        long heapAfter = usedHeap();
        out.printf(Locale.ROOT, "  heap for %,d pods (store with history + watch cache): %,d MiB%n", pods,
                (heapAfter - heapBefore) >> 20);

        t0 = System.nanoTime();
        int listed = api.list(Pod.class, null).items().size();
        report("api: list all pods from the watch cache", 1, System.nanoTime() - t0, listed + " pods");
        t0 = System.nanoTime();
        int onNode = api.list(Pod.class, null, ListOptions.fields("spec.nodeName=node-7")).items().size();
        report("api: list one node's pods (field selector)", 1, System.nanoTime() - t0, onNode + " pods");
    }

    private void report(String what, int ops, long nanos) {
        report(what, ops, nanos, null);
    }

    private void report(String what, int ops, long nanos, String extra) {
        report(out, what, ops, nanos, extra);
    }

    /** One line: what was measured, operations per second, microseconds per operation, and a note. */
    static void report(PrintWriter out, String what, int ops, long nanos, String extra) {
        double seconds = nanos / 1e9;
        out.printf(Locale.ROOT, "%-72s %,12.0f ops/s  %8.1f µs/op%s%n", what, ops / seconds, nanos / 1e3 / ops,
                extra == null ? "" : "  (" + extra + ")");
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
