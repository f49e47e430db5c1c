package kubelab.api.networking;

/**
 * A Service in the Ingress's namespace and one of its ports.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressServiceBackend}.
 */
public record IngressServiceBackend(String name, ServiceBackendPort port) {
}
