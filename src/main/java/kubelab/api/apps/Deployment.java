package kubelab.api.apps;

import java.util.Map;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.LabelSelector;
import kubelab.api.meta.ObjectMeta;

/**
 * Declarative updates for a set of identical pods: the deployment controller keeps one ReplicaSet
 * per version of the pod template and moves replicas from the old ones to the new one as
 * {@code spec.strategy} allows, keeping old ReplicaSets (scaled to zero) for rollback.
 *
 * <p>Real Kubernetes: {@code appsv1.Deployment}, reconciled by {@code pkg/controller/deployment}.
 */
public record Deployment(String apiVersion, String kind, ObjectMeta metadata, DeploymentSpec spec,
                         DeploymentStatus status) implements KubeObject {

    public static final String KIND = "Deployment";

    public Deployment {
        apiVersion = apiVersion == null ? AppsV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    /** A Deployment of {@code replicas} pods from {@code template}, selecting them by the template's labels. */
    public static Deployment of(String namespace, String name, int replicas, PodTemplateSpec template) {
        Map<String, String> labels = template.metadata() == null ? Map.of() : template.metadata().labels();
        DeploymentSpec spec = new DeploymentSpec(replicas, LabelSelector.matching(labels), template, null, null, null,
                null, null);
        return new Deployment(null, null, ObjectMeta.of(namespace, name), spec, null);
    }

    @Override
    public Deployment withMetadata(ObjectMeta metadata) {
        return new Deployment(apiVersion, kind, metadata, spec, status);
    }

    public Deployment withSpec(DeploymentSpec spec) {
        return new Deployment(apiVersion, kind, metadata, spec, status);
    }

    public Deployment withStatus(DeploymentStatus status) {
        return new Deployment(apiVersion, kind, metadata, spec, status);
    }
}
