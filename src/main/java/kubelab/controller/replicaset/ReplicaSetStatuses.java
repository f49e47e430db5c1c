package kubelab.controller.replicaset;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.ReplicaSetStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodConditionType;
import kubelab.api.labels.Selector;
import kubelab.apiserver.ApiException;

/**
 * What a ReplicaSet's status says about its pods, and the write of it: {@code replicas} (active
 * pods it owns), {@code fullyLabeledReplicas} (those carrying every template label),
 * {@code readyReplicas} (Ready=True) and {@code availableReplicas} (ready for at least
 * {@code minReadySeconds}), with the {@code observedGeneration} the numbers were computed for.
 *
 * <p>Real Kubernetes: {@code calculateStatus} and {@code updateReplicaSetStatus} in
 * {@code pkg/controller/replicaset/replica_set_utils.go}; {@code IsPodAvailable} in
 * {@code pkg/api/v1/pod/util.go}.
 */
final class ReplicaSetStatuses {
    private ReplicaSetStatuses() {
    }

    /** The status for {@code filteredPods} (the active pods the ReplicaSet owns) at {@code now}. */
    static ReplicaSetStatus calculate(ReplicaSet rs, List<Pod> filteredPods, Instant now) {
        var templateMeta = rs.spec().template().metadata();
        Selector templateLabels = Selector.fromSet(templateMeta == null ? java.util.Map.of() : templateMeta.labels());
        int minReady = ReplicaSetController.minReadySeconds(rs);
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (Pod pod : filteredPods) {
            if (templateLabels.matches(pod.metadata().labels())) {
                fullyLabeled++;
            }
            if (ActivePodsWithRanks.isReady(pod)) {
                ready++;
                if (isAvailable(pod, minReady, now)) {
                    available++;
                }
            }
        }
        var conditions = rs.status() == null ? List.<kubelab.api.apps.ReplicaSetCondition>of() : rs.status().conditions();
        return new ReplicaSetStatus(filteredPods.size(), fullyLabeled, ready, available, null,
                rs.metadata().generation(), conditions);
    }

    /** Ready, and ready for at least {@code minReadySeconds} by the loop's clock. */
    static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!ActivePodsWithRanks.isReady(pod)) {
            return false;
        }
        if (minReadySeconds == 0) {
            return true;
        }
        Instant since = pod.status().condition(PodConditionType.READY).lastTransitionTime();
        return since != null && !since.plusSeconds(minReadySeconds).isAfter(now);
    }

    /**
     * Writes {@code status} with {@code updateStatus} (the status subresource, with the resourceVersion read), unless
     * the stored status already says the same: an unchanged write would wake every watcher for nothing.
     *
     * On a 409 Conflict (the cached copy was stale) it reads the stored ReplicaSet and retries once.
     *
     * @return the ReplicaSet as stored afterwards
     */
    static ReplicaSet updateIfChanged(ReplicaSet rs, ReplicaSetStatus status, UnaryOperator<ReplicaSet> updateStatus,
                                      Supplier<ReplicaSet> fresh) {
        if (sameStatus(rs.status(), status)) {
            return rs;
        }
        try {
            return updateStatus.apply(rs.withStatus(status));
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
            // The cached copy was stale: read the stored one and try once more, as Kubernetes does.
            ReplicaSet stored = fresh.get();
            return sameStatus(stored.status(), status) ? stored : updateStatus.apply(stored.withStatus(status));
        }
    }

    private static boolean sameStatus(ReplicaSetStatus current, ReplicaSetStatus status) {
        return current != null
                && Objects.equals(current.replicas(), status.replicas())
                && Objects.equals(current.fullyLabeledReplicas(), status.fullyLabeledReplicas())
                && Objects.equals(current.readyReplicas(), status.readyReplicas())
                && Objects.equals(current.availableReplicas(), status.availableReplicas())
                && Objects.equals(current.observedGeneration(), status.observedGeneration())
                && Objects.equals(current.conditions(), status.conditions());
    }
}
