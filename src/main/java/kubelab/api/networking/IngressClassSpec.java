package kubelab.api.networking;

/**
 * The controller that implements the class ({@code example.com/ingress-controller}) and an
 * optional object holding its configuration.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressClassSpec}.
 */
public record IngressClassSpec(String controller, IngressClassParametersReference parameters) {
}
