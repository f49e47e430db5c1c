package kubelab.api.networking;

import java.util.List;

/**
 * One entry point: an IP or a host name, with per-port status.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressLoadBalancerIngress}.
 */
public record IngressLoadBalancerIngress(String ip, String hostname, List<IngressPortStatus> ports) {
    public IngressLoadBalancerIngress {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
