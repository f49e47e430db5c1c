package kubelab.api.core;

import java.util.List;

/**
 * The entry points of an external load balancer; empty while none is provisioned (kubectl shows
 * EXTERNAL-IP {@code <pending>}).
 *
 * <p>Real Kubernetes: {@code corev1.LoadBalancerStatus}.
 */
public record LoadBalancerStatus(List<LoadBalancerIngress> ingress) {
    public LoadBalancerStatus {
        ingress = Copies.list(ingress);
    }
}
