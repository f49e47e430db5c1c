package kubelab.api.core;

import kubelab.api.meta.ObjectMeta;

/**
 * The pod a controller stamps out: labels and annotations in {@code metadata}, and a full pod
 * {@code spec}. ReplicaSets, Deployments, DaemonSets, StatefulSets and Jobs all carry one.
 *
 * <p>Real Kubernetes: {@code corev1.PodTemplateSpec}.
 */
public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {

    public PodTemplateSpec withMetadata(ObjectMeta metadata) {
        return new PodTemplateSpec(metadata, spec);
    }

    public PodTemplateSpec withSpec(PodSpec spec) {
        return new PodTemplateSpec(metadata, spec);
    }
}
