package kubelab.api.networking;

import java.util.List;

/**
 * Allows traffic from the selected pods on {@code ports} (all ports when empty) to {@code to}
 * (every destination when empty).
 *
 * <p>Real Kubernetes: {@code networkingv1.NetworkPolicyEgressRule}.
 */
public record NetworkPolicyEgressRule(List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> to) {
    public NetworkPolicyEgressRule {
        ports = ports == null ? List.of() : List.copyOf(ports);
        to = to == null ? List.of() : List.copyOf(to);
    }
}
