package kubelab.api.networking;

import java.util.List;

/**
 * Allows traffic to the selected pods on {@code ports} (all ports when empty) from {@code from}
 * (every source when empty).
 *
 * <p>Real Kubernetes: {@code networkingv1.NetworkPolicyIngressRule}.
 */
public record NetworkPolicyIngressRule(List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> from) {
    public NetworkPolicyIngressRule {
        ports = ports == null ? List.of() : List.copyOf(ports);
        from = from == null ? List.of() : List.copyOf(from);
    }
}
