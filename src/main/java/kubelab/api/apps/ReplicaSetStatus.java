package kubelab.api.apps;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * What the ReplicaSet controller last observed: how many pods match (and how many carry all the
 * template's labels), how many are ready and available, and the {@code ReplicaFailure} condition.
 *
 * <p>Real Kubernetes: {@code appsv1.ReplicaSetStatus}.
 */
public record ReplicaSetStatus(
        Integer replicas,
        Integer fullyLabeledReplicas,
        Integer readyReplicas,
        Integer availableReplicas,
        Integer terminatingReplicas,
        Long observedGeneration,
        @PatchStrategy(value = "merge", mergeKey = "type") List<ReplicaSetCondition> conditions) {

    public ReplicaSetStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
