package kubelab.api.core;

/**
 * A soft node rule: nodes matching {@code preference} get {@code weight} (1-100) added to their score.
 *
 * <p>Real Kubernetes: {@code corev1.PreferredSchedulingTerm}.
 */
public record PreferredSchedulingTerm(Integer weight, NodeSelectorTerm preference) {
}
