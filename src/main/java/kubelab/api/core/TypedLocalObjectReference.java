package kubelab.api.core;

/**
 * A reference to an object of a given kind in the same namespace, such as a PVC's dataSource.
 *
 * <p>Real Kubernetes: {@code corev1.TypedLocalObjectReference}.
 */
public record TypedLocalObjectReference(String apiGroup, String kind, String name) {
}
