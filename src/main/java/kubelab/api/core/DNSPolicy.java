package kubelab.api.core;

/**
 * The values of a pod's {@code dnsPolicy}: where its resolver configuration comes from.
 *
 * <p>Real Kubernetes: {@code corev1.DNSPolicy}.
 */
public final class DNSPolicy {
    /** Cluster DNS first, with the pod's namespace search path (the default). */
    public static final String CLUSTER_FIRST = "ClusterFirst";
    /** Cluster DNS even for a pod on the host network. */
    public static final String CLUSTER_FIRST_WITH_HOST_NET = "ClusterFirstWithHostNet";
    /** The node's own resolver configuration (despite the name, not the default). */
    public static final String DEFAULT = "Default";
    /** Only what {@code dnsConfig} says. */
    public static final String NONE = "None";

    private DNSPolicy() {
    }
}
