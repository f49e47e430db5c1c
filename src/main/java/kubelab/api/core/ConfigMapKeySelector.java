package kubelab.api.core;

/**
 * One key of a ConfigMap in the pod's namespace.
 *
 * <p>Real Kubernetes: {@code corev1.ConfigMapKeySelector}.
 */
public record ConfigMapKeySelector(String name, String key, Boolean optional) {
}
