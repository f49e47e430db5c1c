package kubelab.api.core;

/**
 * Settings of session affinity; only {@code clientIP} exists.
 *
 * <p>Real Kubernetes: {@code corev1.SessionAffinityConfig}.
 */
public record SessionAffinityConfig(ClientIPConfig clientIP) {
}
