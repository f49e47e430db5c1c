package kubelab.api.core;

/**
 * A namespaced kernel parameter set for the pod, e.g. {@code net.ipv4.ip_local_port_range}.
 *
 * <p>Real Kubernetes: {@code corev1.Sysctl}.
 */
public record Sysctl(String name, String value) {
}
