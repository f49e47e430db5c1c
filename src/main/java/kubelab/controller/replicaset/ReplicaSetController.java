package kubelab.controller.replicaset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.ReplicaSetStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.labels.Selector;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.admission.NamespaceLifecycle;
import kubelab.client.Cache;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.RateLimitingQueue;
import kubelab.client.ResourceEventHandler;
import kubelab.client.Worker;
import kubelab.client.record.EventRecorder;
import kubelab.time.EventLoop;

/**
 * Keeps the number of pods of each ReplicaSet equal to its {@code spec.replicas}: it claims the
 * pods its selector matches, creates the missing ones from the template, deletes the extra ones
 * (least valuable first), and reports what it found in the ReplicaSet's status.
 *
 * <p>Level-based: event handlers only turn a change into the key ("namespace/name") of the
 * ReplicaSet concerned and queue it; {@link #syncReplicaSet} re-reads everything from the informer
 * caches. {@link ControllerExpectations} keep it from acting twice on a cache that has not yet
 * caught up with its own writes.
 *
 * <p>Real Kubernetes: {@code ReplicaSetController} in {@code pkg/controller/replicaset/replica_set.go}.
 */
public final class ReplicaSetController {
    /** The most pods one sync creates or deletes, so one huge ReplicaSet cannot monopolise the API. */
    public static final int BURST_REPLICAS = 500;

    private final Api api;
    private final EventRecorder recorder;
    private final EventLoop loop;
    private final String kind;
    private final BiFunction<String, String, Optional<ReplicaSet>> cachedOwner;
    private final Function<String, List<ReplicaSet>> cachedOwners;
    private final BiFunction<String, String, ReplicaSet> freshOwner;
    private final UnaryOperator<ReplicaSet> statusWriter;
    private final Lister<Pod> podLister;
    private final RateLimitingQueue<String> queue;
    private final ControllerExpectations expectations;
    private Worker<String> worker;

    /** A controller for ReplicaSets that records no Events; call {@link #start()} once the informers are started. */
    public ReplicaSetController(Api api, InformerFactory informers, EventLoop loop) {
        this(api, informers, loop, EventRecorder.discarding());
    }

    /** A controller for ReplicaSets that records SuccessfulCreate, SuccessfulDelete and FailedCreate Events. */
    public ReplicaSetController(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder) {
        this(api, informers, loop, recorder, ReplicatedKind.REPLICA_SET);
    }

    /** The same controller for another kind, seen through its ReplicaSet view (ReplicationControllers). */
    <T extends KubeObject> ReplicaSetController(Api api, InformerFactory informers, EventLoop loop,
                                                EventRecorder recorder, ReplicatedKind<T> owners) {
        this.api = api;
        this.recorder = recorder;
        this.loop = loop;
        this.kind = owners.kind();
        this.queue = new RateLimitingQueue<>(owners.queueName(), loop);
        this.expectations = new ControllerExpectations(loop.clock());
        Lister<T> lister = informers.listerFor(owners.type());
        this.cachedOwner = (ns, name) -> lister.inNamespace(ns).get(name).map(owners.toReplicaSet());
        this.cachedOwners = ns -> lister.inNamespace(ns).list().stream().map(owners.toReplicaSet()).toList();
        this.freshOwner = (ns, name) -> owners.toReplicaSet().apply(api.get(owners.type(), ns, name));
        this.statusWriter = view -> owners.toReplicaSet().apply(api.updateStatus(owners.fromReplicaSet().apply(view)));
        this.podLister = informers.listerFor(Pod.class);
        informers.informerFor(owners.type()).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T rs, boolean isInInitialList) {
                enqueue(rs);
            }

            @Override
            public void onUpdate(T oldRs, T newRs) {
                enqueue(newRs);
            }

            @Override
            public void onDelete(T rs) {
                expectations.deleteExpectations(Cache.metaNamespaceKey(rs));
                enqueue(rs);
            }
        });
        informers.informerFor(Pod.class).addEventHandler(ResourceEventHandler.funcs(this::addPod, this::updatePod, this::deletePod));
    }

    /** Starts the worker; the informers are started by their factory. */
    public void start() {
        if (worker == null) {
            worker = new Worker<>(queue, loop, this::syncReplicaSet);
        }
    }

    public RateLimitingQueue<String> queue() {
        return queue;
    }

    public ControllerExpectations expectations() {
        return expectations;
    }

    // ---- event handlers: compute a key, account for expectations, enqueue ----

    private void enqueue(KubeObject rs) {
        queue.add(Cache.metaNamespaceKey(rs));
    }

    private void addPod(Pod pod) {
        if (pod.metadata().isBeingDeleted()) {
            deletePod(pod); // seen for the first time already going: it counts as a deletion
            return;
        }
        OwnerReference ref = pod.metadata().controllerRef();
        if (ref != null) {
            ReplicaSet rs = resolveControllerRef(pod.namespace(), ref);
            if (rs != null) {
                expectations.creationObserved(Cache.metaNamespaceKey(rs));
                enqueue(rs);
            }
            return;
        }
        // An orphan: every ReplicaSet that matches may want to adopt it.
        getPodReplicaSets(pod).forEach(this::enqueue);
    }

    private void updatePod(Pod oldPod, Pod newPod) {
        if (Objects.equals(oldPod.metadata().resourceVersion(), newPod.metadata().resourceVersion())) {
            return; // a resync: nothing changed
        }
        boolean labelsChanged = !oldPod.metadata().labels().equals(newPod.metadata().labels());
        if (newPod.metadata().isBeingDeleted()) {
            deletePod(newPod);
            if (labelsChanged) {
                deletePod(oldPod); // the old owner may be a different ReplicaSet
            }
            return;
        }
        OwnerReference oldRef = oldPod.metadata().controllerRef();
        OwnerReference newRef = newPod.metadata().controllerRef();
        boolean refChanged = !Objects.equals(oldRef, newRef);
        if (refChanged && oldRef != null) {
            ReplicaSet old = resolveControllerRef(oldPod.namespace(), oldRef);
            if (old != null) {
                enqueue(old);
            }
        }
        if (newRef != null) {
            ReplicaSet rs = resolveControllerRef(newPod.namespace(), newRef);
            if (rs != null) {
                enqueue(rs);
                Integer minReady = rs.spec().minReadySeconds();
                if (minReady != null && minReady > 0
                        && !ActivePodsWithRanks.isReady(oldPod) && ActivePodsWithRanks.isReady(newPod)) {
                    // Look again once the pod has been ready long enough to count as available.
                    queue.addAfter(Cache.metaNamespaceKey(rs), Duration.ofSeconds(minReady));
                }
            }
            return;
        }
        if (labelsChanged || refChanged) {
            getPodReplicaSets(newPod).forEach(this::enqueue);
        }
    }

    private void deletePod(Pod pod) {
        OwnerReference ref = pod.metadata().controllerRef();
        if (ref == null) {
            return; // an orphan's going changes no ReplicaSet's count
        }
        ReplicaSet rs = resolveControllerRef(pod.namespace(), ref);
        if (rs != null) {
            String key = Cache.metaNamespaceKey(rs);
            expectations.deletionObserved(key, Cache.metaNamespaceKey(pod));
            queue.add(key);
        }
    }

    /** The cached ReplicaSet a controller reference names, if it is the same object (same uid). */
    private ReplicaSet resolveControllerRef(String namespace, OwnerReference ref) {
        if (!kind.equals(ref.kind())) {
            return null;
        }
        return cachedOwner.apply(namespace, ref.name())
                .filter(rs -> Objects.equals(rs.metadata().uid(), ref.uid())).orElse(null);
    }

    /** The cached ReplicaSets of the pod's namespace whose selector matches its labels. */
    private List<ReplicaSet> getPodReplicaSets(Pod pod) {
        List<ReplicaSet> matching = new ArrayList<>();
        for (ReplicaSet rs : cachedOwners.apply(pod.namespace())) {
            Selector selector = Selector.from(rs.spec().selector());
            if (!selector.isEmpty() && selector.matches(pod.metadata().labels())) {
                matching.add(rs);
            }
        }
        return matching;
    }

    // ---- the reconcile ----

    /**
     * Brings one ReplicaSet to its desired state, from the caches:
     * <ol>
     *   <li>read the ReplicaSet; if it is gone, forget its expectations;</li>
     *   <li>list the active pods of its namespace and claim them (adopt, release);</li>
     *   <li>if its expectations are satisfied and it is not being deleted, create or delete pods;</li>
     *   <li>compute its status and write it if it changed;</li>
     *   <li>if pods are ready but not yet available, look again after {@code minReadySeconds}.</li>
     * </ol>
     */
    // tag::sync-replica-set[]
    public void syncReplicaSet(String key) {
        Cache.NamespacedName nn = Cache.splitMetaNamespaceKey(key);
        ReplicaSet rs = cachedOwner.apply(nn.namespace(), nn.name()).orElse(null);
        if (rs == null) {
            expectations.deleteExpectations(key);
            return;
        }
        boolean rsNeedsSync = expectations.satisfiedExpectations(key);
        Selector selector = Selector.from(rs.spec().selector());
        List<Pod> active = podLister.inNamespace(rs.namespace()).list().stream()
                .filter(ActivePodsWithRanks::isActive).toList();
        List<Pod> filteredPods = new PodControllerRefManager(api, rs, selector, () -> freshReplicaSet(rs))
                .claimPods(active);

        ApiException manageReplicasErr = null;
        if (rsNeedsSync && !rs.metadata().isBeingDeleted()) {
            try {
                manageReplicas(key, filteredPods, rs);
            } catch (ApiException e) {
                manageReplicasErr = e;
            }
        }
        ReplicaSetStatus status = ReplicaSetStatuses.calculate(rs, filteredPods, loop.clock().now());
        ReplicaSetStatuses.updateIfChanged(rs, status, statusWriter, () -> freshOwner.apply(rs.namespace(), rs.name()));
        int minReady = minReadySeconds(rs);
        if (manageReplicasErr == null && minReady > 0 && status.readyReplicas() == replicas(rs)
                && status.availableReplicas() != replicas(rs)) {
            queue.addAfter(key, Duration.ofSeconds(minReady));
        }
        if (manageReplicasErr != null) {
            throw manageReplicasErr; // the worker re-queues the key with back-off
        }
    }
    // end::sync-replica-set[]

    private ReplicaSet freshReplicaSet(ReplicaSet rs) {
        try {
            return freshOwner.apply(rs.namespace(), rs.name());
        } catch (ApiException e) {
            if (e.code() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Creates or deletes pods so that {@code filteredPods} (the active, owned ones) reaches replicas. */
    private void manageReplicas(String key, List<Pod> filteredPods, ReplicaSet rs) {
        int diff = filteredPods.size() - replicas(rs);
        if (diff < 0) {
            int toCreate = Math.min(-diff, BURST_REPLICAS);
            // Expect them all before the first create: the informer may see a pod before we return.
            expectations.expectCreations(key, toCreate);
            ApiException[] firstError = new ApiException[1];
            int created = slowStartBatch(toCreate, 1, () -> {
                try {
                    Pod made = api.create(newPod(rs));
                    recorder.event(rs, Event.TYPE_NORMAL, "SuccessfulCreate", "Created pod: " + made.name());
                    return 0;
                } catch (ApiException e) {
                    if (e.hasCause(NamespaceLifecycle.NAMESPACE_TERMINATING_CAUSE)) {
                        return 0; // every create will fail until the namespace is gone: not a failure to retry
                    }
                    recorder.event(rs, Event.TYPE_WARNING, "FailedCreate", "Error creating: " + e.getMessage());
                    if (firstError[0] == null) {
                        firstError[0] = e;
                    }
                    return 1;
                }
            });
            // The pods not created (failed, or skipped after a failed batch) will never be observed.
            for (int skipped = toCreate - created; skipped > 0; skipped--) {
                expectations.creationObserved(key);
            }
            if (firstError[0] != null) {
                throw firstError[0];
            }
        } else if (diff > 0) {
            int toDelete = Math.min(diff, BURST_REPLICAS);
            List<Pod> podsToDelete = ActivePodsWithRanks.getPodsToDelete(filteredPods, filteredPods, toDelete);
            Set<String> podKeys = new LinkedHashSet<>();
            podsToDelete.forEach(p -> podKeys.add(Cache.metaNamespaceKey(p)));
            expectations.expectDeletions(key, podKeys);
            ApiException firstError = null;
            for (Pod pod : podsToDelete) {
                try {
                    api.delete(Pod.class, pod.namespace(), pod.name());
                    recorder.event(rs, Event.TYPE_NORMAL, "SuccessfulDelete", "Deleted pod: " + pod.name());
                } catch (ApiException e) {
                    expectations.deletionObserved(key, Cache.metaNamespaceKey(pod));
                    if (e.code() != 404 && firstError == null) {
                        firstError = e; // a pod already gone is what we wanted
                    }
                }
            }
            if (firstError != null) {
                throw firstError;
            }
        }
    }

    /**
     * Calls {@code fn} {@code count} times in batches of 1, 2, 4, ... and stops after the first batch
     * with a failure, so that a create that will fail anyway (quota, admission) costs one call, not
     * hundreds. {@code fn} returns the number of failures of one call (0 or 1).
     *
     * @return how many calls succeeded
     */
    // tag::slow-start-batch[]
    static int slowStartBatch(int count, int initialBatchSize, IntSupplier fn) {
        int remaining = count;
        int successes = 0;
        for (int batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
            int failures = 0;
            for (int i = 0; i < batch; i++) {
                failures += fn.getAsInt();
            }
            successes += batch - failures;
            if (failures > 0) {
                return successes;
            }
            remaining -= batch;
        }
        return successes;
    }
    // end::slow-start-batch[]

    /** A pod from the ReplicaSet's template, named by the server from "&lt;rs-name&gt;-", controlled by it. */
    static Pod newPod(ReplicaSet rs) {
        PodTemplateSpec template = rs.spec().template();
        ObjectMeta tm = template.metadata();
        Map<String, String> labels = tm == null ? Map.of() : tm.labels();
        Map<String, String> annotations = tm == null ? Map.of() : tm.annotations();
        ObjectMeta meta = ObjectMeta.of(rs.namespace(), null).withGenerateName(rs.name() + "-")
                .withLabels(labels).withAnnotations(annotations)
                .withOwnerReferences(List.of(OwnerReference.controllerOf(rs)));
        return Pod.of(meta, template.spec());
    }

    static int replicas(ReplicaSet rs) {
        return rs.spec().replicas() == null ? 1 : rs.spec().replicas();
    }

    static int minReadySeconds(ReplicaSet rs) {
        return rs.spec().minReadySeconds() == null ? 0 : rs.spec().minReadySeconds();
    }
}
