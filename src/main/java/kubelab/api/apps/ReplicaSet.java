package kubelab.api.apps;

import java.util.Map;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.LabelSelector;
import kubelab.api.meta.ObjectMeta;

/**
 * Keeps a number of pods matching a selector running: the ReplicaSet controller creates pods from
 * the template when there are too few and deletes some when there are too many, adopting matching
 * orphans. Deployments manage ReplicaSets; a bare one does not roll out template changes.
 *
 * <p>Real Kubernetes: {@code appsv1.ReplicaSet}, reconciled by {@code pkg/controller/replicaset}.
 */
public record ReplicaSet(String apiVersion, String kind, ObjectMeta metadata, ReplicaSetSpec spec,
                         ReplicaSetStatus status) implements KubeObject {

    public static final String KIND = "ReplicaSet";

    public ReplicaSet {
        apiVersion = apiVersion == null ? AppsV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    /** A ReplicaSet of {@code replicas} pods from {@code template}, selecting them by the template's labels. */
    public static ReplicaSet of(String namespace, String name, int replicas, PodTemplateSpec template) {
        Map<String, String> labels = template.metadata() == null ? Map.of() : template.metadata().labels();
        ReplicaSetSpec spec = new ReplicaSetSpec(replicas, null, LabelSelector.matching(labels), template);
        return new ReplicaSet(null, null, ObjectMeta.of(namespace, name), spec, null);
    }

    @Override
    public ReplicaSet withMetadata(ObjectMeta metadata) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status);
    }

    public ReplicaSet withSpec(ReplicaSetSpec spec) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status);
    }

    public ReplicaSet withStatus(ReplicaSetStatus status) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, status);
    }
}
