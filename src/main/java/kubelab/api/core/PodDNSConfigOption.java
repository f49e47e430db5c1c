package kubelab.api.core;

/**
 * One resolver option, e.g. {@code ndots: "2"}.
 *
 * <p>Real Kubernetes: {@code corev1.PodDNSConfigOption}.
 */
public record PodDNSConfigOption(String name, String value) {
}
