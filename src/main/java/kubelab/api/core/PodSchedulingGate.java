package kubelab.api.core;

/**
 * A gate that keeps a pod out of scheduling (state SchedulingGated) until some controller removes it.
 *
 * <p>Real Kubernetes: {@code corev1.PodSchedulingGate}.
 */
public record PodSchedulingGate(String name) {
}
