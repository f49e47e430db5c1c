package kubelab.api.core;

/**
 * One IP address of a pod (one per IP family).
 *
 * <p>Real Kubernetes: {@code corev1.PodIP}.
 */
public record PodIP(String ip) {
}
