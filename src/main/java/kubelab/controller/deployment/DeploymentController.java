package kubelab.controller.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.Pod;
import kubelab.api.labels.Selector;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.LabelSelector;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.Cache;
import kubelab.client.InformerFactory;
import kubelab.client.Indexer;
import kubelab.client.Lister;
import kubelab.client.RateLimitingQueue;
import kubelab.client.ResourceEventHandler;
import kubelab.client.SharedInformer;
import kubelab.client.Worker;
import kubelab.client.record.EventRecorder;
import kubelab.time.EventLoop;

/**
 * Rolls Deployments out: for each Deployment it keeps one ReplicaSet per version of the pod
 * template, and moves pods from the old versions to the new one as the strategy allows
 * (RollingUpdate or Recreate), scales them all proportionally when {@code spec.replicas} changes,
 * keeps {@code revisionHistoryLimit} old ReplicaSets for rollback, and reports the rollout in the
 * Deployment's status and its Progressing and Available conditions. It never touches pods: the
 * ReplicaSet controller does that.
 *
 * <p>Level-based: handlers only queue the key of the Deployment concerned (a ReplicaSet's owner, or
 * for Recreate a pod's owner's owner); {@link #syncDeployment} re-reads everything from the caches.
 *
 * <p>Real Kubernetes: {@code DeploymentController} in {@code pkg/controller/deployment/deployment_controller.go}.
 */
public final class DeploymentController {
    /** The component name events carry. */
    public static final String COMPONENT = "deployment-controller";
    /** An index of the pod cache by the uid of each pod's controller, as Kubernetes adds it. */
    public static final String POD_CONTROLLER_UID_INDEX = "podControllerUID";

    final Api api;
    final EventRecorder recorder;
    final Lister<ReplicaSet> rsLister;
    private final EventLoop loop;
    private final Lister<Deployment> dLister;
    private final Indexer<Pod> podIndexer;
    private final RateLimitingQueue<String> queue;
    /** One pending progress-deadline check per Deployment key, cancelled when no rollout is under way. */
    private final Map<String, EventLoop.Timer> progressChecks = new HashMap<>();
    private Worker<String> worker;

    /** A Deployment controller; call {@link #start()} once the informers are started. */
    public DeploymentController(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder) {
        this.api = api;
        this.loop = loop;
        this.recorder = recorder;
        this.queue = new RateLimitingQueue<>("deployment", loop);
        this.dLister = informers.listerFor(Deployment.class);
        this.rsLister = informers.listerFor(ReplicaSet.class);
        SharedInformer<Pod> podInformer = informers.informerFor(Pod.class);
        if (!podInformer.getIndexer().indexNames().contains(POD_CONTROLLER_UID_INDEX)) {
            podInformer.addIndexers(Map.of(POD_CONTROLLER_UID_INDEX, pod -> {
                OwnerReference ref = pod.metadata().controllerRef();
                return ref == null || ref.uid() == null ? List.of() : List.of(ref.uid());
            }));
        }
        this.podIndexer = podInformer.getIndexer();
        informers.informerFor(Deployment.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment d, boolean isInInitialList) {
                enqueue(d);
            }

            @Override
            public void onUpdate(Deployment oldD, Deployment newD) {
                enqueue(newD);
            }

            @Override
            public void onDelete(Deployment d) {
                enqueue(d);
            }
        });
        informers.informerFor(ReplicaSet.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ReplicaSet rs, boolean isInInitialList) {
                addReplicaSet(rs);
            }

            @Override
            public void onUpdate(ReplicaSet oldRs, ReplicaSet newRs) {
                updateReplicaSet(oldRs, newRs);
            }

            @Override
            public void onDelete(ReplicaSet rs) {
                deleteReplicaSet(rs);
            }
        });
        informers.informerFor(Pod.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onDelete(Pod pod) {
                deletePod(pod);
            }
        });
    }

    /** Starts the worker; the informers are started by their factory. */
    public void start() {
        if (worker == null) {
            worker = new Worker<>(queue, loop, this::syncDeployment);
        }
    }

    public RateLimitingQueue<String> queue() {
        return queue;
    }

    Instant now() {
        return loop.clock().now();
    }

    void enqueue(KubeObject d) {
        queue.add(Cache.metaNamespaceKey(d));
    }

    /**
     * Queues the Deployment again after {@code after}, for a progress-deadline check. Kubernetes uses
     * the work queue's AddAfter; here it is a timer of our own, so that a rollout that completes (or
     * is paused, or deleted) first can cancel it: an ordinary timer keeps a simulation busy, and a
     * stale one would move virtual time to a deadline that no longer matters.
     */
    void scheduleProgressCheck(KubeObject d, Duration after) {
        String key = Cache.metaNamespaceKey(d);
        cancelProgressCheck(key);
        EventLoop.Timer[] timer = new EventLoop.Timer[1];
        timer[0] = loop.schedule("deployment: progress check of " + key, after, () -> {
            if (progressChecks.get(key) == timer[0]) {
                progressChecks.remove(key);
                queue.add(key);
            }
        });
        progressChecks.put(key, timer[0]);
    }

    void cancelProgressCheck(String key) {
        EventLoop.Timer timer = progressChecks.remove(key);
        if (timer != null) {
            timer.cancel();
        }
    }

    void enqueueRateLimited(KubeObject d) {
        queue.addRateLimited(Cache.metaNamespaceKey(d));
    }

    // ---- event handlers: find the Deployment concerned, enqueue it ----

    private void addReplicaSet(ReplicaSet rs) {
        if (rs.metadata().isBeingDeleted()) {
            deleteReplicaSet(rs); // seen for the first time already going
            return;
        }
        OwnerReference ref = rs.metadata().controllerRef();
        if (ref != null) {
            Deployment d = resolveControllerRef(rs.namespace(), ref);
            if (d != null) {
                enqueue(d);
            }
            return;
        }
        getDeploymentsForReplicaSet(rs).forEach(this::enqueue); // an orphan: who may adopt it?
    }

    private void updateReplicaSet(ReplicaSet oldRs, ReplicaSet newRs) {
        if (Objects.equals(oldRs.metadata().resourceVersion(), newRs.metadata().resourceVersion())) {
            return; // a resync
        }
        OwnerReference oldRef = oldRs.metadata().controllerRef();
        OwnerReference newRef = newRs.metadata().controllerRef();
        boolean refChanged = !Objects.equals(oldRef, newRef);
        if (refChanged && oldRef != null) {
            Deployment d = resolveControllerRef(oldRs.namespace(), oldRef);
            if (d != null) {
                enqueue(d);
            }
        }
        if (newRef != null) {
            Deployment d = resolveControllerRef(newRs.namespace(), newRef);
            if (d != null) {
                enqueue(d);
            }
            return;
        }
        if (refChanged || !oldRs.metadata().labels().equals(newRs.metadata().labels())) {
            getDeploymentsForReplicaSet(newRs).forEach(this::enqueue);
        }
    }

    private void deleteReplicaSet(ReplicaSet rs) {
        OwnerReference ref = rs.metadata().controllerRef();
        if (ref != null) {
            Deployment d = resolveControllerRef(rs.namespace(), ref);
            if (d != null) {
                enqueue(d);
            }
        }
    }

    /** Recreate waits for the old pods to be gone: the last one going wakes its Deployment. */
    private void deletePod(Pod pod) {
        Deployment d = getDeploymentForPod(pod);
        if (d == null || !DeploymentUtil.isRecreate(d)) {
            return;
        }
        List<ReplicaSet> rsList = rsLister.inNamespace(d.namespace()).list().stream()
                .filter(rs -> isControlledBy(rs, d)).toList();
        int numPods = getPodMapForDeployment(d, rsList).values().stream().mapToInt(List::size).sum();
        if (numPods == 0) {
            enqueue(d);
        }
    }

    private Deployment getDeploymentForPod(Pod pod) {
        OwnerReference ref = pod.metadata().controllerRef();
        if (ref == null || !ReplicaSet.KIND.equals(ref.kind())) {
            return null;
        }
        ReplicaSet rs = rsLister.inNamespace(pod.namespace()).get(ref.name())
                .filter(r -> Objects.equals(r.metadata().uid(), ref.uid())).orElse(null);
        OwnerReference rsRef = rs == null ? null : rs.metadata().controllerRef();
        return rsRef == null ? null : resolveControllerRef(rs.namespace(), rsRef);
    }

    private Deployment resolveControllerRef(String namespace, OwnerReference ref) {
        if (!Deployment.KIND.equals(ref.kind())) {
            return null;
        }
        return dLister.inNamespace(namespace).get(ref.name())
                .filter(d -> Objects.equals(d.metadata().uid(), ref.uid())).orElse(null);
    }

    private List<Deployment> getDeploymentsForReplicaSet(ReplicaSet rs) {
        List<Deployment> matching = new ArrayList<>();
        for (Deployment d : dLister.inNamespace(rs.namespace()).list()) {
            Selector selector = selectorOf(d);
            if (selector != null && !selector.isEmpty() && selector.matches(rs.metadata().labels())) {
                matching.add(d);
            }
        }
        return matching;
    }

    private static boolean isControlledBy(KubeObject o, Deployment d) {
        OwnerReference ref = o.metadata().controllerRef();
        return ref != null && Objects.equals(ref.uid(), d.metadata().uid());
    }

    private static Selector selectorOf(Deployment d) {
        try {
            return Selector.from(d.spec().selector());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- the reconcile ----

    /**
     * Brings one Deployment a step closer to its desired state, from the caches:
     * <ol>
     *   <li>read the Deployment; an empty selector selects every pod: refuse it with a warning;</li>
     *   <li>claim its ReplicaSets (adopt matching orphans, release non-matching ones);</li>
     *   <li>if it is being deleted, only report status;</li>
     *   <li>record pausing or resuming in the Progressing condition;</li>
     *   <li>paused: scale (proportionally) if spec.replicas changed, but roll nothing out;</li>
     *   <li>a {@code deprecated.deployment.rollback.to} annotation: restore that revision's template;</li>
     *   <li>a change of spec.replicas only: scale (proportionally), no rollout;</li>
     *   <li>otherwise roll out with its strategy, Recreate or RollingUpdate.</li>
     * </ol>
     */
    // tag::sync-deployment[]
    public void syncDeployment(String key) {
        Cache.NamespacedName nn = Cache.splitMetaNamespaceKey(key);
        Deployment d = dLister.inNamespace(nn.namespace()).get(nn.name()).orElse(null);
        if (d == null) {
            cancelProgressCheck(key);
            return; // deleted: the garbage collector removes its ReplicaSets
        }
        if (Objects.equals(d.spec().selector(), new LabelSelector(null, null))) {
            recorder.event(d, "Warning", "SelectingAll",
                    "This deployment is selecting all pods. A non-empty selector is required.");
            new DeploymentSync(this, d, List.of()).observeGenerationOnly();
            return;
        }
        List<ReplicaSet> rsList = getReplicaSetsForDeployment(d);
        DeploymentSync sync = new DeploymentSync(this, d, rsList);
        if (d.metadata().isBeingDeleted()) {
            List<ReplicaSet> old = new ArrayList<>();
            ReplicaSet newRS = sync.getAllReplicaSetsAndSyncRevision(old, false);
            sync.syncDeploymentStatus(DeploymentSync.all(old, newRS), newRS);
            return;
        }
        sync.checkPausedConditions();
        if (DeploymentUtil.paused(sync.d)) {
            cancelProgressCheck(key); // a paused rollout has no deadline
            sync.sync();
            return;
        }
        if (RollbackTo.getRollbackTo(sync.d) != null) {
            RollbackTo.rollback(sync); // the deprecated server-side rollback annotation
            return;
        }
        if (ProportionalScaling.isScalingEvent(sync)) {
            sync.sync();
            return;
        }
        if (DeploymentUtil.isRecreate(sync.d)) {
            Recreate.rolloutRecreate(sync, getPodMapForDeployment(sync.d, rsList));
        } else {
            Rolling.rolloutRolling(sync);
        }
    }
    // end::sync-deployment[]

    /** The ReplicaSets of the Deployment's namespace that it owns after adoption and release. */
    private List<ReplicaSet> getReplicaSetsForDeployment(Deployment d) {
        Selector selector = selectorOf(d);
        if (selector == null) {
            return List.of();
        }
        List<ReplicaSet> inNamespace = rsLister.inNamespace(d.namespace()).list();
        return new ReplicaSetControllerRefManager(api, d, selector, () -> fresh(d)).claimReplicaSets(inNamespace);
    }

    private Deployment fresh(Deployment d) {
        try {
            return api.get(Deployment.class, d.namespace(), d.name());
        } catch (ApiException e) {
            if (e.code() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The Deployment's pods (those its selector matches), grouped by the uid of the ReplicaSet
     * controlling them. Read through the controller-uid index: the cost is the Deployment's own
     * pods, not its namespace's (Kubernetes lists the namespace by selector here).
     */
    Map<String, List<Pod>> getPodMapForDeployment(Deployment d, List<ReplicaSet> rsList) {
        Map<String, List<Pod>> podMap = new HashMap<>();
        Selector selector = selectorOf(d);
        for (ReplicaSet rs : rsList) {
            List<Pod> pods = podIndexer.byIndex(POD_CONTROLLER_UID_INDEX, rs.metadata().uid()).stream()
                    .filter(p -> d.namespace().equals(p.namespace()))
                    .filter(p -> selector != null && selector.matches(p.metadata().labels()))
                    .toList();
            podMap.put(rs.metadata().uid(), pods);
        }
        return podMap;
    }
}
