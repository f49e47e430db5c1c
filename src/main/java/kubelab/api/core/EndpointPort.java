package kubelab.api.core;

/**
 * A port the addresses of a subset serve; {@code name} matches the Service port's name, and
 * {@code port} is the resolved target port on the pods.
 *
 * <p>Real Kubernetes: {@code corev1.EndpointPort}.
 */
public record EndpointPort(String name, Integer port, String protocol, String appProtocol) {
}
