package kubelab.api.core;

/**
 * The health of one allocated device: Healthy, Unhealthy or Unknown.
 *
 * <p>Real Kubernetes: {@code corev1.ResourceHealth}.
 */
public record ResourceHealth(String resourceID, String health) {
}
