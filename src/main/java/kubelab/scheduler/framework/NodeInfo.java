package kubelab.scheduler.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;

/**
 * A node together with the pods assigned to it, and the totals the filters need: the summed
 * requests of those pods, the same with 100m/200Mi assumed for missing requests (for scoring),
 * the node's allocatable resources and the host ports in use.
 *
 * <p>Totals are kept up to date as pods come and go ({@link #addPod}, {@link #removePod}), each in
 * O(1) per pod: a filter asked about a node with 100 pods never adds up 100 pods. What a pod
 * contributed is remembered with it, so removing it subtracts exactly that, even if the pod object
 * changed since. Pods are keyed by namespace/name (Kubernetes keys by UID).
 *
 * <p>Mutable, as the scheduler's cache builds it incrementally; plugins receive it read-only by
 * convention and must not change it. {@link #snapshot()} gives an independent copy.
 *
 * <p>Real Kubernetes: {@code NodeInfo} in {@code pkg/scheduler/framework/types.go}.
 */
public final class NodeInfo {

    /** A pod on the node and what it added to the totals. */
    public record PodInfo(Pod pod, Resource requests, Resource nonZeroRequests,
                          List<HostPortInfo.HostPort> hostPorts) {
        public PodInfo {
            hostPorts = List.copyOf(hostPorts);
        }

        public static PodInfo of(Pod pod) {
            return new PodInfo(pod, PodRequests.of(pod), PodRequests.nonZero(pod), HostPortInfo.of(pod));
        }
    }

    private Node node;
    private Resource allocatable = Resource.EMPTY;
    private final Map<String, PodInfo> pods = new LinkedHashMap<>();
    private Resource requested = Resource.EMPTY;
    private Resource nonZeroRequested = Resource.EMPTY;
    private final HostPortInfo usedPorts;
    private int podsWithAffinity;
    private int podsWithRequiredAntiAffinity;

    /** A NodeInfo for a node with no pods yet. */
    public NodeInfo(Node node) {
        this.usedPorts = new HostPortInfo();
        setNode(node);
    }

    /** A NodeInfo for a node and the pods already on it. */
    public static NodeInfo of(Node node, Pod... pods) {
        NodeInfo info = new NodeInfo(node);
        for (Pod p : pods) {
            info.addPod(p);
        }
        return info;
    }

    /** Replaces the node (its labels, taints or allocatable changed); the pods stay. */
    public void setNode(Node node) {
        this.node = Objects.requireNonNull(node, "node");
        this.allocatable = node.status() == null ? Resource.EMPTY : Resource.from(node.status().allocatable());
    }

    public Node node() {
        return node;
    }

    public String nodeName() {
        return node.metadata().name();
    }

    /** Adds a pod, or replaces the pod with the same namespace and name. O(1). */
    public void addPod(Pod pod) {
        removePod(pod);
        PodInfo info = PodInfo.of(pod);
        pods.put(key(pod), info);
        requested = requested.add(info.requests());
        nonZeroRequested = nonZeroRequested.add(info.nonZeroRequests());
        info.hostPorts().forEach(usedPorts::add);
        countAffinity(pod, 1);
    }

    private void countAffinity(Pod pod, int delta) {
        var a = pod.spec() == null ? null : pod.spec().affinity();
        if (a != null && (a.podAffinity() != null || a.podAntiAffinity() != null)) {
            podsWithAffinity += delta;
            if (a.podAntiAffinity() != null
                    && !a.podAntiAffinity().requiredDuringSchedulingIgnoredDuringExecution().isEmpty()) {
                podsWithRequiredAntiAffinity += delta;
            }
        }
    }

    /**
     * How many pods here have pod affinity or anti-affinity of any kind: InterPodAffinity skips
     * nodes with none, as Kubernetes' {@code PodsWithAffinity} list lets it.
     */
    public int podsWithAffinity() {
        return podsWithAffinity;
    }

    /** How many pods here have required anti-affinity (which can keep other pods away). */
    public int podsWithRequiredAntiAffinity() {
        return podsWithRequiredAntiAffinity;
    }

    /** Removes a pod by namespace and name; false if it was not here. O(1). */
    public boolean removePod(Pod pod) {
        PodInfo info = pods.remove(key(pod));
        if (info == null) {
            return false;
        }
        requested = requested.subtract(info.requests());
        nonZeroRequested = nonZeroRequested.subtract(info.nonZeroRequests());
        info.hostPorts().forEach(usedPorts::remove);
        countAffinity(info.pod(), -1);
        return true;
    }

    /** The pods on the node, in the order they were added. */
    public List<Pod> pods() {
        List<Pod> list = new ArrayList<>(pods.size());
        pods.values().forEach(i -> list.add(i.pod()));
        return list;
    }

    public int podCount() {
        return pods.size();
    }

    /** What the node offers to pods: {@code status.allocatable}, in numbers. */
    public Resource allocatable() {
        return allocatable;
    }

    /** The sum of the effective requests of the pods on the node. */
    public Resource requested() {
        return requested;
    }

    /** Like {@link #requested()}, with 100m CPU and 200Mi memory for each container that asks nothing. */
    public Resource nonZeroRequested() {
        return nonZeroRequested;
    }

    /** The host ports held by the pods on the node. Read it; do not change it. */
    public HostPortInfo usedPorts() {
        return usedPorts;
    }

    /** An independent copy: changing it leaves this one alone. */
    public NodeInfo snapshot() {
        NodeInfo copy = new NodeInfo(node, usedPorts.copy());
        copy.pods.putAll(pods);
        copy.requested = requested;
        copy.nonZeroRequested = nonZeroRequested;
        copy.podsWithAffinity = podsWithAffinity;
        copy.podsWithRequiredAntiAffinity = podsWithRequiredAntiAffinity;
        return copy;
    }

    private NodeInfo(Node node, HostPortInfo usedPorts) {
        this.usedPorts = usedPorts;
        setNode(node);
    }

    private static String key(Pod pod) {
        return pod.metadata().namespace() + "/" + pod.metadata().name();
    }

    @Override
    public String toString() {
        return "NodeInfo{" + nodeName() + ", pods=" + pods.size() + ", requested=" + requested + "}";
    }
}
