package kubelab.api.core;

/**
 * The built-in node condition types.
 *
 * <p>Real Kubernetes: {@code corev1.NodeConditionType}.
 */
public final class NodeConditionType {
    /** The kubelet is healthy and ready to run pods. */
    public static final String READY = "Ready";
    public static final String MEMORY_PRESSURE = "MemoryPressure";
    public static final String DISK_PRESSURE = "DiskPressure";
    public static final String PID_PRESSURE = "PIDPressure";
    /** The node's network is not configured yet (set by some network plugins). */
    public static final String NETWORK_UNAVAILABLE = "NetworkUnavailable";

    private NodeConditionType() {
    }
}
