package kubelab.api.core;

import java.util.List;

/**
 * Rules to keep a pod out of topology domains that hold pods matching a selector.
 *
 * <p>Real Kubernetes: {@code corev1.PodAntiAffinity}.
 */
public record PodAntiAffinity(List<PodAffinityTerm> requiredDuringSchedulingIgnoredDuringExecution,
                              List<WeightedPodAffinityTerm> preferredDuringSchedulingIgnoredDuringExecution) {
    public PodAntiAffinity {
        requiredDuringSchedulingIgnoredDuringExecution = Copies.list(requiredDuringSchedulingIgnoredDuringExecution);
        preferredDuringSchedulingIgnoredDuringExecution = Copies.list(preferredDuringSchedulingIgnoredDuringExecution);
    }
}
