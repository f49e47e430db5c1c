package kubelab.api.networking;

/**
 * What the ingress controller reports: the addresses it serves the Ingress on.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressStatus}.
 */
public record IngressStatus(IngressLoadBalancerStatus loadBalancer) {
}
