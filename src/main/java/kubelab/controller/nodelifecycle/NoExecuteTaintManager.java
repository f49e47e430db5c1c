package kubelab.controller.nodelifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.core.Event;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.core.Taint;
import kubelab.api.core.TaintEffect;
import kubelab.api.core.Toleration;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.Cache;
import kubelab.client.IndexFunc;
import kubelab.client.Indexer;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.ResourceEventHandler;
import kubelab.client.SharedInformer;
import kubelab.client.record.EventRecorder;
import kubelab.scheduler.plugins.helper.Tolerations;
import kubelab.time.EventLoop;

/**
 * Evicts (deletes) the pods of a node with NoExecute taints they do not tolerate: at once when a
 * taint has no matching toleration, else when the shortest {@code tolerationSeconds} of the
 * tolerations in use runs out, counted from the taint's {@code timeAdded}. A toleration without
 * {@code tolerationSeconds} tolerates the taint for ever. When the taint goes, pending evictions
 * are cancelled.
 *
 * <p>Driven by events: a node whose NoExecute taints change re-examines its pods (found through a
 * pods-by-node index, never by scanning every pod); a pod that lands on or changes on a tainted
 * node is examined alone. A scheduled eviction re-examines the pod when it fires, so it acts on
 * the cache as it is then, not as it was when the timer was set.
 *
 * <p>Real Kubernetes: {@code NoExecuteTaintManager} in {@code pkg/controller/tainteviction/taint_eviction.go}
 * (formerly {@code pkg/controller/nodelifecycle/scheduler/taint_manager.go}).
 */
public final class NoExecuteTaintManager {
    /** The pod index by {@code spec.nodeName}, so a node's pods are one lookup. */
    public static final String NODE_NAME_INDEX = "spec.nodeName";
    /** How long to wait before retrying an eviction the API server refused. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final Api api;
    private final EventRecorder recorder;
    private final EventLoop loop;
    private final Lister<Node> nodeLister;
    private final Lister<Pod> podLister;
    private final Indexer<Pod> podIndexer;
    /** Pending evictions by pod key, with the time each is due. */
    private final Map<String, Scheduled> evictions = new HashMap<>();

    private record Scheduled(Instant at, EventLoop.Timer timer) {
    }

    NoExecuteTaintManager(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder) {
        this.api = api;
        this.recorder = recorder;
        this.loop = loop;
        this.nodeLister = informers.listerFor(Node.class);
        SharedInformer<Pod> pods = informers.informerFor(Pod.class);
        if (!pods.getIndexer().indexNames().contains(NODE_NAME_INDEX)) {
            pods.addIndexers(Map.of(NODE_NAME_INDEX, nodeNameIndex()));
        }
        this.podIndexer = pods.getIndexer();
        this.podLister = pods.lister();
        informers.informerFor(Node.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node, boolean isInInitialList) {
                nodeUpdated(List.of(), noExecuteTaints(node), node.name());
            }

            @Override
            public void onUpdate(Node oldNode, Node newNode) {
                nodeUpdated(noExecuteTaints(oldNode), noExecuteTaints(newNode), newNode.name());
            }

            @Override
            public void onDelete(Node node) {
                nodeUpdated(noExecuteTaints(node), List.of(), node.name());
            }
        });
        pods.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod, boolean isInInitialList) {
                processPod(Cache.metaNamespaceKey(pod));
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                if (!Objects.equals(oldPod.spec().nodeName(), newPod.spec().nodeName())
                        || !oldPod.spec().tolerations().equals(newPod.spec().tolerations())) {
                    processPod(Cache.metaNamespaceKey(newPod));
                }
            }

            @Override
            public void onDelete(Pod pod) {
                cancel(Cache.metaNamespaceKey(pod));
            }
        });
    }

    static IndexFunc<Pod> nodeNameIndex() {
        return pod -> pod.spec() == null || pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty()
                ? List.of() : List.of(pod.spec().nodeName());
    }

    static List<Taint> noExecuteTaints(Node node) {
        if (node == null || node.spec() == null) {
            return List.of();
        }
        return node.spec().taints().stream().filter(t -> TaintEffect.NO_EXECUTE.equals(t.effect())).toList();
    }

    /** The eviction pending for this pod key and when it is due, if any. */
    public Instant scheduledEviction(String podKey) {
        Scheduled s = evictions.get(podKey);
        return s == null ? null : s.at();
    }

    void stop() {
        evictions.values().forEach(s -> s.timer().cancel());
        evictions.clear();
    }

    private void nodeUpdated(List<Taint> oldTaints, List<Taint> newTaints, String nodeName) {
        if (oldTaints.equals(newTaints)) {
            return; // heartbeats and status updates: nothing for the taint manager
        }
        for (Pod pod : podIndexer.byIndex(NODE_NAME_INDEX, nodeName)) {
            processPod(Cache.metaNamespaceKey(pod));
        }
    }

    /** Decides, from the caches, whether this pod must go now, later, or not at all, and acts. */
    // tag::process-pod[]
    void processPod(String podKey) {
        Cache.NamespacedName nn = Cache.splitMetaNamespaceKey(podKey);
        Pod pod = podLister.inNamespace(nn.namespace()).get(nn.name()).orElse(null);
        String nodeName = pod == null ? null : pod.spec().nodeName();
        if (pod == null || pod.metadata().isBeingDeleted() || nodeName == null || nodeName.isEmpty()) {
            cancel(podKey);
            return;
        }
        List<Taint> taints = noExecuteTaints(nodeLister.get(nodeName).orElse(null));
        Instant due = evictionTime(taints, pod.spec().tolerations(), loop.clock().now());
        if (due == null) {
            cancel(podKey); // no NoExecute taint, or all tolerated for ever
            return;
        }
        if (!due.isAfter(loop.clock().now())) {
            cancel(podKey);
            evict(pod);
            return;
        }
        Scheduled existing = evictions.get(podKey);
        if (existing != null && existing.at().equals(due)) {
            return;
        }
        cancel(podKey);
        EventLoop.Timer timer = loop.schedule("taint-eviction " + podKey,
                Duration.between(loop.clock().now(), due), () -> {
                    evictions.remove(podKey);
                    processPod(podKey);
                });
        evictions.put(podKey, new Scheduled(due, timer));
    }
    // end::process-pod[]

    /**
     * When a pod with these tolerations must leave a node with these NoExecute taints: {@code now}
     * if some taint is not tolerated; else, over the taints, the earliest {@code timeAdded} plus the
     * shortest {@code tolerationSeconds} among the tolerations that match it; null if never.
     */
    static Instant evictionTime(List<Taint> taints, List<Toleration> tolerations, Instant now) {
        Instant earliest = null;
        for (Taint taint : taints) {
            Long seconds = null;
            boolean tolerated = false;
            boolean forever = false;
            for (Toleration t : tolerations) {
                if (!Tolerations.toleratesTaint(t, taint)) {
                    continue;
                }
                tolerated = true;
                if (t.tolerationSeconds() == null) {
                    forever = true;
                } else {
                    // Zero or negative means evict at once, as in Kubernetes.
                    long s = Math.max(0, t.tolerationSeconds());
                    seconds = seconds == null ? s : Math.min(seconds, s);
                }
            }
            if (!tolerated) {
                return now;
            }
            if (seconds == null && forever) {
                continue;
            }
            Instant added = taint.timeAdded() != null ? taint.timeAdded() : now;
            Instant due = added.plusSeconds(seconds);
            if (earliest == null || due.isBefore(earliest)) {
                earliest = due;
            }
        }
        return earliest;
    }

    private void evict(Pod pod) {
        try {
            recorder.event(pod, Event.TYPE_NORMAL, "TaintManagerEviction",
                    "Marking for deletion Pod " + pod.namespace() + "/" + pod.name());
            api.delete(Pod.class, pod.namespace(), pod.name());
        } catch (ApiException e) {
            if (e.code() == 404) {
                return; // already gone: what we wanted
            }
            String key = Cache.metaNamespaceKey(pod);
            EventLoop.Timer timer = loop.schedule("taint-eviction retry " + key, RETRY_DELAY, () -> {
                evictions.remove(key);
                processPod(key);
            });
            evictions.put(key, new Scheduled(loop.clock().now().plus(RETRY_DELAY), timer));
        }
    }

    private void cancel(String podKey) {
        Scheduled s = evictions.remove(podKey);
        if (s != null) {
            s.timer().cancel();
        }
    }
}
