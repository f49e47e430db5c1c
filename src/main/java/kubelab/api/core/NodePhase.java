package kubelab.api.core;

/**
 * The values of the deprecated {@code status.phase} of a node, which Kubernetes never sets.
 *
 * <p>Real Kubernetes: {@code corev1.NodePhase}.
 */
public final class NodePhase {
    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String TERMINATED = "Terminated";

    private NodePhase() {
    }
}
