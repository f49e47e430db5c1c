package kubelab.api.core;

/**
 * The values of {@code status.phase}: a coarse summary of where a pod is in its life.
 *
 * <p>Real Kubernetes: {@code corev1.PodPhase}.
 */
public final class PodPhase {
    /** Accepted, but not all containers have started: waiting to be scheduled, or pulling images. */
    public static final String PENDING = "Pending";
    /** Bound to a node and every container created; at least one is running or restarting. */
    public static final String RUNNING = "Running";
    /** Every container exited 0 and none will be restarted. */
    public static final String SUCCEEDED = "Succeeded";
    /** Every container has terminated and at least one failed. */
    public static final String FAILED = "Failed";
    /** Deprecated: not set by Kubernetes since 2015. */
    public static final String UNKNOWN = "Unknown";

    private PodPhase() {
    }

    /** True for Succeeded and Failed: the pod will never run again. */
    public static boolean isTerminal(String phase) {
        return SUCCEEDED.equals(phase) || FAILED.equals(phase);
    }
}
