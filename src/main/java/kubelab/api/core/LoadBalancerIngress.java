package kubelab.api.core;

import java.util.List;

/**
 * One entry point of a load balancer: an IP or a host name; {@code ipMode} is {@code VIP}
 * (traffic arrives addressed to this IP) or {@code Proxy}.
 *
 * <p>Real Kubernetes: {@code corev1.LoadBalancerIngress}.
 */
public record LoadBalancerIngress(String ip, String hostname, String ipMode, List<PortStatus> ports) {
    public LoadBalancerIngress {
        ports = Copies.list(ports);
    }
}
