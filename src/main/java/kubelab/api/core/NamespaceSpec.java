package kubelab.api.core;

import java.util.List;

/**
 * The finalizers that must all be removed before a Namespace is deleted from storage; the API
 * server adds {@code kubernetes}, which the namespace controller removes once the namespace is
 * empty. Distinct from {@code metadata.finalizers}.
 *
 * <p>Real Kubernetes: {@code corev1.NamespaceSpec}.
 */
public record NamespaceSpec(List<String> finalizers) {

    /** The finalizer the namespace controller owns. */
    public static final String FINALIZER_KUBERNETES = "kubernetes";

    public NamespaceSpec {
        finalizers = Copies.list(finalizers);
    }
}
