package kubelab.controller.deployment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.ReplicaSetStatus;

/**
 * Small questions about a Deployment's ReplicaSets: their sizes (desired, actual, ready, available),
 * which are active, and the orders the controller walks them in.
 *
 * <p>Real Kubernetes: {@code FilterActiveReplicaSets}, {@code ReplicaSetsByCreationTimestamp},
 * {@code ReplicaSetsBySizeOlder}/{@code Newer} in {@code pkg/controller/controller_utils.go}, and the
 * {@code Get...ReplicaCountForReplicaSets} helpers in {@code pkg/controller/deployment/util/deployment_util.go}.
 */
final class ReplicaSets {
    private ReplicaSets() {
    }

    /** {@code spec.replicas} (1 if unset, as the API server defaults it). */
    static int replicas(ReplicaSet rs) {
        return rs.spec().replicas() == null ? 1 : rs.spec().replicas();
    }

    /** The same ReplicaSet with another {@code spec.replicas}. */
    static ReplicaSet withReplicas(ReplicaSet rs, int replicas) {
        return rs.withSpec(rs.spec().withReplicas(replicas));
    }

    /** The ReplicaSets that want at least one pod. */
    static List<ReplicaSet> filterActive(List<ReplicaSet> rss) {
        return rss.stream().filter(rs -> rs != null && replicas(rs) > 0).toList();
    }

    /** The pods the ReplicaSets want (sum of {@code spec.replicas}). */
    static int replicaCount(List<ReplicaSet> rss) {
        return sum(rss, ReplicaSets::replicas);
    }

    /** The pods the ReplicaSets have (sum of {@code status.replicas}). */
    static int actualReplicaCount(List<ReplicaSet> rss) {
        return sum(rss, rs -> status(rs, ReplicaSetStatus::replicas));
    }

    static int readyReplicaCount(List<ReplicaSet> rss) {
        return sum(rss, rs -> status(rs, ReplicaSetStatus::readyReplicas));
    }

    static int availableReplicaCount(List<ReplicaSet> rss) {
        return sum(rss, ReplicaSets::available);
    }

    static int available(ReplicaSet rs) {
        return status(rs, ReplicaSetStatus::availableReplicas);
    }

    static int actualReplicas(ReplicaSet rs) {
        return status(rs, ReplicaSetStatus::replicas);
    }

    private static int status(ReplicaSet rs, java.util.function.Function<ReplicaSetStatus, Integer> field) {
        if (rs == null || rs.status() == null) {
            return 0;
        }
        Integer v = field.apply(rs.status());
        return v == null ? 0 : v;
    }

    private static int sum(List<ReplicaSet> rss, ToIntFunction<ReplicaSet> f) {
        return rss.stream().filter(java.util.Objects::nonNull).mapToInt(f).sum();
    }

    /** Oldest first; ties broken by name. */
    static final Comparator<ReplicaSet> BY_CREATION_TIMESTAMP = Comparator
            .comparing((ReplicaSet rs) -> created(rs)).thenComparing(ReplicaSet::name);

    /** Largest first; among equals, older first (scale-down takes from the old ones first). */
    static final Comparator<ReplicaSet> BY_SIZE_OLDER = Comparator
            .comparingInt((ReplicaSet rs) -> -replicas(rs)).thenComparing(BY_CREATION_TIMESTAMP);

    /** Largest first; among equals, newer first (scale-up gives to the new ones first). */
    static final Comparator<ReplicaSet> BY_SIZE_NEWER = Comparator
            .comparingInt((ReplicaSet rs) -> -replicas(rs)).thenComparing(BY_CREATION_TIMESTAMP.reversed());

    /** Lowest revision first; ties by creation. */
    static final Comparator<ReplicaSet> BY_REVISION = Comparator
            .comparingLong(DeploymentUtil::revision).thenComparing(BY_CREATION_TIMESTAMP);

    private static Instant created(ReplicaSet rs) {
        Instant t = rs.metadata().creationTimestamp();
        return t == null ? Instant.EPOCH : t;
    }
}
