package kubelab.api.serialization;

/**
 * A document whose values do not fit the types they are decoded into: a string where an integer
 * belongs, a list where an object belongs, a malformed quantity. The message names the field:
 * {@code spec.containers[0].ports[0].containerPort: expected an integer, got "eighty"}.
 *
 * <p>Kubernetes says the same thing in Go's words ({@code json: cannot unmarshal string into Go
 * struct field ContainerPort.spec.containers.ports.containerPort of type int32}); the path here is
 * the one a learner can find in the manifest.
 *
 * <p>Real Kubernetes: the decode errors of {@code k8s.io/apimachinery/pkg/runtime/serializer/json}.
 */
public final class DecodeException extends IllegalArgumentException {
    private final String path;
    private final String problem;

    public DecodeException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** Where: {@code spec.containers[0].image}, or "" for the document itself. */
    public String path() {
        return path;
    }

    /** What: {@code expected an integer, got "eighty"}. */
    public String problem() {
        return problem;
    }
}
