package kubelab.api.apps;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * One pod on every eligible node (log shippers, node agents, network plugins): the DaemonSet
 * controller creates a pod for each node that matches the template's scheduling constraints and
 * taints, and removes it when the node goes.
 *
 * <p>Real Kubernetes: {@code appsv1.DaemonSet}, reconciled by {@code pkg/controller/daemon}.
 */
public record DaemonSet(String apiVersion, String kind, ObjectMeta metadata, DaemonSetSpec spec,
                        DaemonSetStatus status) implements KubeObject {

    public static final String KIND = "DaemonSet";

    public DaemonSet {
        apiVersion = apiVersion == null ? AppsV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    @Override
    public DaemonSet withMetadata(ObjectMeta metadata) {
        return new DaemonSet(apiVersion, kind, metadata, spec, status);
    }

    public DaemonSet withSpec(DaemonSetSpec spec) {
        return new DaemonSet(apiVersion, kind, metadata, spec, status);
    }

    public DaemonSet withStatus(DaemonSetStatus status) {
        return new DaemonSet(apiVersion, kind, metadata, spec, status);
    }
}
