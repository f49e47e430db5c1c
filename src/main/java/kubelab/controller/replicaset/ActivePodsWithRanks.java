package kubelab.controller.replicaset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;

/**
 * The order in which a ReplicaSet gives up pods when it scales down: the pod whose loss hurts least
 * comes first. Each key decides only when the keys before it tie:
 * <ol>
 *   <li>not yet scheduled before scheduled;</li>
 *   <li>Pending before Unknown before Running;</li>
 *   <li>not ready before ready;</li>
 *   <li>lower {@code controller.kubernetes.io/pod-deletion-cost} before higher;</li>
 *   <li>more related pods on the same node before fewer (spread what stays);</li>
 *   <li>ready for a shorter time before longer;</li>
 *   <li>more container restarts before fewer;</li>
 *   <li>newer before older (by creationTimestamp).</li>
 * </ol>
 *
 * <p>Real Kubernetes: {@code ActivePodsWithRanks} in {@code pkg/controller/controller_utils.go} and
 * {@code getPodsToDelete} in {@code pkg/controller/replicaset/replica_set.go}.
 */
public final class ActivePodsWithRanks {
    /** The annotation a user sets to say which pods to delete first on scale-down. */
    public static final String POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

    private ActivePodsWithRanks() {
    }

    /**
     * The {@code diff} pods of {@code filteredPods} to delete. A pod's rank is the number of
     * {@code relatedPods} on its node; Kubernetes counts the pods of sibling ReplicaSets of the
     * same Deployment there, this implementation the ReplicaSet's own pods.
     */
    public static List<Pod> getPodsToDelete(List<Pod> filteredPods, List<Pod> relatedPods, int diff) {
        if (diff >= filteredPods.size()) {
            return List.copyOf(filteredPods);
        }
        Map<String, Integer> podsOnNode = new HashMap<>();
        for (Pod pod : relatedPods) {
            if (isActive(pod) && nodeName(pod) != null) {
                podsOnNode.merge(nodeName(pod), 1, Integer::sum);
            }
        }
        List<Pod> sorted = new ArrayList<>(filteredPods);
        sorted.sort(comparator(pod -> nodeName(pod) == null ? 0 : podsOnNode.getOrDefault(nodeName(pod), 0)));
        return List.copyOf(sorted.subList(0, diff));
    }

    /** Pods first to delete first, given each pod's rank (related pods on its node). */
    public static Comparator<Pod> comparator(java.util.function.ToIntFunction<Pod> rank) {
        return Comparator.<Pod, Boolean>comparing(p -> nodeName(p) != null)
                .thenComparingInt(ActivePodsWithRanks::phaseOrdinal)
                .thenComparing(ActivePodsWithRanks::isReady)
                .thenComparingInt(ActivePodsWithRanks::deletionCost)
                .thenComparing(Comparator.comparingInt(rank).reversed())
                .thenComparing(ActivePodsWithRanks::readySince, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
                .thenComparing(Comparator.comparingInt(ActivePodsWithRanks::maxRestarts).reversed())
                .thenComparing(p -> p.metadata().creationTimestamp(), Comparator.nullsFirst(Comparator.<Instant>reverseOrder()));
    }

    /** Not finished and not being deleted: a pod that counts towards replicas. */
    static boolean isActive(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        return !PodPhase.isTerminal(phase) && pod.metadata().deletionTimestamp() == null;
    }

    /** The pod's Ready condition is True. */
    static boolean isReady(Pod pod) {
        PodCondition ready = pod.status() == null ? null : pod.status().condition(PodConditionType.READY);
        return ready != null && ready.isTrue();
    }

    private static String nodeName(Pod pod) {
        String node = pod.spec() == null ? null : pod.spec().nodeName();
        return node == null || node.isEmpty() ? null : node;
    }

    private static int phaseOrdinal(Pod pod) {
        String phase = pod.status() == null ? null : pod.status().phase();
        if (PodPhase.RUNNING.equals(phase)) {
            return 2;
        }
        return PodPhase.UNKNOWN.equals(phase) ? 1 : 0; // Pending, or not yet set
    }

    private static int deletionCost(Pod pod) {
        String cost = pod.metadata().annotations().get(POD_DELETION_COST);
        try {
            return cost == null ? 0 : Integer.parseInt(cost);
        } catch (NumberFormatException e) {
            return 0; // the API server validates it; treat a bad value as the default
        }
    }

    private static Instant readySince(Pod pod) {
        if (!isReady(pod)) {
            return null;
        }
        return pod.status().condition(PodConditionType.READY).lastTransitionTime();
    }

    private static int maxRestarts(Pod pod) {
        if (pod.status() == null) {
            return 0;
        }
        int max = 0;
        for (ContainerStatus status : pod.status().containerStatuses()) {
            max = Math.max(max, status.restartCount() == null ? 0 : status.restartCount());
        }
        return max;
    }
}
