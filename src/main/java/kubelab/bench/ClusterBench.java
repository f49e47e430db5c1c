package kubelab.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.Node;
import kubelab.api.core.NodeStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.ApiServer;
import kubelab.client.InformerFactory;
import kubelab.client.record.EventBroadcaster;
import kubelab.cluster.Cluster;
import kubelab.scheduler.Scheduler;
import kubelab.scheduler.explain.NodeDecision;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/**
 * The control loop under load: the scheduler alone at the Kubernetes envelope (thousands of
 * nodes, sampled filtering and scoring), and a whole cluster (scheduler, controllers, kubelets,
 * runtimes) bringing a large Deployment up. Wall-clock figures for one run, printed one per line.
 *
 * <p>Real Kubernetes: the scheduler_perf benchmarks ({@code test/integration/scheduler_perf}) and
 * kubemark's density tests, in spirit.
 */
final class ClusterBench {
    private final PrintWriter out;

    ClusterBench(PrintWriter out) {
        this.out = out;
    }

    /** Binds {@code pods} new pods on {@code nodes} nodes, one scheduling cycle each. */
    void scheduler(int nodes, int pods) {
        SimulatedLoop loop = new SimulatedLoop(1);
        ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
        Map<String, Quantity> alloc = Map.of("cpu", Quantity.parse("4"), "memory", Quantity.parse("16Gi"),
                "pods", Quantity.parse("110"));
        for (int i = 0; i < nodes; i++) {
            Node created = api.create(Node.named("node-" + i));
            api.updateStatus(created.withStatus(NodeStatus.empty().withCapacity(alloc).withAllocatable(alloc)));
        }
        InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
        Scheduler scheduler = new Scheduler(api, informers, loop, new EventBroadcaster(loop));
        informers.start();
        scheduler.start();
        loop.settle();
        for (int i = 0; i < pods; i++) {
            api.create(Pod.of("default", "pod-" + i, PodSpec.of(Container.of("app", "nginx:1.14.2"))));
        }
        long t0 = System.nanoTime();
        loop.settle();
        long elapsed = System.nanoTime() - t0;
        long bound = api.list(Pod.class, "default").items().stream()
                .filter(p -> p.spec().nodeName() != null && !p.spec().nodeName().isEmpty()).count();
        // Pods created in the same instant leave the queue in no particular order, and the explain
        // log keeps only the latest decisions: read the first pod, from the end, that has one.
        long examined = -1;
        for (int i = pods - 1; i >= 0 && examined < 0; i--) {
            examined = scheduler.explain("default", "pod-" + i).map(d -> d.nodes().stream()
                    .filter(n -> n.verdict() != NodeDecision.Verdict.NOT_EXAMINED).count()).orElse(-1L);
        }
        Bench.report(out, String.format(Locale.ROOT, "scheduler: schedule and bind a pod, %,d nodes", nodes),
                pods, elapsed, String.format(Locale.ROOT, "%,d bound; %,d of %,d nodes examined per pod",
                        bound, examined, nodes));
    }

    /** A whole cluster: a Deployment of {@code replicas} pods on {@code nodes} nodes, from apply to all Running. */
    void cluster(int nodes, int replicas) {
        long t0 = System.nanoTime();
        Cluster cluster = Cluster.builder().nodes(nodes).build();
        long built = System.nanoTime() - t0;
        cluster.apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - {name: web, image: "nginx:1.14.2", resources: {requests: {cpu: 10m, memory: 16Mi}}}
                """.formatted(replicas));
        t0 = System.nanoTime();
        cluster.settle();
        long elapsed = System.nanoTime() - t0;
        List<Pod> pods = cluster.pods("default");
        long running = pods.stream().filter(p -> "Running".equals(p.status().phase())).count();
        Bench.report(out, String.format(Locale.ROOT, "cluster: build with %,d nodes (kubelet + runtime each)", nodes),
                nodes, built, null);
        Bench.report(out, String.format(Locale.ROOT, "cluster: Deployment of %,d pods, apply to all Running", replicas),
                replicas, elapsed, String.format(Locale.ROOT, "%,d Running after %s of virtual time, %,d Events",
                        running, cluster.loop().elapsed(), cluster.timeline().events().size()));
    }
}
