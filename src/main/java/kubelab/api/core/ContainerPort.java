package kubelab.api.core;

/**
 * A port a container listens on. Listing it is informational (any listening port is reachable),
 * but a {@code name} lets Services target it by name, and {@code hostPort} opens it on the node.
 * {@code protocol} is TCP, UDP or SCTP (see {@link Protocol}).
 *
 * <p>Real Kubernetes: {@code corev1.ContainerPort}.
 */
public record ContainerPort(String name, Integer hostPort, Integer containerPort, String protocol, String hostIP) {

    /** A port with only its number, as most manifests write it. */
    public static ContainerPort of(int containerPort) {
        return new ContainerPort(null, null, containerPort, null, null);
    }
}
