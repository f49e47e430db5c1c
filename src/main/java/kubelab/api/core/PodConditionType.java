package kubelab.api.core;

/**
 * The built-in pod condition types, in the order a healthy pod gains them. Readiness gates may add
 * types of their own.
 *
 * <p>Real Kubernetes: {@code corev1.PodConditionType}.
 */
public final class PodConditionType {
    /** The scheduler has bound the pod to a node (or says why it could not: reason Unschedulable). */
    public static final String POD_SCHEDULED = "PodScheduled";
    /** The sandbox and its network are set up: containers can start. */
    public static final String POD_READY_TO_START_CONTAINERS = "PodReadyToStartContainers";
    /** Every init container has completed. */
    public static final String INITIALIZED = "Initialized";
    /** Every container is ready. */
    public static final String CONTAINERS_READY = "ContainersReady";
    /** Containers ready and every readiness gate True: the pod joins Service endpoints. */
    public static final String READY = "Ready";
    /** The pod is about to be terminated by a disruption (preemption, eviction, garbage collection). */
    public static final String DISRUPTION_TARGET = "DisruptionTarget";
    public static final String POD_RESIZE_PENDING = "PodResizePending";
    public static final String POD_RESIZE_IN_PROGRESS = "PodResizeInProgress";

    private PodConditionType() {
    }
}
