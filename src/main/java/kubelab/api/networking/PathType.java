package kubelab.api.networking;

/**
 * The values of {@code pathType}: {@code Exact} matches the path alone; {@code Prefix} matches
 * whole {@code /}-separated elements ({@code /foo} matches {@code /foo/bar} but not {@code /foobar});
 * {@code ImplementationSpecific} leaves it to the controller.
 *
 * <p>Real Kubernetes: {@code networkingv1.PathType}.
 */
public final class PathType {
    public static final String EXACT = "Exact";
    public static final String PREFIX = "Prefix";
    public static final String IMPLEMENTATION_SPECIFIC = "ImplementationSpecific";

    private PathType() {
    }
}
