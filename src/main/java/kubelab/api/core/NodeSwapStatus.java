package kubelab.api.core;

/**
 * The node's swap, in bytes.
 *
 * <p>Real Kubernetes: {@code corev1.NodeSwapStatus}.
 */
public record NodeSwapStatus(Long capacity) {
}
