package kubelab.api.core;

import java.time.Instant;

/**
 * One condition of a ReplicationController; the only type is {@code ReplicaFailure}, set when a pod
 * cannot be created or deleted (quota, limits, admission).
 *
 * <p>Real Kubernetes: {@code corev1.ReplicationControllerCondition}.
 */
public record ReplicationControllerCondition(String type, String status, Instant lastTransitionTime, String reason,
                                             String message) {

    public static final String REPLICA_FAILURE = "ReplicaFailure";
}
