package kubelab.api.core;

import java.util.List;
import java.util.Map;
import kubelab.api.meta.PatchStrategy;
import kubelab.api.resource.Quantity;

/**
 * The desired state of a pod: its containers and volumes, and how and where it runs.
 *
 * <p>Fields with important semantics:
 * <ul>
 *   <li>{@code restartPolicy}: Always, OnFailure or Never (see {@link RestartPolicy}); applies to
 *       every container of the pod, and the API server defaults it to Always.</li>
 *   <li>{@code initContainers} run one at a time, in order, each to success, before the app
 *       {@code containers} start together; an init container with {@code restartPolicy: Always} is a
 *       sidecar that keeps running.</li>
 *   <li>{@code nodeName}: empty until the scheduler binds the pod; the kubelet of that node runs it.</li>
 *   <li>{@code dnsPolicy}: ClusterFirst, ClusterFirstWithHostNet, Default or None (see {@link DNSPolicy}).</li>
 *   <li>{@code serviceAccount} is the deprecated alias of {@code serviceAccountName}.</li>
 *   <li>{@code hostNetwork}, {@code hostPID}, {@code hostIPC}: share that namespace with the node
 *       instead of getting the pod's own.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code corev1.PodSpec}.
 */
public record PodSpec(
        @PatchStrategy(value = "merge,retainKeys", mergeKey = "name") List<Volume> volumes,
        @PatchStrategy(value = "merge", mergeKey = "name") List<Container> initContainers,
        @PatchStrategy(value = "merge", mergeKey = "name") List<Container> containers,
        @PatchStrategy(value = "merge", mergeKey = "name") List<EphemeralContainer> ephemeralContainers,
        String restartPolicy,
        Long terminationGracePeriodSeconds,
        Long activeDeadlineSeconds,
        String dnsPolicy,
        Map<String, String> nodeSelector,
        String serviceAccountName,
        String serviceAccount,
        Boolean automountServiceAccountToken,
        String nodeName,
        Boolean hostNetwork,
        Boolean hostPID,
        Boolean hostIPC,
        Boolean shareProcessNamespace,
        PodSecurityContext securityContext,
        @PatchStrategy(value = "merge", mergeKey = "name") List<LocalObjectReference> imagePullSecrets,
        String hostname,
        String subdomain,
        Affinity affinity,
        String schedulerName,
        List<Toleration> tolerations,
        @PatchStrategy(value = "merge", mergeKey = "ip") List<HostAlias> hostAliases,
        String priorityClassName,
        Integer priority,
        PodDNSConfig dnsConfig,
        List<PodReadinessGate> readinessGates,
        String runtimeClassName,
        Boolean enableServiceLinks,
        String preemptionPolicy,
        Map<String, Quantity> overhead,
        @PatchStrategy(value = "merge", mergeKey = "topologyKey") List<TopologySpreadConstraint> topologySpreadConstraints,
        Boolean setHostnameAsFQDN,
        PodOS os,
        Boolean hostUsers,
        @PatchStrategy(value = "merge", mergeKey = "name") List<PodSchedulingGate> schedulingGates,
        @PatchStrategy(value = "merge,retainKeys", mergeKey = "name") List<PodResourceClaim> resourceClaims,
        ResourceRequirements resources,
        String hostnameOverride,
        WorkloadReference workloadRef) {

    public PodSpec {
        volumes = Copies.list(volumes);
        initContainers = Copies.list(initContainers);
        containers = Copies.list(containers);
        ephemeralContainers = Copies.list(ephemeralContainers);
        nodeSelector = Copies.map(nodeSelector);
        imagePullSecrets = Copies.list(imagePullSecrets);
        tolerations = Copies.list(tolerations);
        hostAliases = Copies.list(hostAliases);
        readinessGates = Copies.list(readinessGates);
        overhead = Copies.map(overhead);
        topologySpreadConstraints = Copies.list(topologySpreadConstraints);
        schedulingGates = Copies.list(schedulingGates);
        resourceClaims = Copies.list(resourceClaims);
    }

    /** A spec with only these containers; everything else is left to the API server's defaults. */
    public static PodSpec of(List<Container> containers) {
        return new PodSpec(null, null, containers, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A spec with a single container. */
    public static PodSpec of(Container container) {
        return of(List.of(container));
    }

    /** The same spec with other tolerations, as the DefaultTolerationSeconds admission plug-in adds them. */
    public PodSpec withTolerations(List<Toleration> tolerations) {
        return new PodSpec(volumes, initContainers, containers, ephemeralContainers, restartPolicy,
                terminationGracePeriodSeconds, activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName,
                serviceAccount, automountServiceAccountToken, nodeName, hostNetwork, hostPID, hostIPC,
                shareProcessNamespace, securityContext, imagePullSecrets, hostname, subdomain, affinity,
                schedulerName, tolerations, hostAliases, priorityClassName, priority, dnsConfig, readinessGates,
                runtimeClassName, enableServiceLinks, preemptionPolicy, overhead, topologySpreadConstraints,
                setHostnameAsFQDN, os, hostUsers, schedulingGates, resourceClaims, resources, hostnameOverride,
                workloadRef);
    }

    /** The binding the scheduler makes: the pod will run on this node. */
    public PodSpec withNodeName(String nodeName) {
        return new PodSpec(volumes, initContainers, containers, ephemeralContainers, restartPolicy,
                terminationGracePeriodSeconds, activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName,
                serviceAccount, automountServiceAccountToken, nodeName, hostNetwork, hostPID, hostIPC,
                shareProcessNamespace, securityContext, imagePullSecrets, hostname, subdomain, affinity,
                schedulerName, tolerations, hostAliases, priorityClassName, priority, dnsConfig, readinessGates,
                runtimeClassName, enableServiceLinks, preemptionPolicy, overhead, topologySpreadConstraints,
                setHostnameAsFQDN, os, hostUsers, schedulingGates, resourceClaims, resources, hostnameOverride,
                workloadRef);
    }

    public PodSpec withContainers(List<Container> containers) {
        return new PodSpec(volumes, initContainers, containers, ephemeralContainers, restartPolicy,
                terminationGracePeriodSeconds, activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName,
                serviceAccount, automountServiceAccountToken, nodeName, hostNetwork, hostPID, hostIPC,
                shareProcessNamespace, securityContext, imagePullSecrets, hostname, subdomain, affinity,
                schedulerName, tolerations, hostAliases, priorityClassName, priority, dnsConfig, readinessGates,
                runtimeClassName, enableServiceLinks, preemptionPolicy, overhead, topologySpreadConstraints,
                setHostnameAsFQDN, os, hostUsers, schedulingGates, resourceClaims, resources, hostnameOverride,
                workloadRef);
    }

    public PodSpec withInitContainers(List<Container> initContainers) {
        return new PodSpec(volumes, initContainers, containers, ephemeralContainers, restartPolicy,
                terminationGracePeriodSeconds, activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName,
                serviceAccount, automountServiceAccountToken, nodeName, hostNetwork, hostPID, hostIPC,
                shareProcessNamespace, securityContext, imagePullSecrets, hostname, subdomain, affinity,
                schedulerName, tolerations, hostAliases, priorityClassName, priority, dnsConfig, readinessGates,
                runtimeClassName, enableServiceLinks, preemptionPolicy, overhead, topologySpreadConstraints,
                setHostnameAsFQDN, os, hostUsers, schedulingGates, resourceClaims, resources, hostnameOverride,
                workloadRef);
    }

    public PodSpec withVolumes(List<Volume> volumes) {
        return new PodSpec(volumes, initContainers, containers, ephemeralContainers, restartPolicy,
                terminationGracePeriodSeconds, activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName,
                serviceAccount, automountServiceAccountToken, nodeName, hostNetwork, hostPID, hostIPC,
                shareProcessNamespace, securityContext, imagePullSecrets, hostname, subdomain, affinity,
                schedulerName, tolerations, hostAliases, priorityClassName, priority, dnsConfig, readinessGates,
                runtimeClassName, enableServiceLinks, preemptionPolicy, overhead, topologySpreadConstraints,
                setHostnameAsFQDN, os, hostUsers, schedulingGates, resourceClaims, resources, hostnameOverride,
                workloadRef);
    }

    public PodSpec withRestartPolicy(String restartPolicy) {
        return new PodSpec(volumes, initContainers, containers, ephemeralContainers, restartPolicy,
                terminationGracePeriodSeconds, activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName,
                serviceAccount, automountServiceAccountToken, nodeName, hostNetwork, hostPID, hostIPC,
                shareProcessNamespace, securityContext, imagePullSecrets, hostname, subdomain, affinity,
                schedulerName, tolerations, hostAliases, priorityClassName, priority, dnsConfig, readinessGates,
                runtimeClassName, enableServiceLinks, preemptionPolicy, overhead, topologySpreadConstraints,
                setHostnameAsFQDN, os, hostUsers, schedulingGates, resourceClaims, resources, hostnameOverride,
                workloadRef);
    }

    /** The init containers, then the app containers: every container the kubelet may run, in order. */
    public List<Container> allContainers() {
        return java.util.stream.Stream.concat(initContainers.stream(), containers.stream()).toList();
    }
}
