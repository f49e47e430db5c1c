package kubelab.api.core;

import java.util.List;

/**
 * Rules to place a pod in the same topology domain (node, zone...) as pods matching a selector.
 *
 * <p>Real Kubernetes: {@code corev1.PodAffinity}.
 */
public record PodAffinity(List<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
                          List<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {
    public PodAffinity {
        requiredDuringSchedulingIgnoredDuringExecution = Copies.list(requiredDuringSchedulingIgnoredDuringExecution);
        preferredDuringSchedulingIgnoredDuringExecution = Copies.list(preferredDuringSchedulingIgnoredDuringExecution);
    }
}
