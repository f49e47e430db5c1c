package kubelab.api.core;

import java.util.List;

/**
 * One expression on a node label or field: {@code operator} is In, NotIn, Exists, DoesNotExist,
 * Gt or Lt (see {@link NodeSelectorOperator}); Gt and Lt compare one integer value.
 *
 * <p>Real Kubernetes: {@code corev1.NodeSelectorRequirement}.
 */
public record NodeSelectorRequirement(String key, String operator, List<String> values) {
    public NodeSelectorRequirement {
        values = Copies.list(values);
    }
}
