package kubelab.api.core;

/**
 * An extra condition type (set by some other controller) that must be True before the pod is Ready.
 *
 * <p>Real Kubernetes: {@code corev1.PodReadinessGate}.
 */
public record PodReadinessGate(String conditionType) {
}
