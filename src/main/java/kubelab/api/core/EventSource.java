package kubelab.api.core;

/**
 * The component that reported an event, and the host it runs on (kubelet events name their node).
 *
 * <p>Real Kubernetes: {@code corev1.EventSource}.
 */
public record EventSource(String component, String host) {
}
