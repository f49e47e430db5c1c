package kubelab.api.core;

import java.util.List;
import java.util.Map;
import kubelab.api.meta.PatchStrategy;
import kubelab.api.resource.Quantity;

/**
 * What the kubelet reports about its node: total {@code capacity} and the {@code allocatable}
 * part the scheduler may fill (capacity minus what the system reserves), conditions with
 * heartbeats, addresses, the kubelet's port, machine info, and images and volumes present.
 * {@code phase} is deprecated and never set.
 *
 * <p>Real Kubernetes: {@code corev1.NodeStatus}, written by {@code pkg/kubelet/nodestatus}.
 */
public record NodeStatus(
        Map<String, Quantity> capacity,
        Map<String, Quantity> allocatable,
        String phase,
        @PatchStrategy(value = "merge", mergeKey = "type") List<NodeCondition> conditions,
        @PatchStrategy(value = "merge", mergeKey = "type") List<NodeAddress> addresses,
        NodeDaemonEndpoints daemonEndpoints,
        NodeSystemInfo nodeInfo,
        List<ContainerImage> images,
        List<String> volumesInUse,
        List<AttachedVolume> volumesAttached,
        NodeConfigStatus config,
        List<NodeRuntimeHandler> runtimeHandlers,
        NodeFeatures features,
        List<String> declaredFeatures) {

    public NodeStatus {
        capacity = Copies.map(capacity);
        allocatable = Copies.map(allocatable);
        conditions = Copies.list(conditions);
        addresses = Copies.list(addresses);
        images = Copies.list(images);
        volumesInUse = Copies.list(volumesInUse);
        volumesAttached = Copies.list(volumesAttached);
        runtimeHandlers = Copies.list(runtimeHandlers);
        declaredFeatures = Copies.list(declaredFeatures);
    }

    /** An empty status. */
    public static NodeStatus empty() {
        return new NodeStatus(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The condition of this type, or null. */
    public NodeCondition condition(String type) {
        return Copies.find(conditions, NodeCondition::type, type);
    }

    /** A copy with this condition replacing the one of the same type in place, or appended. */
    public NodeStatus withCondition(NodeCondition condition) {
        return withConditions(Copies.upsert(conditions, condition, NodeCondition::type));
    }

    public NodeStatus withCapacity(Map<String, Quantity> capacity) {
        return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints, nodeInfo,
                images, volumesInUse, volumesAttached, config, runtimeHandlers, features, declaredFeatures);
    }

    public NodeStatus withAllocatable(Map<String, Quantity> allocatable) {
        return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints, nodeInfo,
                images, volumesInUse, volumesAttached, config, runtimeHandlers, features, declaredFeatures);
    }

    public NodeStatus withConditions(List<NodeCondition> conditions) {
        return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints, nodeInfo,
                images, volumesInUse, volumesAttached, config, runtimeHandlers, features, declaredFeatures);
    }

    public NodeStatus withAddresses(List<NodeAddress> addresses) {
        return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints, nodeInfo,
                images, volumesInUse, volumesAttached, config, runtimeHandlers, features, declaredFeatures);
    }

    public NodeStatus withDaemonEndpoints(NodeDaemonEndpoints daemonEndpoints) {
        return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints, nodeInfo,
                images, volumesInUse, volumesAttached, config, runtimeHandlers, features, declaredFeatures);
    }

    public NodeStatus withNodeInfo(NodeSystemInfo nodeInfo) {
        return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints, nodeInfo,
                images, volumesInUse, volumesAttached, config, runtimeHandlers, features, declaredFeatures);
    }

    public NodeStatus withImages(List<ContainerImage> images) {
        return new NodeStatus(capacity, allocatable, phase, conditions, addresses, daemonEndpoints, nodeInfo,
                images, volumesInUse, volumesAttached, config, runtimeHandlers, features, declaredFeatures);
    }
}
