package kubelab.api.core;

/**
 * Deprecated: the ConfigMap that held a node's kubelet configuration.
 *
 * <p>Real Kubernetes: {@code corev1.ConfigMapNodeConfigSource}.
 */
public record ConfigMapNodeConfigSource(String namespace, String name, String uid, String resourceVersion,
                                        String kubeletConfigKey) {
}
