package kubelab.controller.deployment;

import static kubelab.controller.deployment.DeploymentUtil.replicas;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;

/**
 * The RollingUpdate strategy: each sync takes one step, then waits for the ReplicaSet controller
 * and the kubelets to make it real. The step is the first that applies of:
 * <ol>
 *   <li>scale the new ReplicaSet up, as far as {@code replicas + maxSurge} pods in all allows;</li>
 *   <li>scale old ReplicaSets down, as far as {@code replicas - maxUnavailable} available pods
 *       allows, removing pods that are not available anyway first;</li>
 *   <li>when the rollout is complete, delete old ReplicaSets beyond {@code revisionHistoryLimit}.</li>
 * </ol>
 * Then the rollout status (and the Progressing condition) is written.
 *
 * <p>Real Kubernetes: {@code pkg/controller/deployment/rolling.go}.
 */
final class Rolling {
    private Rolling() {
    }

    // tag::rollout-rolling[]
    static void rolloutRolling(DeploymentSync sync) {
        List<ReplicaSet> oldRSs = new ArrayList<>();
        ReplicaSet newRS = sync.getAllReplicaSetsAndSyncRevision(oldRSs, true);
        List<ReplicaSet> allRSs = DeploymentSync.all(oldRSs, newRS);

        if (reconcileNewReplicaSet(sync, allRSs, newRS)) {
            Progress.syncRolloutStatus(sync, allRSs, newRS);
            return;
        }
        if (reconcileOldReplicaSets(sync, allRSs, ReplicaSets.filterActive(oldRSs), newRS)) {
            Progress.syncRolloutStatus(sync, allRSs, newRS);
            return;
        }
        if (DeploymentConditions.deploymentComplete(sync.d, DeploymentConditions.statusOf(sync.d))) {
            sync.cleanupDeployment(oldRSs);
        }
        Progress.syncRolloutStatus(sync, allRSs, newRS);
    }
    // end::rollout-rolling[]

    /** Step 1: grow (or, if above spec.replicas, shrink) the new ReplicaSet. */
    static boolean reconcileNewReplicaSet(DeploymentSync sync, List<ReplicaSet> allRSs, ReplicaSet newRS) {
        Deployment d = sync.d;
        if (ReplicaSets.replicas(newRS) == replicas(d)) {
            return false;
        }
        if (ReplicaSets.replicas(newRS) > replicas(d)) {
            return sync.scaleReplicaSetAndRecordEvent(newRS, replicas(d)).scaled();
        }
        return sync.scaleReplicaSetAndRecordEvent(newRS, DeploymentUtil.newRSNewReplicas(d, allRSs, newRS)).scaled();
    }

    /**
     * Step 2: shrink old ReplicaSets. At most {@code allPods - minAvailable - newRSUnavailable} pods
     * may go: the new ReplicaSet's pods that are not yet available must not be counted on.
     */
    // tag::reconcile-old-replica-sets[]
    static boolean reconcileOldReplicaSets(DeploymentSync sync, List<ReplicaSet> allRSs, List<ReplicaSet> oldRSs,
                                           ReplicaSet newRS) {
        Deployment d = sync.d;
        if (ReplicaSets.replicaCount(oldRSs) == 0) {
            return false;
        }
        int allPodsCount = ReplicaSets.replicaCount(allRSs);
        int minAvailable = replicas(d) - DeploymentUtil.maxUnavailable(d);
        int newRSUnavailablePodCount = ReplicaSets.replicas(newRS) - ReplicaSets.available(newRS);
        int maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount;
        if (maxScaledDown <= 0) {
            return false;
        }
        // Unhealthy old pods first: they cost no availability, and they would otherwise block the rollout.
        List<ReplicaSet> old = new ArrayList<>(oldRSs);
        int cleanupCount = cleanupUnhealthyReplicas(sync, old, maxScaledDown);
        int scaledDownCount = scaleDownOldReplicaSetsForRollingUpdate(sync, DeploymentSync.all(old, newRS), old);
        return cleanupCount + scaledDownCount > 0;
    }
    // end::reconcile-old-replica-sets[]

    /** Scales old ReplicaSets down by their unavailable pods, oldest first, at most maxCleanupCount in all. */
    static int cleanupUnhealthyReplicas(DeploymentSync sync, List<ReplicaSet> oldRSs, int maxCleanupCount) {
        oldRSs.sort(ReplicaSets.BY_CREATION_TIMESTAMP);
        int total = 0;
        for (int i = 0; i < oldRSs.size(); i++) {
            ReplicaSet rs = oldRSs.get(i);
            if (total >= maxCleanupCount) {
                break;
            }
            int size = ReplicaSets.replicas(rs);
            if (size == 0 || size == ReplicaSets.available(rs)) {
                continue;
            }
            int scaledDownCount = Math.min(maxCleanupCount - total, size - ReplicaSets.available(rs));
            oldRSs.set(i, sync.scaleReplicaSetAndRecordEvent(rs, size - scaledDownCount).rs());
            total += scaledDownCount;
        }
        return total;
    }

    /** Scales old ReplicaSets down, oldest first, while available pods stay at least replicas - maxUnavailable. */
    static int scaleDownOldReplicaSetsForRollingUpdate(DeploymentSync sync, List<ReplicaSet> allRSs,
                                                       List<ReplicaSet> oldRSs) {
        Deployment d = sync.d;
        int minAvailable = replicas(d) - DeploymentUtil.maxUnavailable(d);
        int availablePodCount = ReplicaSets.availableReplicaCount(allRSs);
        if (availablePodCount <= minAvailable) {
            return 0;
        }
        List<ReplicaSet> sorted = new ArrayList<>(oldRSs);
        sorted.sort(ReplicaSets.BY_CREATION_TIMESTAMP);
        int totalScaledDown = 0;
        int totalScaleDownCount = availablePodCount - minAvailable;
        for (ReplicaSet rs : sorted) {
            if (totalScaledDown >= totalScaleDownCount) {
                break;
            }
            if (ReplicaSets.replicas(rs) == 0) {
                continue;
            }
            int scaleDownCount = Math.min(ReplicaSets.replicas(rs), totalScaleDownCount - totalScaledDown);
            sync.scaleReplicaSetAndRecordEvent(rs, ReplicaSets.replicas(rs) - scaleDownCount);
            totalScaledDown += scaleDownCount;
        }
        return totalScaledDown;
    }
}
