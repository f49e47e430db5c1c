package kubelab.scheduler.internal.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.NodeInfo;

/**
 * What the scheduler believes is on each node: a NodeInfo per node, changed incrementally as the
 * informers report nodes and bound pods, and as the scheduler itself assumes pods.
 *
 * <p>The life of a scheduled pod here, in Kubernetes' words:
 * <ol>
 *   <li>{@link #assumePod}: the scheduler picked a node; the pod counts there at once, so the next
 *       cycle does not give the same room away while the binding is still on its way.</li>
 *   <li>{@link #finishBinding}: the binding was sent.</li>
 *   <li>{@link #addPod}: the informer shows the pod bound; the assumption is confirmed.</li>
 *   <li>or {@link #forgetPod}: binding failed; the pod is taken off the node again.</li>
 * </ol>
 *
 * <p>Every change stamps the node with a new generation number; {@link #updateSnapshot} copies
 * only the nodes stamped after the snapshot's generation (a sorted index makes that
 * O(changed · log n)). A pod whose node is not known yet is kept on a placeholder until the node
 * arrives, and a deleted node's NodeInfo lingers until its last pod is gone, as in Kubernetes.
 * Assumed pods do not expire (Kubernetes' default since 1.25).
 *
 * <p>Real Kubernetes: {@code cacheImpl} in {@code pkg/scheduler/backend/cache/cache.go}.
 */
public final class Cache {
    private static final class NodeItem {
        NodeInfo info;
        boolean hasNode;
        long generation;
    }

    private record PodState(Pod pod, boolean assumed, boolean bindingFinished) {
    }

    private final Map<String, NodeItem> nodes = new HashMap<>();
    private final TreeMap<Long, String> byGeneration = new TreeMap<>();
    private final Map<String, PodState> podStates = new HashMap<>();
    private final NodeTree nodeTree = new NodeTree();
    private long generation;
    private long treeVersion;

    // ---- nodes ----

    public void addNode(Node node) {
        NodeItem item = item(node.metadata().name());
        if (item.hasNode) {
            updateNode(item.info.node(), node);
            return;
        }
        item.hasNode = true;
        item.info.setNode(node);
        nodeTree.addNode(node);
        treeVersion++;
        touch(node.metadata().name(), item);
    }

    public void updateNode(Node oldNode, Node newNode) {
        NodeItem item = item(newNode.metadata().name());
        if (!item.hasNode) {
            addNode(newNode);
            return;
        }
        if (nodeTree.updateNode(item.info.node(), newNode)) {
            treeVersion++;
        }
        item.info.setNode(newNode);
        touch(newNode.metadata().name(), item);
    }

    public void removeNode(Node node) {
        String name = node.metadata().name();
        NodeItem item = nodes.get(name);
        if (item == null || !item.hasNode) {
            return;
        }
        nodeTree.removeNode(item.info.node());
        treeVersion++;
        item.hasNode = false;
        if (item.info.podCount() == 0) {
            nodes.remove(name);
            byGeneration.remove(item.generation);
        } else {
            touch(name, item);
        }
    }

    // ---- pods ----

    /** Counts a pod on {@code spec.nodeName} before it is bound. */
    public void assumePod(Pod pod) {
        String key = key(pod);
        if (podStates.containsKey(key)) {
            throw new IllegalStateException("pod " + key + " is in the cache, so can't be assumed");
        }
        addToNode(pod);
        podStates.put(key, new PodState(pod, true, false));
    }

    /** The binding of an assumed pod was sent. */
    public void finishBinding(Pod pod) {
        PodState s = podStates.get(key(pod));
        if (s != null && s.assumed()) {
            podStates.put(key(pod), new PodState(s.pod(), true, true));
        }
    }

    /** Takes back an assumed pod whose binding failed. */
    public void forgetPod(Pod pod) {
        PodState s = podStates.get(key(pod));
        if (s != null && s.assumed()) {
            removeFromNode(s.pod());
            podStates.remove(key(pod));
        }
    }

    /** A bound pod appeared in the informer: confirms an assumed pod, or adds a pod bound elsewhere. */
    public void addPod(Pod pod) {
        String key = key(pod);
        PodState s = podStates.get(key);
        if (s != null) {
            // Confirms an assumption; if bound elsewhere (by another scheduler), this also moves it.
            removeFromNode(s.pod());
        }
        addToNode(pod);
        podStates.put(key, new PodState(pod, false, false));
    }

    public void updatePod(Pod oldPod, Pod newPod) {
        PodState s = podStates.get(key(newPod));
        if (s == null) {
            addPod(newPod);
            return;
        }
        removeFromNode(s.pod());
        addToNode(newPod);
        podStates.put(key(newPod), new PodState(newPod, false, false));
    }

    public void removePod(Pod pod) {
        PodState s = podStates.remove(key(pod));
        if (s != null) {
            removeFromNode(s.pod());
        }
    }

    public boolean isAssumedPod(Pod pod) {
        PodState s = podStates.get(key(pod));
        return s != null && s.assumed();
    }

    /** The pod as the cache has it (assumed or confirmed). */
    public Optional<Pod> getPod(String namespace, String name) {
        return Optional.ofNullable(podStates.get(namespace + "/" + name)).map(PodState::pod);
    }

    public int podCount() {
        return podStates.size();
    }

    public int nodeCount() {
        return nodeTree.numNodes();
    }

    // ---- snapshot ----

    /**
     * Brings a snapshot up to date: 1. copy the NodeInfos changed since its generation; 2. if the
     * set of nodes or their zones changed, re-list in the node tree's order.
     */
    public void updateSnapshot(Snapshot snapshot) {
        boolean relist = snapshot.treeVersion != treeVersion;
        for (String name : byGeneration.tailMap(snapshot.generation, false).values()) {
            NodeItem item = nodes.get(name);
            if (item.hasNode) {
                if (!snapshot.nodeInfoMap.containsKey(name)) {
                    relist = true;
                }
                snapshot.put(name, item.info.snapshot());
            }
        }
        if (relist) {
            snapshot.relist(nodeTree.list());
            snapshot.treeVersion = treeVersion;
        }
        snapshot.generation = generation;
    }

    /** The cache's current generation. */
    public long generation() {
        return generation;
    }

    private NodeItem item(String name) {
        return nodes.computeIfAbsent(name, n -> {
            NodeItem i = new NodeItem();
            i.info = new NodeInfo(Node.named(n));
            return i;
        });
    }

    private void touch(String name, NodeItem item) {
        byGeneration.remove(item.generation);
        item.generation = ++generation;
        byGeneration.put(item.generation, name);
    }

    private void addToNode(Pod pod) {
        String nodeName = pod.spec().nodeName();
        NodeItem item = item(nodeName);
        item.info.addPod(pod);
        touch(nodeName, item);
    }

    private void removeFromNode(Pod pod) {
        String nodeName = pod.spec().nodeName();
        NodeItem item = nodes.get(nodeName);
        if (item == null) {
            return;
        }
        item.info.removePod(pod);
        if (!item.hasNode && item.info.podCount() == 0) {
            nodes.remove(nodeName);
            byGeneration.remove(item.generation);
        } else {
            touch(nodeName, item);
        }
    }

    private static String key(Pod pod) {
        return pod.metadata().namespace() + "/" + pod.metadata().name();
    }
}
