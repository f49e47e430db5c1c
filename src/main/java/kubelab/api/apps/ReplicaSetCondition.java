package kubelab.api.apps;

import java.time.Instant;

/**
 * One condition of a ReplicaSet; the only built-in type is {@value #REPLICA_FAILURE}.
 *
 * <p>Real Kubernetes: {@code appsv1.ReplicaSetCondition}.
 */
public record ReplicaSetCondition(String type, String status, Instant lastTransitionTime, String reason,
                                  String message) {

    /** A pod could not be created (quota, admission...) or deleted. */
    public static final String REPLICA_FAILURE = "ReplicaFailure";
}
