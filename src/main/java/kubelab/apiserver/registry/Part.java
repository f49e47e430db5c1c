package kubelab.apiserver.registry;

/**
 * Which part of an object an update writes: the main resource (everything but status), the
 * status subresource (status only), or a Namespace's finalize subresource (its finalizers only).
 * The rest of what the caller sent is replaced by what is stored.
 *
 * <p>Real Kubernetes: the separate {@code rest.Storage} of each subresource ({@code StatusREST},
 * {@code FinalizeREST}) and the {@code PrepareForUpdate} of their strategies.
 */
public enum Part {
    /** The main resource: everything but status. */
    MAIN(""),
    /** The status subresource: status only. */
    STATUS("status"),
    /** The finalize subresource of Namespaces: spec.finalizers only. */
    FINALIZE("finalize");

    private final String subresource;

    Part(String subresource) {
        this.subresource = subresource;
    }

    /** The subresource's name in URLs and managed fields; empty for the main resource. */
    public String subresource() {
        return subresource;
    }
}
