package kubelab.api.discovery;

/**
 * A port the endpoints of a slice serve; {@code name} matches the Service port's name.
 *
 * <p>Real Kubernetes: {@code discoveryv1.EndpointPort}.
 */
public record EndpointPort(String name, String protocol, Integer port, String appProtocol) {
}
