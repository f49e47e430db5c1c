package kubelab.api.networking;

import java.util.List;

/**
 * What an Ingress asks for: which controller serves it ({@code ingressClassName}; absent means the
 * default IngressClass), the backend for requests no rule matches, TLS per host, and the rules.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressSpec}.
 */
public record IngressSpec(String ingressClassName, IngressBackend defaultBackend, List<IngressTLS> tls,
                          List<IngressRule> rules) {
    public IngressSpec {
        tls = tls == null ? List.of() : List.copyOf(tls);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
