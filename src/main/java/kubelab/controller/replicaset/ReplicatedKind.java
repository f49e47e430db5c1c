package kubelab.controller.replicaset;

import java.util.List;
import java.util.function.Function;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.ReplicaSetCondition;
import kubelab.api.apps.ReplicaSetSpec;
import kubelab.api.apps.ReplicaSetStatus;
import kubelab.api.core.ReplicationController;
import kubelab.api.core.ReplicationControllerCondition;
import kubelab.api.core.ReplicationControllerSpec;
import kubelab.api.core.ReplicationControllerStatus;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.LabelSelector;

/**
 * A kind the ReplicaSet controller can manage, with its conversion to and from a ReplicaSet view.
 * The view keeps the original {@code apiVersion} and {@code kind}, so that ownerReferences written
 * from it name the real owner ({@code v1 ReplicationController}); the controller's logic only ever
 * sees ReplicaSets.
 *
 * <p>Real Kubernetes: the GroupVersionKind that {@code NewBaseController} takes, and the conversion
 * adapters of {@code pkg/controller/replication/conversion.go}, through which the ReplicationManager
 * reuses the ReplicaSet controller.
 */
record ReplicatedKind<T extends KubeObject>(Class<T> type, String kind, String queueName,
                                           Function<T, ReplicaSet> toReplicaSet,
                                           Function<ReplicaSet, T> fromReplicaSet) {

    static final ReplicatedKind<ReplicaSet> REPLICA_SET = new ReplicatedKind<>(ReplicaSet.class, ReplicaSet.KIND,
            "replicaset", Function.identity(), Function.identity());

    static final ReplicatedKind<ReplicationController> REPLICATION_CONTROLLER = new ReplicatedKind<>(
            ReplicationController.class, ReplicationController.KIND, "replicationmanager",
            ReplicatedKind::fromRc, ReplicatedKind::toRc);

    /** An RC as a ReplicaSet: its map selector becomes {@code matchLabels}. */
    private static ReplicaSet fromRc(ReplicationController rc) {
        ReplicationControllerSpec s = rc.spec();
        ReplicaSetSpec spec = new ReplicaSetSpec(s.replicas(), s.minReadySeconds(), LabelSelector.matching(s.selector()),
                s.template());
        ReplicationControllerStatus st = rc.status();
        ReplicaSetStatus status = st == null ? null : new ReplicaSetStatus(st.replicas(), st.fullyLabeledReplicas(),
                st.readyReplicas(), st.availableReplicas(), null, st.observedGeneration(),
                st.conditions().stream().map(c -> new ReplicaSetCondition(c.type(), c.status(), c.lastTransitionTime(),
                        c.reason(), c.message())).toList());
        return new ReplicaSet(rc.apiVersion(), rc.kind(), rc.metadata(), spec, status);
    }

    /** The ReplicaSet view back as an RC (only written through the status subresource). */
    private static ReplicationController toRc(ReplicaSet rs) {
        ReplicaSetSpec s = rs.spec();
        ReplicationControllerSpec spec = new ReplicationControllerSpec(s.replicas(), s.minReadySeconds(),
                s.selector().matchLabels(), s.template());
        ReplicaSetStatus st = rs.status();
        List<ReplicationControllerCondition> conditions = st == null ? List.of() : st.conditions().stream()
                .map(c -> new ReplicationControllerCondition(c.type(), c.status(), c.lastTransitionTime(), c.reason(),
                        c.message())).toList();
        ReplicationControllerStatus status = st == null ? null : new ReplicationControllerStatus(st.replicas(),
                st.fullyLabeledReplicas(), st.readyReplicas(), st.availableReplicas(), st.observedGeneration(), conditions);
        return new ReplicationController(null, null, rs.metadata(), spec, status);
    }
}
