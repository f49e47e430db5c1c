package kubelab.controller.daemon;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import kubelab.api.apps.DaemonSet;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.meta.OwnerReference;
import kubelab.client.Cache;
import kubelab.client.InformerFactory;
import kubelab.client.ResourceEventHandler;

/**
 * The DaemonSet controller's informer handlers: each turns a DaemonSet, pod or node change into
 * the keys of the DaemonSets concerned, and accounts for expectations. Nothing here reads more
 * than the changed object, its owner, and the list of DaemonSets (a handful).
 *
 * <p>A node change is looked at only if it could change a DaemonSet's decision (labels, taints,
 * conditions, cordoning), not for each heartbeat; then only the DaemonSets whose answer for that
 * node changed are queued.
 *
 * <p>Real Kubernetes: {@code addDaemonset}, {@code addPod}, {@code updatePod}, {@code deletePod},
 * {@code addNode}, {@code updateNode} and {@code shouldIgnoreNodeUpdate} in
 * {@code pkg/controller/daemon/daemon_controller.go}.
 */
final class DaemonSetEventHandlers {
    private final DaemonSetsController controller;

    DaemonSetEventHandlers(DaemonSetsController controller, InformerFactory informers) {
        this.controller = controller;
        informers.informerFor(DaemonSet.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(DaemonSet ds, boolean isInInitialList) {
                controller.enqueue(ds);
            }

            @Override
            public void onUpdate(DaemonSet oldDs, DaemonSet newDs) {
                controller.enqueue(newDs);
            }

            @Override
            public void onDelete(DaemonSet ds) {
                controller.forget(Cache.metaNamespaceKey(ds));
                controller.enqueue(ds);
            }
        });
        informers.informerFor(Pod.class).addEventHandler(ResourceEventHandler.funcs(this::addPod, this::updatePod, this::deletePod));
        informers.informerFor(Node.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Node node, boolean isInInitialList) {
                addNode(node);
            }

            @Override
            public void onUpdate(Node oldNode, Node newNode) {
                updateNode(oldNode, newNode);
            }

            @Override
            public void onDelete(Node node) {
                // Kubernetes leaves this to the pod garbage collector's pod deletions; here the
                // status (desiredNumberScheduled) is refreshed at once.
                addNode(node);
            }
        });
    }

    private void addPod(Pod pod) {
        if (pod.metadata().isBeingDeleted()) {
            // Seen for the first time already going: its deletion will be observed when it is removed.
            enqueueOwner(pod);
            return;
        }
        DaemonSet ds = controller.resolveControllerRef(pod.namespace(), pod.metadata().controllerRef());
        if (ds != null) {
            controller.creationObserved(Cache.metaNamespaceKey(ds));
            controller.enqueue(ds);
        }
        // Orphans are not adopted here (see package-info).
    }

    private void updatePod(Pod oldPod, Pod newPod) {
        if (Objects.equals(oldPod.metadata().resourceVersion(), newPod.metadata().resourceVersion())) {
            return; // a resync: nothing changed
        }
        OwnerReference oldRef = oldPod.metadata().controllerRef();
        OwnerReference newRef = newPod.metadata().controllerRef();
        if (!Objects.equals(oldRef, newRef) && oldRef != null) {
            DaemonSet old = controller.resolveControllerRef(oldPod.namespace(), oldRef);
            if (old != null) {
                controller.enqueue(old);
            }
        }
        DaemonSet ds = controller.resolveControllerRef(newPod.namespace(), newRef);
        if (ds == null) {
            return;
        }
        controller.enqueue(ds);
        Integer minReady = ds.spec().minReadySeconds();
        if (minReady != null && minReady > 0
                && !DaemonSetUtil.isPodReady(oldPod) && DaemonSetUtil.isPodReady(newPod)) {
            // Look again once it has been ready long enough to count as available.
            controller.enqueueAfter(ds, Duration.ofSeconds(minReady + 1L));
        }
    }

    private void deletePod(Pod pod) {
        DaemonSet ds = controller.resolveControllerRef(pod.namespace(), pod.metadata().controllerRef());
        if (ds != null) {
            String key = Cache.metaNamespaceKey(ds);
            controller.deletionObserved(key, Cache.metaNamespaceKey(pod));
            controller.enqueue(ds);
        }
    }

    private void enqueueOwner(Pod pod) {
        DaemonSet ds = controller.resolveControllerRef(pod.namespace(), pod.metadata().controllerRef());
        if (ds != null) {
            controller.enqueue(ds);
        }
    }

    /** A new node: queue the DaemonSets that should run there (their sync creates only what is missing). */
    private void addNode(Node node) {
        for (DaemonSet ds : controller.dsLister.list()) {
            NodeShouldRunDaemonPod.Result r = NodeShouldRunDaemonPod.check(node, ds);
            if (r.shouldRun() || r.shouldContinueRunning()) {
                controller.enqueue(ds);
            }
        }
    }

    private void updateNode(Node oldNode, Node newNode) {
        if (shouldIgnoreNodeUpdate(oldNode, newNode)) {
            return;
        }
        for (DaemonSet ds : controller.dsLister.list()) {
            if (!NodeShouldRunDaemonPod.check(oldNode, ds).equals(NodeShouldRunDaemonPod.check(newNode, ds))) {
                controller.enqueue(ds);
            }
        }
    }

    /** True if nothing a DaemonSet looks at changed: only heartbeats and status counters did. */
    static boolean shouldIgnoreNodeUpdate(Node oldNode, Node newNode) {
        return Objects.equals(oldNode.metadata().labels(), newNode.metadata().labels())
                && Objects.equals(oldNode.spec(), newNode.spec())
                && conditionStates(oldNode).equals(conditionStates(newNode));
    }

    private static List<String> conditionStates(Node node) {
        if (node.status() == null) {
            return List.of();
        }
        return node.status().conditions().stream().map(c -> c.type() + "=" + c.status()).toList();
    }
}
