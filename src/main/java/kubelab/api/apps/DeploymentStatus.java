package kubelab.api.apps;

import java.util.List;
import kubelab.api.meta.PatchStrategy;

/**
 * What the deployment controller last observed: pod counts over all its ReplicaSets (total,
 * on the newest template, ready, available, unavailable, terminating), the generation it acted on,
 * and the conditions {@code Available}, {@code Progressing} and {@code ReplicaFailure}.
 *
 * <p>Real Kubernetes: {@code appsv1.DeploymentStatus}.
 */
public record DeploymentStatus(
        Long observedGeneration,
        Integer replicas,
        Integer updatedReplicas,
        Integer readyReplicas,
        Integer availableReplicas,
        Integer unavailableReplicas,
        Integer terminatingReplicas,
        @PatchStrategy(value = "merge", mergeKey = "type") List<DeploymentCondition> conditions,
        Integer collisionCount) {

    public DeploymentStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The condition of this type, or null. */
    public DeploymentCondition condition(String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
    }
}
