package kubelab.api.core;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A ReplicationController: keeps {@code spec.replicas} pods matching an equality-based
 * {@code spec.selector} running, creating them from {@code spec.template}. The ancestor of the
 * ReplicaSet, which adds set-based selectors; Deployments manage ReplicaSets instead.
 *
 * <p>Real Kubernetes: {@code corev1.ReplicationController}, reconciled by
 * {@code pkg/controller/replication} (a thin wrapper of {@code pkg/controller/replicaset}).
 */
public record ReplicationController(String apiVersion, String kind, ObjectMeta metadata,
                                    ReplicationControllerSpec spec, ReplicationControllerStatus status)
        implements KubeObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "ReplicationController";

    public ReplicationController {
        apiVersion = apiVersion == null ? API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static ReplicationController of(ObjectMeta metadata, ReplicationControllerSpec spec) {
        return new ReplicationController(null, null, metadata, spec, null);
    }

    @Override
    public ReplicationController withMetadata(ObjectMeta metadata) {
        return new ReplicationController(apiVersion, kind, metadata, spec, status);
    }

    public ReplicationController withSpec(ReplicationControllerSpec spec) {
        return new ReplicationController(apiVersion, kind, metadata, spec, status);
    }

    public ReplicationController withStatus(ReplicationControllerStatus status) {
        return new ReplicationController(apiVersion, kind, metadata, spec, status);
    }
}
