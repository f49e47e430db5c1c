package kubelab.api.core;

/**
 * How long a client stays with its endpoint under ClientIP affinity (1 to 86400 seconds).
 *
 * <p>Real Kubernetes: {@code corev1.ClientIPConfig}.
 */
public record ClientIPConfig(Integer timeoutSeconds) {
}
