package kubelab.api.apps;

import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.LabelSelector;

/**
 * How many pods (default 1), which ones ({@code selector}, matching the template's labels), what
 * new ones look like, and how long a pod must be Ready to count as available.
 *
 * <p>Real Kubernetes: {@code appsv1.ReplicaSetSpec}.
 */
public record ReplicaSetSpec(Integer replicas, Integer minReadySeconds, LabelSelector selector,
                             PodTemplateSpec template) {

    public ReplicaSetSpec withReplicas(Integer replicas) {
        return new ReplicaSetSpec(replicas, minReadySeconds, selector, template);
    }

    public ReplicaSetSpec withTemplate(PodTemplateSpec template) {
        return new ReplicaSetSpec(replicas, minReadySeconds, selector, template);
    }
}
