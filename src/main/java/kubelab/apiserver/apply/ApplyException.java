package kubelab.apiserver.apply;

/**
 * An object or applied configuration that does not fit its type's merge rules, such as a list
 * item without its key; the API server answers it with 400 Bad Request.
 *
 * <p>Real Kubernetes: the {@code ValidationErrors} of {@code sigs.k8s.io/structured-merge-diff/typed}.
 */
public final class ApplyException extends RuntimeException {
    public ApplyException(String message) {
        super(message);
    }
}
