package kubelab.controller.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentCondition;
import kubelab.api.apps.DeploymentStatus;

/**
 * The reasons a Deployment's conditions carry, and the three questions about a rollout that set
 * them: is it complete, is it progressing, has it timed out. A condition keeps its
 * {@code lastTransitionTime} while its status stays the same; {@code Progressing} renews its
 * {@code lastUpdateTime} on each sign of progress, and the progress deadline counts from there.
 *
 * <p>Real Kubernetes: the reasons and {@code SetDeploymentCondition}, {@code DeploymentComplete},
 * {@code DeploymentProgressing} and {@code DeploymentTimedOut} in
 * {@code pkg/controller/deployment/util/deployment_util.go}.
 */
public final class DeploymentConditions {
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    /** Progressing=True: a new ReplicaSet was created for the rollout. */
    public static final String NEW_RS_NEW_REPLICAS_REASON = "NewReplicaSetCreated";
    /** Progressing=True: the controller found the rollout's ReplicaSet already there. */
    public static final String FOUND_NEW_RS_REASON = "FoundNewReplicaSet";
    /** Progressing=True: the rollout made progress (more updated, ready or available pods, fewer old). */
    public static final String REPLICA_SET_UPDATED_REASON = "ReplicaSetUpdated";
    /** Progressing=True: the rollout is complete. */
    public static final String NEW_RS_AVAILABLE_REASON = "NewReplicaSetAvailable";
    /** Progressing=False: no progress for progressDeadlineSeconds. */
    public static final String TIMED_OUT_REASON = "ProgressDeadlineExceeded";
    /** Progressing=Unknown: spec.paused was set. */
    public static final String PAUSED_DEPLOY_REASON = "DeploymentPaused";
    /** Progressing=Unknown: spec.paused was cleared. */
    public static final String RESUMED_DEPLOY_REASON = "DeploymentResumed";
    /** Progressing=False: the new ReplicaSet could not be created. */
    public static final String FAILED_RS_CREATE_REASON = "ReplicaSetCreateError";
    /** Available=True: at least replicas - maxUnavailable pods are available. */
    public static final String MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
    /** Available=False. */
    public static final String MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";

    private DeploymentConditions() {
    }

    static DeploymentCondition newCondition(String type, String status, String reason, String message, Instant now) {
        return new DeploymentCondition(type, status, now, now, reason, message);
    }

    /**
     * The status with {@code condition} set: nothing changes if a condition of that type already has
     * the same status and reason; otherwise it replaces it, keeping lastTransitionTime when only the
     * reason changed.
     */
    static DeploymentStatus set(DeploymentStatus status, DeploymentCondition condition) {
        DeploymentCondition current = status.condition(condition.type());
        if (current != null && Objects.equals(current.status(), condition.status())
                && Objects.equals(current.reason(), condition.reason())) {
            return status;
        }
        if (current != null && Objects.equals(current.status(), condition.status())) {
            condition = new DeploymentCondition(condition.type(), condition.status(), condition.lastUpdateTime(),
                    current.lastTransitionTime(), condition.reason(), condition.message());
        }
        List<DeploymentCondition> conditions = new ArrayList<>(remove(status, condition.type()).conditions());
        conditions.add(condition);
        return withConditions(status, conditions);
    }

    static DeploymentStatus remove(DeploymentStatus status, String type) {
        return withConditions(status, status.conditions().stream().filter(c -> !type.equals(c.type())).toList());
    }

    static DeploymentStatus withConditions(DeploymentStatus s, List<DeploymentCondition> conditions) {
        return new DeploymentStatus(s.observedGeneration(), s.replicas(), s.updatedReplicas(), s.readyReplicas(),
                s.availableReplicas(), s.unavailableReplicas(), s.terminatingReplicas(), conditions, s.collisionCount());
    }

    /** The Deployment's status, never null (an empty one before the first write). */
    static DeploymentStatus statusOf(Deployment d) {
        return d.status() == null ? new DeploymentStatus(null, null, null, null, null, null, null, null, null) : d.status();
    }

    static int n(Integer v) {
        return v == null ? 0 : v;
    }

    /** All pods updated, all there, all available, and the latest generation observed. */
    // tag::deployment-complete[]
    static boolean deploymentComplete(Deployment d, DeploymentStatus s) {
        int replicas = DeploymentUtil.replicas(d);
        return n(s.updatedReplicas()) == replicas && n(s.replicas()) == replicas
                && n(s.availableReplicas()) == replicas
                && (s.observedGeneration() == null ? 0 : s.observedGeneration()) >= generation(d);
    }
    // end::deployment-complete[]

    /** More updated, ready or available pods than the stored status says, or fewer old ones. */
    static boolean deploymentProgressing(Deployment d, DeploymentStatus s) {
        DeploymentStatus old = statusOf(d);
        int oldOld = n(old.replicas()) - n(old.updatedReplicas());
        int newOld = n(s.replicas()) - n(s.updatedReplicas());
        return n(s.updatedReplicas()) > n(old.updatedReplicas()) || newOld < oldOld
                || n(s.readyReplicas()) > n(old.readyReplicas())
                || n(s.availableReplicas()) > n(old.availableReplicas());
    }

    /** Progressing was last updated more than progressDeadlineSeconds ago (and the rollout is not done). */
    static boolean deploymentTimedOut(Deployment d, DeploymentStatus s, Instant now) {
        if (!DeploymentUtil.hasProgressDeadline(d)) {
            return false;
        }
        DeploymentCondition c = s.condition(DeploymentCondition.PROGRESSING);
        if (c == null || NEW_RS_AVAILABLE_REASON.equals(c.reason())) {
            return false;
        }
        if (TIMED_OUT_REASON.equals(c.reason())) {
            return true;
        }
        Duration deadline = Duration.ofSeconds(d.spec().progressDeadlineSeconds());
        return c.lastUpdateTime().plus(deadline).isBefore(now);
    }

    static long generation(Deployment d) {
        return d.metadata().generation() == null ? 0 : d.metadata().generation();
    }
}
