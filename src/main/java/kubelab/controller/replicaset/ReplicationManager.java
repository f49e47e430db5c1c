package kubelab.controller.replicaset;

import kubelab.apiserver.Api;
import kubelab.client.record.EventRecorder;
import kubelab.client.InformerFactory;
import kubelab.time.EventLoop;

/**
 * The controller of ReplicationControllers, the ReplicaSet's predecessor: the same controller
 * logic, run over ReplicationControllers seen as ReplicaSets (their equality-only map selector
 * becomes {@code matchLabels}). Pods it creates are owned by the {@code v1 ReplicationController}.
 *
 * <p>Real Kubernetes: {@code ReplicationManager} in
 * {@code pkg/controller/replication/replication_controller.go}, which embeds the ReplicaSet
 * controller built by {@code replicaset.NewBaseController}.
 */
public final class ReplicationManager {
    private final ReplicaSetController controller;

    public ReplicationManager(Api api, InformerFactory informers, EventLoop loop) {
        this(api, informers, loop, EventRecorder.discarding());
    }

    public ReplicationManager(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder) {
        this.controller = new ReplicaSetController(api, informers, loop, recorder, ReplicatedKind.REPLICATION_CONTROLLER);
    }

    /** Starts the worker; the informers are started by their factory. */
    public void start() {
        controller.start();
    }

    /** Syncs one ReplicationController by key ("namespace/name"); for stepping by hand. */
    public void syncReplicationController(String key) {
        controller.syncReplicaSet(key);
    }

    public ControllerExpectations expectations() {
        return controller.expectations();
    }
}
