package kubelab.api.apps;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * Node counts the DaemonSet controller last observed: nodes that should run the pod
 * ({@code desiredNumberScheduled}), that do ({@code currentNumberScheduled}), that run it but should
 * not ({@code numberMisscheduled}), and those with a ready, available, unavailable or updated pod.
 *
 * <p>Real Kubernetes: {@code appsv1.DaemonSetStatus}.
 */
public record DaemonSetStatus(
        Integer currentNumberScheduled,
        Integer numberMisscheduled,
        Integer desiredNumberScheduled,
        Integer numberReady,
        Long observedGeneration,
        Integer updatedNumberScheduled,
        Integer numberAvailable,
        Integer numberUnavailable,
        Integer collisionCount,
        @PatchStrategy(value = "merge", mergeKey = "type") List<DaemonSetCondition> conditions) {

    public DaemonSetStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
