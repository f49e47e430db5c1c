package kubelab.api.core;

/**
 * A soft pod (anti-)affinity rule with its weight (1-100) in the node score.
 *
 * <p>Real Kubernetes: {@code corev1.WeightedPodAffinityTerm}.
 */
public record WeightedPodAffinityTerm(Integer weight, PodAffinityTerm podAffinityTerm) {
}
