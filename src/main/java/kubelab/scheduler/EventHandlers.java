package kubelab.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import kubelab.api.core.Node;
import kubelab.api.core.NodeCondition;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;
import kubelab.client.InformerFactory;
import kubelab.client.ResourceEventHandler;
import kubelab.scheduler.framework.ClusterEvent;

/**
 * The scheduler's informer handlers, which keep its two data structures current:
 * <ul>
 *   <li>Pods with a {@code spec.nodeName} (assigned) go to the {@link kubelab.scheduler.internal.cache.Cache};
 *       their arrival, relabelling and departure are cluster events for the queue. Finished
 *       pods (Succeeded, Failed) count as gone: they hold no resources.</li>
 *   <li>Pods without one, whose schedulerName is one of ours and that are not being deleted, go to
 *       the {@link kubelab.scheduler.internal.queue.SchedulingQueue}. Updates of a pod the
 *       scheduler has assumed are ignored: it is in flight.</li>
 *   <li>Nodes go to the cache; an added node, or a change of labels, taints, allocatable,
 *       {@code spec.unschedulable} or condition status, is a cluster event. Heartbeats are not.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code addAllEventHandlers} in {@code pkg/scheduler/eventhandlers.go}.
 */
final class EventHandlers {
    private final Scheduler s;

    EventHandlers(Scheduler scheduler) {
        this.s = scheduler;
    }

    void register(InformerFactory informers) {
        informers.informerFor(Pod.class).addEventHandler(ResourceEventHandler.funcs(this::addPod, this::updatePod, this::deletePod));
        informers.informerFor(Node.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node, boolean isInInitialList) {
                s.cache.addNode(node);
                s.queue.moveAllToActiveOrBackoffQueue(ClusterEvent.NODE_ADD);
            }

            @Override
            public void onUpdate(Node oldNode, Node newNode) {
                s.cache.updateNode(oldNode, newNode);
                nodeSchedulingPropertiesChange(oldNode, newNode).forEach(s.queue::moveAllToActiveOrBackoffQueue);
            }

            @Override
            public void onDelete(Node node) {
                s.cache.removeNode(node);
            }
        });
    }

    static boolean assigned(Pod pod) {
        return pod.spec() != null && pod.spec().nodeName() != null && !pod.spec().nodeName().isEmpty();
    }

    static boolean terminal(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        return PodPhase.SUCCEEDED.equals(phase) || PodPhase.FAILED.equals(phase);
    }

    private boolean pending(Pod pod) {
        return !assigned(pod) && s.responsibleForPod(pod) && pod.metadata().deletionTimestamp() == null;
    }

    private void addPod(Pod pod) {
        if (assigned(pod)) {
            if (!terminal(pod)) {
                s.cache.addPod(pod);
                s.queue.moveAllToActiveOrBackoffQueue(ClusterEvent.ASSIGNED_POD_ADD);
            }
        } else if (pending(pod)) {
            s.queue.add(pod);
        }
    }

    private void updatePod(Pod oldPod, Pod newPod) {
        if (assigned(newPod)) {
            if (!assigned(oldPod)) {
                s.queue.delete(newPod); // just bound: it leaves the queue for the cache
            }
            boolean wasCounted = assigned(oldPod) && !terminal(oldPod);
            if (terminal(newPod)) {
                if (wasCounted) {
                    s.cache.removePod(oldPod);
                    s.queue.moveAllToActiveOrBackoffQueue(ClusterEvent.ASSIGNED_POD_DELETE);
                }
            } else if (!wasCounted) {
                s.cache.addPod(newPod);
                s.queue.moveAllToActiveOrBackoffQueue(ClusterEvent.ASSIGNED_POD_ADD);
            } else {
                s.cache.updatePod(oldPod, newPod);
                if (!Objects.equals(oldPod.metadata().labels(), newPod.metadata().labels())) {
                    s.queue.moveAllToActiveOrBackoffQueue(ClusterEvent.ASSIGNED_POD_UPDATE);
                }
            }
            return;
        }
        if (!s.responsibleForPod(newPod)) {
            return;
        }
        if (newPod.metadata().deletionTimestamp() != null) {
            s.queue.delete(newPod);
        } else if (!s.cache.isAssumedPod(newPod)) {
            s.queue.update(oldPod, newPod);
        }
    }

    private void deletePod(Pod pod) {
        String key = pod.metadata().namespace() + "/" + pod.metadata().name();
        if (assigned(pod)) {
            s.cache.removePod(pod);
            s.queue.moveAllToActiveOrBackoffQueue(ClusterEvent.ASSIGNED_POD_DELETE);
        } else {
            s.queue.delete(pod);
            s.cache.forgetPod(pod);
        }
        s.frameworks.values().forEach(f -> f.waitingPod(key).ifPresent(w -> w.reject("", "pod deleted")));
    }

    /** The cluster events a node update amounts to; none for a heartbeat. */
    static List<ClusterEvent> nodeSchedulingPropertiesChange(Node oldNode, Node newNode) {
        List<ClusterEvent> events = new ArrayList<>();
        if (!Objects.equals(unschedulable(oldNode), unschedulable(newNode))) {
            events.add(ClusterEvent.NODE_TAINT_CHANGE); // Kubernetes' NodeSpecUnschedulableChange
        }
        if (!Objects.equals(get(oldNode, n -> n.status() == null ? null : n.status().allocatable()),
                get(newNode, n -> n.status() == null ? null : n.status().allocatable()))) {
            events.add(ClusterEvent.NODE_ALLOCATABLE_CHANGE);
        }
        if (!Objects.equals(oldNode.metadata().labels(), newNode.metadata().labels())) {
            events.add(ClusterEvent.NODE_LABEL_CHANGE);
        }
        if (!Objects.equals(get(oldNode, n -> n.spec() == null ? null : n.spec().taints()),
                get(newNode, n -> n.spec() == null ? null : n.spec().taints()))) {
            events.add(ClusterEvent.NODE_TAINT_CHANGE);
        }
        if (!conditionStatuses(oldNode).equals(conditionStatuses(newNode))) {
            events.add(ClusterEvent.NODE_CONDITION_CHANGE);
        }
        return events;
    }

    private static boolean unschedulable(Node n) {
        return n.spec() != null && Boolean.TRUE.equals(n.spec().unschedulable());
    }

    private static <T> T get(Node n, Function<Node, T> f) {
        return f.apply(n);
    }

    private static Map<String, String> conditionStatuses(Node n) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (n.status() != null) {
            for (NodeCondition c : n.status().conditions()) {
                out.put(c.type(), c.status());
            }
        }
        return out;
    }
}
