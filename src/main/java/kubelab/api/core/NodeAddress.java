package kubelab.api.core;

/**
 * One address of a node, with its {@code type} (see {@link NodeAddressType}).
 *
 * <p>Real Kubernetes: {@code corev1.NodeAddress}.
 */
public record NodeAddress(String type, String address) {
}
