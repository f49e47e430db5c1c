package kubelab.api.core;

/**
 * Optional features the node's container runtime implements.
 *
 * <p>Real Kubernetes: {@code corev1.NodeFeatures}.
 */
public record NodeFeatures(Boolean supplementalGroupsPolicy) {
}
