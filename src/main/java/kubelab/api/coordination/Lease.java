package kubelab.api.coordination;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A lock with a time limit, held by renewing it. Leader election uses one per component (the
 * scheduler and the controller manager in {@code kube-system}); each kubelet renews one in
 * {@code kube-node-lease} as its heartbeat.
 *
 * <p>Real Kubernetes: {@code coordinationv1.Lease}, used by {@code client-go/tools/leaderelection}
 * and the kubelet's {@code nodelease} controller.
 */
public record Lease(String apiVersion, String kind, ObjectMeta metadata, LeaseSpec spec) implements KubeObject {

    public static final String KIND = "Lease";

    public Lease {
        apiVersion = apiVersion == null ? CoordinationV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static Lease of(String namespace, String name, LeaseSpec spec) {
        return new Lease(null, null, ObjectMeta.of(namespace, name), spec);
    }

    @Override
    public Lease withMetadata(ObjectMeta metadata) {
        return new Lease(apiVersion, kind, metadata, spec);
    }

    public Lease withSpec(LeaseSpec spec) {
        return new Lease(apiVersion, kind, metadata, spec);
    }
}
