package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * What the replication controller last observed: how many pods it has ({@code replicas}), how many
 * carry all the template's labels, are ready, and have been ready for {@code minReadySeconds};
 * the generation it acted on; and a ReplicaFailure condition when pods cannot be created.
 *
 * <p>Real Kubernetes: {@code corev1.ReplicationControllerStatus}.
 */
public record ReplicationControllerStatus(
        Integer replicas,
        Integer fullyLabeledReplicas,
        Integer readyReplicas,
        Integer availableReplicas,
        Long observedGeneration,
        @PatchStrategy(value = "merge", mergeKey = "type") List<ReplicationControllerCondition> conditions) {

    public ReplicationControllerStatus {
        conditions = Copies.list(conditions);
    }
}
