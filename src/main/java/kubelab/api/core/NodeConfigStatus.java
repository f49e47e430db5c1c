package kubelab.api.core;

/**
 * Deprecated: what the kubelet reported about its dynamic configuration.
 *
 * <p>Real Kubernetes: {@code corev1.NodeConfigStatus}.
 */
public record NodeConfigStatus(NodeConfigSource assigned, NodeConfigSource active, NodeConfigSource lastKnownGood,
                               String error) {
}
