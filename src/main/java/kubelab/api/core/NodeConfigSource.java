package kubelab.api.core;

/**
 * Deprecated (dynamic kubelet configuration was removed): where a node's kubelet config came from.
 *
 * <p>Real Kubernetes: {@code corev1.NodeConfigSource}.
 */
public record NodeConfigSource(ConfigMapNodeConfigSource configMap) {
}
