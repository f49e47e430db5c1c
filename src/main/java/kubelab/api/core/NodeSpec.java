package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * What a node is created with: the pod IP range(s) given to it ({@code podCIDR}, {@code podCIDRs}),
 * its cloud {@code providerID}, whether it is cordoned ({@code unschedulable}), and its taints.
 * {@code configSource} and {@code externalID} are deprecated and kept only so old objects decode.
 *
 * <p>Real Kubernetes: {@code corev1.NodeSpec}.
 */
public record NodeSpec(String podCIDR, @PatchStrategy("merge") List<String> podCIDRs, String providerID,
                       Boolean unschedulable, List<Taint> taints, NodeConfigSource configSource,
                       String externalID) {

    public NodeSpec {
        podCIDRs = Copies.list(podCIDRs);
        taints = Copies.list(taints);
    }

    /** An empty spec. */
    public static NodeSpec empty() {
        return new NodeSpec(null, null, null, null, null, null, null);
    }

    /** {@code kubectl cordon} sets this; {@code uncordon} clears it. */
    public NodeSpec withUnschedulable(Boolean unschedulable) {
        return new NodeSpec(podCIDR, podCIDRs, providerID, unschedulable, taints, configSource, externalID);
    }

    public NodeSpec withTaints(List<Taint> taints) {
        return new NodeSpec(podCIDR, podCIDRs, providerID, unschedulable, taints, configSource, externalID);
    }

    /** Sets both {@code podCIDR} and {@code podCIDRs}, as the node IPAM controller does. */
    public NodeSpec withPodCIDRs(List<String> podCIDRs) {
        String first = podCIDRs == null || podCIDRs.isEmpty() ? null : podCIDRs.get(0);
        return new NodeSpec(first, podCIDRs, providerID, unschedulable, taints, configSource, externalID);
    }
}
