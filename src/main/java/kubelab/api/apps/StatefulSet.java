package kubelab.api.apps;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Pods with stable identities: {@code <name>-0}, {@code <name>-1}, ..., each with a stable DNS
 * name under {@code spec.serviceName} and its own PersistentVolumeClaims from
 * {@code volumeClaimTemplates} that survive the pod. By default pods are created one at a time in
 * order, each waiting for the previous to be Ready, and removed in reverse order.
 *
 * <p>Real Kubernetes: {@code appsv1.StatefulSet}, reconciled by {@code pkg/controller/statefulset}.
 */
public record StatefulSet(String apiVersion, String kind, ObjectMeta metadata, StatefulSetSpec spec,
                          StatefulSetStatus status) implements KubeObject {

    public static final String KIND = "StatefulSet";

    public StatefulSet {
        apiVersion = apiVersion == null ? AppsV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    @Override
    public StatefulSet withMetadata(ObjectMeta metadata) {
        return new StatefulSet(apiVersion, kind, metadata, spec, status);
    }

    public StatefulSet withSpec(StatefulSetSpec spec) {
        return new StatefulSet(apiVersion, kind, metadata, spec, status);
    }

    public StatefulSet withStatus(StatefulSetStatus status) {
        return new StatefulSet(apiVersion, kind, metadata, spec, status);
    }
}
