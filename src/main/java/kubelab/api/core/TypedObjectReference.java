package kubelab.api.core;

/**
 * A reference to an object of a given kind, possibly in another namespace (a claim's {@code dataSourceRef}).
 *
 * <p>Real Kubernetes: {@code corev1.TypedObjectReference}.
 */
public record TypedObjectReference(String apiGroup, String kind, String name, String namespace) {
}
