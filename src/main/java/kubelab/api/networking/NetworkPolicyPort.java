package kubelab.api.networking;

import kubelab.api.meta.IntOrString;

/**
 * A port, or a range {@code port..endPort}, with its protocol (TCP when absent); {@code port} may
 * be a number or a named container port.
 *
 * <p>Real Kubernetes: {@code networkingv1.NetworkPolicyPort}.
 */
public record NetworkPolicyPort(String protocol, IntOrString port, Integer endPort) {
}
