package kubelab.scheduler.framework;

/**
 * Orders the pods waiting to be scheduled: {@code less(a, b)} is true when {@code a} should be
 * tried before {@code b}. A profile has exactly one.
 *
 * <p>Real Kubernetes: {@code QueueSortPlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface QueueSortPlugin extends Plugin {
    boolean less(QueuedPodInfo a, QueuedPodInfo b);
}
