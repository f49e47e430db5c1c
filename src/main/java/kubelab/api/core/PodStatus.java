package kubelab.api.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kubelab.api.meta.PatchStrategy;
import kubelab.api.resource.Quantity;

/**
 * The observed state of a pod, written by the scheduler (the PodScheduled condition) and by the
 * kubelet of its node (everything else).
 *
 * <p>{@code phase} is Pending, Running, Succeeded, Failed or Unknown (see {@link PodPhase});
 * {@code conditions} say more (see {@link PodConditionType}); {@code qosClass} is Guaranteed,
 * Burstable or BestEffort. {@code podIP}/{@code podIPs} come from the pod network,
 * {@code hostIP}/{@code hostIPs} are the node's; {@code startTime} is when the kubelet accepted
 * the pod. {@code resize} is deprecated in favour of the PodResize* conditions.
 *
 * <p>Real Kubernetes: {@code corev1.PodStatus}.
 */
public record PodStatus(
        Long observedGeneration,
        String phase,
        @PatchStrategy(value = "merge", mergeKey = "type") List<PodCondition> conditions,
        String message,
        String reason,
        String nominatedNodeName,
        String hostIP,
        @PatchStrategy(value = "merge", mergeKey = "ip") List<HostIP> hostIPs,
        String podIP,
        @PatchStrategy(value = "merge", mergeKey = "ip") List<PodIP> podIPs,
        Instant startTime,
        List<ContainerStatus> initContainerStatuses,
        List<ContainerStatus> containerStatuses,
        String qosClass,
        List<ContainerStatus> ephemeralContainerStatuses,
        String resize,
        @PatchStrategy(value = "merge,retainKeys", mergeKey = "name") List<PodResourceClaimStatus> resourceClaimStatuses,
        PodExtendedResourceClaimStatus extendedResourceClaimStatus,
        Map<String, Quantity> allocatedResources,
        ResourceRequirements resources) {

    public PodStatus {
        conditions = Copies.list(conditions);
        hostIPs = Copies.list(hostIPs);
        podIPs = Copies.list(podIPs);
        initContainerStatuses = Copies.list(initContainerStatuses);
        containerStatuses = Copies.list(containerStatuses);
        ephemeralContainerStatuses = Copies.list(ephemeralContainerStatuses);
        resourceClaimStatuses = Copies.list(resourceClaimStatuses);
        allocatedResources = Copies.map(allocatedResources);
    }

    /** An empty status: what a pod has before anyone has observed it. */
    public static PodStatus empty() {
        return new PodStatus(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** The condition of this type, or null. */
    public PodCondition condition(String type) {
        return Copies.find(conditions, PodCondition::type, type);
    }

    /**
     * A copy with this condition set: it replaces the one of the same type in place (the merge key
     * of {@code conditions}), or is appended.
     */
    public PodStatus withCondition(PodCondition condition) {
        return withConditions(Copies.upsert(conditions, condition, PodCondition::type));
    }

    public PodStatus withPhase(String phase) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withConditions(List<PodCondition> conditions) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withMessage(String message) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withReason(String reason) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withHostIP(String hostIP) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withHostIPs(List<HostIP> hostIPs) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withPodIP(String podIP) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withPodIPs(List<PodIP> podIPs) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withStartTime(Instant startTime) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withInitContainerStatuses(List<ContainerStatus> initContainerStatuses) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withContainerStatuses(List<ContainerStatus> containerStatuses) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }

    public PodStatus withQosClass(String qosClass) {
        return new PodStatus(observedGeneration, phase, conditions, message, reason, nominatedNodeName, hostIP,
                hostIPs, podIP, podIPs, startTime, initContainerStatuses, containerStatuses, qosClass,
                ephemeralContainerStatuses, resize, resourceClaimStatuses, extendedResourceClaimStatus,
                allocatedResources, resources);
    }
}
