package kubelab.api.networking;

import java.util.List;

/**
 * The HTTP paths of one Ingress rule.
 *
 * <p>Real Kubernetes: {@code networkingv1.HTTPIngressRuleValue}.
 */
public record HTTPIngressRuleValue(List<HTTPIngressPath> paths) {
    public HTTPIngressRuleValue {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
