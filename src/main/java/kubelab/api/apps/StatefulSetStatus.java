package kubelab.api.apps;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * What the StatefulSet controller last observed: pod counts (created, ready, available, on the
 * current and on the update revision), the two revisions (names of ControllerRevisions) and conditions.
 *
 * <p>Real Kubernetes: {@code appsv1.StatefulSetStatus}.
 */
public record StatefulSetStatus(
        Long observedGeneration,
        Integer replicas,
        Integer readyReplicas,
        Integer currentReplicas,
        Integer updatedReplicas,
        String currentRevision,
        String updateRevision,
        Integer collisionCount,
        @PatchStrategy(value = "merge", mergeKey = "type") List<StatefulSetCondition> conditions,
        Integer availableReplicas) {

    public StatefulSetStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
