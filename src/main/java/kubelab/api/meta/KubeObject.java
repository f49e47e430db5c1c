package kubelab.api.meta;

/**
 * A top-level Kubernetes object: type information ({@code apiVersion}, {@code kind}) plus
 * {@link ObjectMeta}. Every kind the API server serves is an immutable record implementing this.
 *
 * <p>To change an object, copy it with a {@code with...} method and send the copy back with the
 * resourceVersion it was read at; objects handed out by informers are shared and never modified.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/runtime.Object} and {@code metav1.Object}.
 */
public interface KubeObject {
    /** {@code group/version}, or just the version for the core group, e.g. {@code apps/v1}, {@code v1}. */
    String apiVersion();

    /** The kind, e.g. {@code Pod}. */
    String kind();

    ObjectMeta metadata();

    /** A copy of this object with other metadata. Implementations narrow the return type. */
    KubeObject withMetadata(ObjectMeta metadata);

    /** Shorthand for {@code metadata().name()}. */
    default String name() {
        return metadata() == null ? null : metadata().name();
    }

    /** Shorthand for {@code metadata().namespace()}. */
    default String namespace() {
        return metadata() == null ? null : metadata().namespace();
    }
}
