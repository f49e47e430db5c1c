package kubelab.controller.deployment;

import static kubelab.controller.deployment.DeploymentUtil.replicas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;

/**
 * The Recreate strategy: every old pod goes before any new one starts, so two versions never run
 * side by side (at the cost of a gap in service).
 * <ol>
 *   <li>scale every active old ReplicaSet to 0;</li>
 *   <li>wait until no old pod is left running (the pod informer's deletions wake the Deployment);</li>
 *   <li>create the new ReplicaSet if needed and scale it to spec.replicas;</li>
 *   <li>when the rollout is complete, delete old ReplicaSets beyond {@code revisionHistoryLimit}.</li>
 * </ol>
 *
 * <p>Real Kubernetes: {@code pkg/controller/deployment/recreate.go}.
 */
final class Recreate {
    private Recreate() {
    }

    /** @param podMap the Deployment's pods by the uid of the ReplicaSet that controls them */
    // tag::rollout-recreate[]
    static void rolloutRecreate(DeploymentSync sync, Map<String, List<Pod>> podMap) {
        // Do not create the new ReplicaSet yet: that would scale up before scaling down.
        List<ReplicaSet> oldRSs = new ArrayList<>();
        ReplicaSet newRS = sync.getAllReplicaSetsAndSyncRevision(oldRSs, false);
        List<ReplicaSet> allRSs = DeploymentSync.all(oldRSs, newRS);

        boolean scaledDown = false;
        for (ReplicaSet rs : ReplicaSets.filterActive(oldRSs)) {
            scaledDown |= sync.scaleReplicaSetAndRecordEvent(rs, 0).scaled();
        }
        if (scaledDown || oldPodsRunning(newRS, oldRSs, podMap)) {
            Progress.syncRolloutStatus(sync, allRSs, newRS);
            return;
        }
        if (newRS == null) {
            newRS = sync.getAllReplicaSetsAndSyncRevision(oldRSs, true);
            allRSs = DeploymentSync.all(oldRSs, newRS);
        }
        sync.scaleReplicaSetAndRecordEvent(newRS, replicas(sync.d));
        if (DeploymentConditions.deploymentComplete(sync.d, DeploymentConditions.statusOf(sync.d))) {
            sync.cleanupDeployment(oldRSs);
        }
        Progress.syncRolloutStatus(sync, allRSs, newRS);
    }
    // end::rollout-recreate[]

    /** True while an old ReplicaSet reports pods, or an old pod is not yet in a terminal phase. */
    static boolean oldPodsRunning(ReplicaSet newRS, List<ReplicaSet> oldRSs, Map<String, List<Pod>> podMap) {
        if (ReplicaSets.actualReplicaCount(oldRSs) > 0) {
            return true;
        }
        for (Map.Entry<String, List<Pod>> e : podMap.entrySet()) {
            if (newRS != null && e.getKey().equals(newRS.metadata().uid())) {
                continue;
            }
            for (Pod pod : e.getValue()) {
                String phase = pod.status() == null ? null : pod.status().phase();
                if (!PodPhase.FAILED.equals(phase) && !PodPhase.SUCCEEDED.equals(phase)) {
                    return true; // Unknown counts too: it may still be running
                }
            }
        }
        return false;
    }
}
