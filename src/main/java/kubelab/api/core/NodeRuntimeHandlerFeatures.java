package kubelab.api.core;

/**
 * Optional features a runtime handler supports.
 *
 * <p>Real Kubernetes: {@code corev1.NodeRuntimeHandlerFeatures}.
 */
public record NodeRuntimeHandlerFeatures(Boolean recursiveReadOnlyMounts, Boolean userNamespaces) {
}
