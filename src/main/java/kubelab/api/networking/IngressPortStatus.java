package kubelab.api.networking;

/**
 * The state of one port of an entry point; {@code error} is set when it could not be served.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressPortStatus}.
 */
public record IngressPortStatus(Integer port, String protocol, String error) {
}
