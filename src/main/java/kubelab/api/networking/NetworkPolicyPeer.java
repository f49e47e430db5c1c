package kubelab.api.networking;

import kubelab.api.meta.LabelSelector;

/**
 * One side of an allowed connection: pods by label (in the policy's namespace, or in the
 * namespaces {@code namespaceSelector} picks when both are given), or an IP range.
 *
 * <p>Real Kubernetes: {@code networkingv1.NetworkPolicyPeer}.
 */
public record NetworkPolicyPeer(LabelSelector podSelector, LabelSelector namespaceSelector, IPBlock ipBlock) {
}
