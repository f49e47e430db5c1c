package kubelab.controller.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import kubelab.api.apps.DaemonSet;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.Backoff;
import kubelab.client.Cache;
import kubelab.client.IndexFunc;
import kubelab.client.Indexer;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.RateLimitingQueue;
import kubelab.client.Worker;
import kubelab.client.record.EventRecorder;
import kubelab.controller.replicaset.ControllerExpectations;
import kubelab.time.EventLoop;

/**
 * Runs one pod of each DaemonSet on every node that should run it: it creates the missing pods
 * (pinned to their node by a required node affinity, bound by the default scheduler), deletes
 * pods on nodes that should no longer run one and failed pods, replaces old pods after a template
 * change (RollingUpdate, or OnDelete), and counts nodes in the DaemonSet's status.
 *
 * <p>Level-based like every controller here: the handlers of {@link DaemonSetEventHandlers} only
 * turn a DaemonSet, pod or node change into DaemonSet keys; {@link #syncDaemonSet} re-reads the
 * caches. A DaemonSet's pods are found through a pod index by owner uid, so a sync costs one pass
 * over the nodes plus the DaemonSet's own pods, never all pods; a new node is answered by syncing
 * only the DaemonSets that want it, which creates only that node's pod.
 *
 * <p>Real Kubernetes: {@code DaemonSetsController} in {@code pkg/controller/daemon/daemon_controller.go}.
 */
public final class DaemonSetsController {
    /** The most pods one sync creates or deletes. */
    public static final int BURST_REPLICAS = 250;
    /** Pod index: DaemonSet pods by their controller's uid. */
    public static final String POD_BY_DAEMON_SET_UID_INDEX = "daemonSetControllerUID";

    public static final String REASON_SUCCESSFUL_CREATE = "SuccessfulCreate";
    public static final String REASON_FAILED_CREATE = "FailedCreate";
    public static final String REASON_SUCCESSFUL_DELETE = "SuccessfulDelete";
    public static final String REASON_FAILED_DELETE = "FailedDelete";
    public static final String REASON_FAILED_DAEMON_POD = "FailedDaemonPod";

    private final Api api;
    private final EventLoop loop;
    private final EventRecorder recorder;
    final Lister<DaemonSet> dsLister;
    private final Lister<Node> nodeLister;
    private final Indexer<Pod> podIndexer;
    private final RateLimitingQueue<String> queue;
    // Two counters, because one sync may both create and delete: ControllerExpectations keeps one
    // kind of record per key. The DaemonSet is in sync only when both are satisfied.
    private final ControllerExpectations creations;
    private final ControllerExpectations deletions;
    /** Per "DaemonSet uid/node": 1 s doubling to 15 min before a failed daemon pod is deleted again. */
    private final Backoff failedPodsBackoff;
    private Worker<String> worker;

    /** A DaemonSet controller; call {@link #start()} once the informers are started. */
    public DaemonSetsController(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder) {
        this.failedPodsBackoff = new Backoff(loop.clock(), Duration.ofSeconds(1), Duration.ofMinutes(15));
        this.api = api;
        this.loop = loop;
        this.recorder = recorder;
        this.queue = new RateLimitingQueue<>("daemonset", loop);
        this.creations = new ControllerExpectations(loop.clock());
        this.deletions = new ControllerExpectations(loop.clock());
        this.dsLister = informers.listerFor(DaemonSet.class);
        this.nodeLister = informers.listerFor(Node.class);
        var podInformer = informers.informerFor(Pod.class);
        if (!podInformer.getIndexer().indexNames().contains(POD_BY_DAEMON_SET_UID_INDEX)) {
            podInformer.addIndexers(Map.of(POD_BY_DAEMON_SET_UID_INDEX, byDaemonSetUid()));
        }
        this.podIndexer = podInformer.getIndexer();
        new DaemonSetEventHandlers(this, informers);
    }

    private static IndexFunc<Pod> byDaemonSetUid() {
        return pod -> {
            OwnerReference ref = pod.metadata().controllerRef();
            return ref != null && DaemonSet.KIND.equals(ref.kind()) && ref.uid() != null ? List.of(ref.uid()) : List.of();
        };
    }

    /** Starts the worker; the informers are started by their factory. */
    public void start() {
        if (worker == null) {
            worker = new Worker<>(queue, loop, this::syncDaemonSet);
        }
    }

    public RateLimitingQueue<String> queue() {
        return queue;
    }

    // ---- what the event handlers call ----

    void enqueue(DaemonSet ds) {
        queue.add(Cache.metaNamespaceKey(ds));
    }

    void enqueueAfter(DaemonSet ds, Duration delay) {
        queue.addAfter(Cache.metaNamespaceKey(ds), delay);
    }

    void creationObserved(String key) {
        creations.creationObserved(key);
    }

    void deletionObserved(String key, String podKey) {
        deletions.deletionObserved(key, podKey);
    }

    void forget(String key) {
        creations.deleteExpectations(key);
        deletions.deleteExpectations(key);
    }

    /** The cached DaemonSet a controller reference names, if it is the same object (same uid). */
    DaemonSet resolveControllerRef(String namespace, OwnerReference ref) {
        if (ref == null || !DaemonSet.KIND.equals(ref.kind())) {
            return null;
        }
        return dsLister.inNamespace(namespace).get(ref.name())
                .filter(ds -> Objects.equals(ds.metadata().uid(), ref.uid())).orElse(null);
    }

    // ---- the reconcile ----

    /**
     * Brings one DaemonSet to its desired state, from the caches:
     * <ol>
     *   <li>read the DaemonSet; if it is gone, forget its expectations;</li>
     *   <li>compute the hash of its template and group its pods by node (owner index);</li>
     *   <li>if its expectations are not yet met, only refresh the status;</li>
     *   <li>otherwise manage: per node, create the missing pod, delete failed, extra and
     *       misplaced pods;</li>
     *   <li>if that left nothing in flight and the strategy is RollingUpdate, take one rolling
     *       update step;</li>
     *   <li>write the status if it changed.</li>
     * </ol>
     */
    // tag::sync-daemon-set[]
    public void syncDaemonSet(String key) {
        Cache.NamespacedName nn = Cache.splitMetaNamespaceKey(key);
        DaemonSet ds = dsLister.inNamespace(nn.namespace()).get(nn.name()).orElse(null);
        if (ds == null) {
            forget(key);
            return;
        }
        String hash = DaemonSetUtil.currentHash(ds);
        NodeShouldRunDaemonPod predicates = new NodeShouldRunDaemonPod(ds);
        List<Node> nodes = nodeLister.list();
        if (!satisfied(key) || ds.metadata().isBeingDeleted()) {
            updateStatus(ds, nodes, predicates, hash, false);
            return;
        }
        ApiException error = null;
        try {
            manage(ds, key, nodes, predicates, hash);
            if (satisfied(key) && RollingUpdate.isRollingUpdate(ds)) {
                Map<String, Node> byName = new LinkedHashMap<>();
                nodes.forEach(n -> byName.put(n.name(), n));
                RollingUpdate.Plan plan = RollingUpdate.rollingUpdate(ds, nodeToDaemonPods(ds, true), byName,
                        predicates, hash, now());
                syncNodes(ds, key, plan.oldPodsToDelete(), plan.newNodesToCreate(), hash);
            }
        } catch (ApiException e) {
            error = e;
        }
        updateStatus(ds, nodes, predicates, hash, true);
        if (error != null) {
            throw error; // the worker re-queues the key with back-off
        }
    }
    // end::sync-daemon-set[]

    private boolean satisfied(String key) {
        return creations.satisfiedExpectations(key) && deletions.satisfiedExpectations(key);
    }

    private Instant now() {
        return loop.clock().now();
    }

    private void updateStatus(DaemonSet ds, List<Node> nodes, NodeShouldRunDaemonPod predicates, String hash,
                              boolean observedGen) {
        var status = DaemonSetStatuses.calculate(ds, nodes, predicates, nodeToDaemonPods(ds, false), hash, now(),
                observedGen);
        DaemonSetStatuses.updateIfChanged(api, ds, status);
        int minReady = RollingUpdate.minReadySeconds(ds);
        if (minReady > 0 && !Objects.equals(status.numberReady(), status.numberAvailable())) {
            enqueueAfter(ds, Duration.ofSeconds(minReady)); // look again when the ready ones become available
        }
    }

    /**
     * The DaemonSet's pods grouped by the node they are for, in node-name order, read from the
     * owner index. With {@code includeDeleting} false, pods already being deleted are left out.
     */
    Map<String, List<Pod>> nodeToDaemonPods(DaemonSet ds, boolean includeDeleting) {
        Map<String, List<Pod>> byNode = new TreeMap<>();
        for (Pod pod : podIndexer.byIndex(POD_BY_DAEMON_SET_UID_INDEX, ds.metadata().uid())) {
            if (!includeDeleting && pod.metadata().isBeingDeleted()) {
                continue;
            }
            String nodeName = DaemonSetUtil.getTargetNodeName(pod);
            if (nodeName != null) {
                byNode.computeIfAbsent(nodeName, n -> new ArrayList<>()).add(pod);
            }
        }
        return byNode;
    }

    /** Decides, node by node, which pods to create and delete, then does it. */
    private void manage(DaemonSet ds, String key, List<Node> nodes, NodeShouldRunDaemonPod predicates, String hash) {
        Map<String, List<Pod>> nodeToDaemonPods = nodeToDaemonPods(ds, true);
        List<String> nodesNeedingDaemonPods = new ArrayList<>();
        List<String> podsToDelete = new ArrayList<>();
        Set<String> nodeNames = new HashSet<>();
        for (Node node : nodes) {
            nodeNames.add(node.name());
            podsShouldBeOnNode(ds, node, predicates.check(node), nodeToDaemonPods.getOrDefault(node.name(), List.of()),
                    hash, nodesNeedingDaemonPods, podsToDelete);
        }
        // A pod never bound, for a node that no longer exists, can never run: delete it.
        for (Map.Entry<String, List<Pod>> e : nodeToDaemonPods.entrySet()) {
            if (!nodeNames.contains(e.getKey())) {
                for (Pod pod : e.getValue()) {
                    if (pod.spec().nodeName() == null && !pod.metadata().isBeingDeleted()) {
                        podsToDelete.add(pod.name());
                    }
                }
            }
        }
        syncNodes(ds, key, podsToDelete, nodesNeedingDaemonPods, hash);
    }

    /** The decision for one node; adds to {@code nodesNeedingDaemonPods} and {@code podsToDelete}. */
    // tag::pods-should-be-on-node[]
    private void podsShouldBeOnNode(DaemonSet ds, Node node, NodeShouldRunDaemonPod.Result should, List<Pod> daemonPods,
                                    String hash, List<String> nodesNeedingDaemonPods, List<String> podsToDelete) {
        boolean exists = !daemonPods.isEmpty(); // a pod still terminating counts: no second pod beside it
        if (should.shouldRun() && !exists) {
            nodesNeedingDaemonPods.add(node.name());
        } else if (should.shouldContinueRunning()) {
            List<Pod> running = new ArrayList<>();
            for (Pod pod : daemonPods) {
                if (pod.metadata().isBeingDeleted()) {
                    continue;
                }
                String phase = pod.status() == null ? null : pod.status().phase();
                if (PodPhase.FAILED.equals(phase) || PodPhase.SUCCEEDED.equals(phase)) {
                    String backoffKey = ds.metadata().uid() + "/" + node.name();
                    if (failedPodsBackoff.isInBackOffSinceUpdate(backoffKey, now())) {
                        enqueueAfter(ds, failedPodsBackoff.get(backoffKey)); // not yet: a kubelet may be fighting us
                        continue;
                    }
                    failedPodsBackoff.next(backoffKey, now());
                    if (PodPhase.FAILED.equals(phase)) {
                        recorder.eventf(ds, "Warning", REASON_FAILED_DAEMON_POD,
                                "Found failed daemon pod %s/%s on node %s, will try to kill it",
                                pod.namespace(), pod.name(), node.name());
                    }
                    podsToDelete.add(pod.name());
                } else {
                    running.add(pod);
                }
            }
            running.sort(DaemonSetStatuses.BY_CREATION_TIMESTAMP_AND_PHASE);
            if (!RollingUpdate.allowsSurge(ds)) {
                // One pod per node: keep the oldest, delete the others.
                running.subList(Math.min(1, running.size()), running.size()).forEach(p -> podsToDelete.add(p.name()));
            } else if (running.isEmpty() && should.shouldRun()) {
                nodesNeedingDaemonPods.add(node.name());
            } else if (running.size() > 1) {
                surgePrune(ds, running, hash, podsToDelete);
            }
        } else if (exists) {
            for (Pod pod : daemonPods) {
                if (!pod.metadata().isBeingDeleted()) {
                    podsToDelete.add(pod.name()); // the node no longer wants this DaemonSet
                }
            }
        }
    }
    // end::pods-should-be-on-node[]

    /**
     * With surge, a node keeps its oldest new pod and its oldest old pod only while the new one
     * is not yet available and the old one is ready; everything else goes.
     */
    private void surgePrune(DaemonSet ds, List<Pod> running, String hash, List<String> podsToDelete) {
        Pod oldestNew = null;
        Pod oldestOld = null;
        for (Pod pod : running) {
            if (DaemonSetUtil.isPodUpdated(pod, hash, ds.metadata().generation())) {
                if (oldestNew == null) {
                    oldestNew = pod;
                    continue;
                }
            } else if (oldestOld == null) {
                oldestOld = pod;
                continue;
            }
            podsToDelete.add(pod.name());
        }
        if (oldestNew != null && oldestOld != null && (!DaemonSetUtil.isPodReady(oldestOld)
                || DaemonSetUtil.isPodAvailable(oldestNew, RollingUpdate.minReadySeconds(ds), now()))) {
            podsToDelete.add(oldestOld.name());
        }
    }

    /**
     * Creates a pod on each of {@code nodesNeedingDaemonPods} (in slow-start batches: 1, 2, 4, ...,
     * stopping after a batch with a failure) and deletes {@code podsToDelete}, at most
     * {@link #BURST_REPLICAS} of each, recording the expectations first.
     */
    // tag::sync-nodes[]
    void syncNodes(DaemonSet ds, String key, List<String> podsToDelete, List<String> nodesNeedingDaemonPods,
                   String hash) {
        int createDiff = Math.min(nodesNeedingDaemonPods.size(), BURST_REPLICAS);
        int deleteDiff = Math.min(podsToDelete.size(), BURST_REPLICAS);
        Set<String> deleteKeys = new LinkedHashSet<>();
        podsToDelete.subList(0, deleteDiff).forEach(name -> deleteKeys.add(Cache.key(ds.namespace(), name)));
        // Expect before acting: the informer may deliver a new pod before create returns.
        creations.expectCreations(key, createDiff);
        deletions.expectDeletions(key, deleteKeys);

        PodTemplateSpec template = DaemonSetUtil.createPodTemplate(ds.spec().template(), ds.metadata().generation(), hash);
        ApiException firstError = null;
        int created = 0;
        int next = 0;
        for (int batch = Math.min(createDiff, 1); batch > 0 && firstError == null;
                batch = Math.min(2 * batch, createDiff - next)) {
            for (int i = 0; i < batch; i++, next++) {
                try {
                    Pod pod = api.create(newPod(ds, template, nodesNeedingDaemonPods.get(next)));
                    recorder.eventf(ds, "Normal", REASON_SUCCESSFUL_CREATE, "Created pod: %s", pod.name());
                    created++;
                } catch (ApiException e) {
                    recorder.eventf(ds, "Warning", REASON_FAILED_CREATE, "Error creating: %s", e.getMessage());
                    firstError = firstError == null ? e : firstError;
                }
            }
        }
        for (int skipped = createDiff - created; skipped > 0; skipped--) {
            creations.creationObserved(key); // never created, so never observed
        }
        for (String podKey : deleteKeys) {
            String name = Cache.splitMetaNamespaceKey(podKey).name();
            try {
                api.delete(Pod.class, ds.namespace(), name);
                recorder.eventf(ds, "Normal", REASON_SUCCESSFUL_DELETE, "Deleted pod: %s", name);
            } catch (ApiException e) {
                deletions.deletionObserved(key, podKey);
                if (e.code() != 404) {
                    recorder.eventf(ds, "Warning", REASON_FAILED_DELETE, "Error deleting: %s", e.getMessage());
                    firstError = firstError == null ? e : firstError;
                }
            }
        }
        if (firstError != null) {
            throw firstError;
        }
    }
    // end::sync-nodes[]

    /** A pod from the prepared template for one node, named "&lt;ds-name&gt;-xxxxx" by the server, controlled by the DaemonSet. */
    static Pod newPod(DaemonSet ds, PodTemplateSpec template, String nodeName) {
        ObjectMeta tm = template.metadata();
        ObjectMeta meta = ObjectMeta.of(ds.namespace(), null).withGenerateName(ds.name() + "-")
                .withLabels(tm.labels()).withAnnotations(tm.annotations())
                .withOwnerReferences(List.of(OwnerReference.controllerOf(ds)));
        var spec = DaemonSetUtil.withScheduling(template.spec(),
                DaemonSetUtil.replaceDaemonSetPodNodeNameNodeAffinity(template.spec().affinity(), nodeName),
                template.spec().tolerations());
        return Pod.of(meta, spec);
    }
}
