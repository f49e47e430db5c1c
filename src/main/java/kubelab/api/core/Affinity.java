package kubelab.api.core;

/**
 * Scheduling preferences and rules of a pod: towards nodes by their labels, and towards or away
 * from other pods by theirs.
 *
 * <p>Real Kubernetes: {@code corev1.Affinity}.
 */
public record Affinity(NodeAffinity nodeAffinity, PodAffinity podAffinity, PodAntiAffinity podAntiAffinity) {
}
