package kubelab.scheduler.plugins.queuesort;

import kubelab.api.core.Pod;
import kubelab.scheduler.framework.QueueSortPlugin;
import kubelab.scheduler.framework.QueuedPodInfo;

/**
 * The default queue order: the pod with the higher {@code spec.priority} first (set by the
 * Priority admission plugin from its PriorityClass; absent means 0), and among equals the one
 * queued earlier.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/queuesort/priority_sort.go}.
 */
public final class PrioritySort implements QueueSortPlugin {
    public static final String NAME = "PrioritySort";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean less(QueuedPodInfo a, QueuedPodInfo b) {
        int p1 = podPriority(a.pod());
        int p2 = podPriority(b.pod());
        return p1 > p2 || (p1 == p2 && a.timestamp().isBefore(b.timestamp()));
    }

    /** {@code spec.priority}, 0 when unset. */
    public static int podPriority(Pod pod) {
        return pod.spec() == null || pod.spec().priority() == null ? 0 : pod.spec().priority();
    }
}
