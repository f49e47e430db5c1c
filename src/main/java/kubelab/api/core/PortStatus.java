package kubelab.api.core;

/**
 * The state of one load-balancer port; {@code error} is set when it could not be opened.
 *
 * <p>Real Kubernetes: {@code corev1.PortStatus}.
 */
public record PortStatus(Integer port, String protocol, String error) {
}
