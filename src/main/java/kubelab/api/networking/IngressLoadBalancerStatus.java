package kubelab.api.networking;

import java.util.List;

/**
 * The load-balancer entry points of an Ingress; empty while no controller has taken it (kubectl
 * then shows an empty ADDRESS).
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressLoadBalancerStatus}.
 */
public record IngressLoadBalancerStatus(List<IngressLoadBalancerIngress> ingress) {
    public IngressLoadBalancerStatus {
        ingress = ingress == null ? List.of() : List.copyOf(ingress);
    }
}
