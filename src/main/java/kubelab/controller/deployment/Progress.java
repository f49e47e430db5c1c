package kubelab.controller.deployment;

import static kubelab.controller.deployment.DeploymentSync.q;

import java.time.Duration;
import java.util.List;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentCondition;
import kubelab.api.apps.DeploymentStatus;
import kubelab.api.apps.ReplicaSet;

/**
 * The rollout status: the counts, Available, and the Progressing condition, which says whether
 * the latest rollout is complete ({@code NewReplicaSetAvailable}), moving ({@code ReplicaSetUpdated},
 * its lastUpdateTime renewed at each sign of progress) or stuck for longer than
 * {@code progressDeadlineSeconds} ({@code ProgressDeadlineExceeded}, status False).
 *
 * <p>Nothing else would wake a stuck Deployment, so while a rollout is in progress and nothing
 * changed, the Deployment is queued again for the moment its deadline passes: an ordinary timer,
 * because the Deployment's state can still change then. A complete or timed-out rollout sets none.
 *
 * <p>Real Kubernetes: {@code syncRolloutStatus} and {@code requeueStuckDeployment} in
 * {@code pkg/controller/deployment/progress.go}.
 */
final class Progress {
    private Progress() {
    }

    // tag::sync-rollout-status[]
    static void syncRolloutStatus(DeploymentSync sync, List<ReplicaSet> allRSs, ReplicaSet newRS) {
        Deployment d = sync.d;
        DeploymentStatus newStatus = sync.calculateStatus(allRSs, newRS);
        if (!DeploymentUtil.hasProgressDeadline(d)) {
            newStatus = DeploymentConditions.remove(newStatus, DeploymentCondition.PROGRESSING);
        }
        DeploymentCondition currentCond = DeploymentConditions.statusOf(d).condition(DeploymentCondition.PROGRESSING);
        boolean isCompleteDeployment = DeploymentConditions.n(newStatus.replicas()) == DeploymentConditions.n(newStatus.updatedReplicas())
                && currentCond != null && DeploymentConditions.NEW_RS_AVAILABLE_REASON.equals(currentCond.reason());
        if (DeploymentUtil.hasProgressDeadline(d) && !isCompleteDeployment) {
            String name = newRS != null ? "ReplicaSet " + q(newRS.name()) : "Deployment " + q(d.name());
            if (DeploymentConditions.deploymentComplete(d, newStatus)) {
                newStatus = DeploymentConditions.set(newStatus, condition(sync, DeploymentConditions.TRUE,
                        DeploymentConditions.NEW_RS_AVAILABLE_REASON, name + " has successfully progressed."));
            } else if (DeploymentConditions.deploymentProgressing(d, newStatus)) {
                DeploymentCondition c = condition(sync, DeploymentConditions.TRUE,
                        DeploymentConditions.REPLICA_SET_UPDATED_REASON, name + " is progressing.");
                // Progress renews lastUpdateTime even when the reason stays: remove, then set.
                if (currentCond != null) {
                    if (DeploymentConditions.TRUE.equals(currentCond.status())) {
                        c = new DeploymentCondition(c.type(), c.status(), c.lastUpdateTime(),
                                currentCond.lastTransitionTime(), c.reason(), c.message());
                    }
                    newStatus = DeploymentConditions.remove(newStatus, DeploymentCondition.PROGRESSING);
                }
                newStatus = DeploymentConditions.set(newStatus, c);
            } else if (DeploymentConditions.deploymentTimedOut(d, newStatus, sync.dc.now())) {
                newStatus = DeploymentConditions.set(newStatus, condition(sync, DeploymentConditions.FALSE,
                        DeploymentConditions.TIMED_OUT_REASON, name + " has timed out progressing."));
            }
        }
        if (newStatus.equals(d.status())) {
            requeueStuckDeployment(sync, newStatus);
            return;
        }
        sync.d = d.withStatus(newStatus);
        sync.updateStatus();
    }
    // end::sync-rollout-status[]

    private static DeploymentCondition condition(DeploymentSync sync, String status, String reason, String message) {
        return DeploymentConditions.newCondition(DeploymentCondition.PROGRESSING, status, reason, message, sync.dc.now());
    }

    /**
     * Queues the Deployment again when its progress deadline passes, if a rollout is under way:
     * lastUpdateTime + progressDeadlineSeconds - now, plus a second against rounding. When none is
     * needed (no deadline, rollout complete or already timed out) a pending check is cancelled.
     *
     * @return the delay (zero: at once, rate-limited), or null if no check is needed
     */
    static Duration requeueStuckDeployment(DeploymentSync sync, DeploymentStatus newStatus) {
        Duration after = progressCheckDelay(sync, newStatus);
        if (after == null) {
            sync.dc.cancelProgressCheck(kubelab.client.Cache.metaNamespaceKey(sync.d));
        } else if (after.isZero()) {
            sync.dc.enqueueRateLimited(sync.d); // the deadline is (about) now: check soon, with back-off
        } else {
            sync.dc.scheduleProgressCheck(sync.d, after.plusSeconds(1)); // a second against rounding
        }
        return after;
    }

    private static Duration progressCheckDelay(DeploymentSync sync, DeploymentStatus newStatus) {
        Deployment d = sync.d;
        DeploymentCondition currentCond = DeploymentConditions.statusOf(d).condition(DeploymentCondition.PROGRESSING);
        if (!DeploymentUtil.hasProgressDeadline(d) || currentCond == null) {
            return null;
        }
        if (DeploymentConditions.deploymentComplete(d, newStatus)
                || DeploymentConditions.TIMED_OUT_REASON.equals(currentCond.reason())) {
            return null;
        }
        // A finished rollout that lost a pod is not re-estimated (see isCompleteDeployment above), so
        // Kubernetes' re-queue (rate-limited, once the old deadline has passed) would change nothing; it
        // is skipped here so that a simulation with such a Deployment can still settle.
        if (DeploymentConditions.NEW_RS_AVAILABLE_REASON.equals(currentCond.reason())
                && DeploymentConditions.n(newStatus.replicas()) == DeploymentConditions.n(newStatus.updatedReplicas())) {
            return null;
        }
        Duration after = Duration.between(sync.dc.now(),
                currentCond.lastUpdateTime().plusSeconds(d.spec().progressDeadlineSeconds()));
        return after.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ZERO : after;
    }
}
