package kubelab.api.apps;

import java.time.Instant;

/**
 * One condition of a Deployment, with status True, False or Unknown. {@code lastUpdateTime}
 * changes whenever the condition is written again; {@code lastTransitionTime} only when its status flips.
 *
 * <p>Real Kubernetes: {@code appsv1.DeploymentCondition}.
 */
public record DeploymentCondition(String type, String status, Instant lastUpdateTime, Instant lastTransitionTime,
                                  String reason, String message) {

    /** At least the minimum number of pods (replicas minus maxUnavailable) are available. */
    public static final String AVAILABLE = "Available";
    /** A rollout is under way or finished in time; False with reason ProgressDeadlineExceeded when stuck. */
    public static final String PROGRESSING = "Progressing";
    /** A pod could not be created or deleted. */
    public static final String REPLICA_FAILURE = "ReplicaFailure";
}
