package kubelab.controller.deployment;

import static kubelab.controller.deployment.DeploymentUtil.replicas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;

/**
 * Scaling a Deployment (a change of {@code spec.replicas}) rather than rolling it out. With one
 * active ReplicaSet, that one takes the new size. In the middle of a rollout, with several active
 * ReplicaSets, the pods to add or remove are shared out in proportion to each ReplicaSet's size
 * (measured against the {@code max-replicas} annotation it was last sized under), largest first, and
 * any leftover from rounding goes to the largest. So a rollout of 10 pods, 8 old and 5 new, scaled
 * to 30 in mid-flight keeps roughly the same old-to-new ratio instead of giving all new pods to
 * one side.
 *
 * <p>Real Kubernetes: {@code isScalingEvent} and {@code scale} in
 * {@code pkg/controller/deployment/sync.go}; {@code GetProportion}, {@code IsSaturated} and
 * {@code FindActiveOrLatest} in {@code pkg/controller/deployment/util/deployment_util.go}.
 */
final class ProportionalScaling {
    private ProportionalScaling() {
    }

    /** A scaling event: an active ReplicaSet was last sized for another spec.replicas than now. */
    static boolean isScalingEvent(DeploymentSync sync) {
        List<ReplicaSet> old = new ArrayList<>();
        ReplicaSet newRS = sync.getAllReplicaSetsAndSyncRevision(old, false);
        for (ReplicaSet rs : ReplicaSets.filterActive(DeploymentSync.all(old, newRS))) {
            Integer desired = DeploymentUtil.desiredReplicasAnnotation(rs);
            if (desired != null && desired != replicas(sync.d)) {
                return true;
            }
        }
        return false;
    }

    /** Brings the ReplicaSets to the Deployment's new size, proportionally when several are active. */
    // tag::proportional-scaling[]
    static void scale(DeploymentSync sync, ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        Deployment d = sync.d;
        ReplicaSet activeOrLatest = findActiveOrLatest(newRS, oldRSs);
        if (activeOrLatest != null) {
            if (ReplicaSets.replicas(activeOrLatest) != replicas(d)) {
                sync.scaleReplicaSetAndRecordEvent(activeOrLatest, replicas(d));
            }
            return;
        }
        if (isSaturated(d, newRS)) {
            // The new ReplicaSet has everything: old ones (adopted mid-rollout, say) go to zero.
            for (ReplicaSet old : ReplicaSets.filterActive(oldRSs)) {
                sync.scaleReplicaSetAndRecordEvent(old, 0);
            }
            return;
        }
        if (!DeploymentUtil.isRollingUpdate(d)) {
            return;
        }
        List<ReplicaSet> allRSs = new ArrayList<>(ReplicaSets.filterActive(DeploymentSync.all(oldRSs, newRS)));
        int allowedSize = replicas(d) > 0 ? replicas(d) + DeploymentUtil.maxSurge(d) : 0;
        int toAdd = allowedSize - ReplicaSets.replicaCount(allRSs);
        String scalingOperation = "";
        if (toAdd > 0) {
            allRSs.sort(ReplicaSets.BY_SIZE_NEWER);
            scalingOperation = "up";
        } else if (toAdd < 0) {
            allRSs.sort(ReplicaSets.BY_SIZE_OLDER);
            scalingOperation = "down";
        }
        int added = 0;
        Map<String, Integer> nameToSize = new HashMap<>();
        for (ReplicaSet rs : allRSs) {
            if (toAdd != 0) {
                int proportion = getProportion(rs, d, toAdd, added);
                nameToSize.put(rs.name(), ReplicaSets.replicas(rs) + proportion);
                added += proportion;
            } else {
                nameToSize.put(rs.name(), ReplicaSets.replicas(rs));
            }
        }
        for (int i = 0; i < allRSs.size(); i++) {
            ReplicaSet rs = allRSs.get(i);
            if (i == 0 && toAdd != 0) {
                nameToSize.put(rs.name(), Math.max(0, nameToSize.get(rs.name()) + toAdd - added)); // the leftover
            }
            sync.scaleReplicaSet(rs, nameToSize.get(rs.name()), scalingOperation);
        }
    }
    // end::proportional-scaling[]

    /** This ReplicaSet's share of {@code toAdd}, never beyond what is still left to add (or remove). */
    static int getProportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
        if (rs == null || ReplicaSets.replicas(rs) == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = getReplicaSetFraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /** size * (new max replicas) / (max replicas it was sized under), rounded, minus size. */
    static int getReplicaSetFraction(ReplicaSet rs, Deployment d) {
        int size = ReplicaSets.replicas(rs);
        if (replicas(d) == 0) {
            return -size;
        }
        int maxReplicas = replicas(d) + DeploymentUtil.maxSurge(d);
        Integer before = DeploymentUtil.maxReplicasAnnotation(rs);
        if (before == null || before == 0) {
            before = DeploymentConditions.statusOf(d).replicas();
            if (before == null || before == 0) {
                return 0;
            }
        }
        double newSize = (double) size * maxReplicas / before;
        return (int) Math.round(newSize) - size; // Go's math.Round: halves away from zero (sizes are positive)
    }

    /** The new ReplicaSet has all the desired pods, for the current size, all available. */
    static boolean isSaturated(Deployment d, ReplicaSet rs) {
        if (rs == null) {
            return false;
        }
        Integer desired = DeploymentUtil.desiredReplicasAnnotation(rs);
        return desired != null && ReplicaSets.replicas(rs) == replicas(d) && desired == replicas(d)
                && ReplicaSets.available(rs) == replicas(d);
    }

    /** The only active ReplicaSet; the newest if none is active; null if several are. */
    static ReplicaSet findActiveOrLatest(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        if (newRS == null && oldRSs.isEmpty()) {
            return null;
        }
        List<ReplicaSet> newestFirst = new ArrayList<>(oldRSs);
        newestFirst.sort(ReplicaSets.BY_CREATION_TIMESTAMP.reversed());
        List<ReplicaSet> active = ReplicaSets.filterActive(DeploymentSync.all(newestFirst, newRS));
        if (active.isEmpty()) {
            return newRS != null ? newRS : newestFirst.get(0);
        }
        return active.size() == 1 ? active.get(0) : null;
    }
}
