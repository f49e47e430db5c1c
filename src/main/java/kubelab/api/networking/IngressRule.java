package kubelab.api.networking;

/**
 * The routes for one host ({@code foo.bar.com}, a wildcard {@code *.foo.com}, or every host when
 * absent). In Go, {@code http} sits in an inlined {@code IngressRuleValue}; here it is a plain field
 * with the same JSON.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressRule}.
 */
public record IngressRule(String host, HTTPIngressRuleValue http) {
}
