package kubelab.api.core;

/**
 * A reference by name to an object in the same namespace, such as a Secret for image pulls.
 *
 * <p>Real Kubernetes: {@code corev1.LocalObjectReference}.
 */
public record LocalObjectReference(String name) {
}
