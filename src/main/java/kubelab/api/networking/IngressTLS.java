package kubelab.api.networking;

import java.util.List;

/**
 * TLS for some hosts, with the certificate and key from a {@code kubernetes.io/tls} Secret.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressTLS}.
 */
public record IngressTLS(List<String> hosts, String secretName) {
    public IngressTLS {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
