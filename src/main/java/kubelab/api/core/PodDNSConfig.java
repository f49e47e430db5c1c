package kubelab.api.core;

import java.util.List;

/**
 * Extra lines for the pod's {@code /etc/resolv.conf}, merged with what {@code dnsPolicy} produces
 * (or the whole of it with {@code dnsPolicy: None}).
 *
 * <p>Real Kubernetes: {@code corev1.PodDNSConfig}.
 */
public record PodDNSConfig(List<String> nameservers, List<String> searches, List<PodDNSConfigOption> options) {
    public PodDNSConfig {
        nameservers = Copies.list(nameservers);
        searches = Copies.list(searches);
        options = Copies.list(options);
    }
}
