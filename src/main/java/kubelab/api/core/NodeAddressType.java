package kubelab.api.core;

/**
 * The kinds of node address.
 *
 * <p>Real Kubernetes: {@code corev1.NodeAddressType}.
 */
public final class NodeAddressType {
    public static final String HOSTNAME = "Hostname";
    /** The usual node IP, reachable from the other nodes and the API server. */
    public static final String INTERNAL_IP = "InternalIP";
    public static final String EXTERNAL_IP = "ExternalIP";
    public static final String INTERNAL_DNS = "InternalDNS";
    public static final String EXTERNAL_DNS = "ExternalDNS";

    private NodeAddressType() {
    }
}
