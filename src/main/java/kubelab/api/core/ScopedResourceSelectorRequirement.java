package kubelab.api.core;

import java.util.List;

/**
 * One scope expression: a {@code scopeName}, an {@code operator} (In, NotIn, Exists,
 * DoesNotExist) and {@code values} for In and NotIn.
 *
 * <p>Real Kubernetes: {@code corev1.ScopedResourceSelectorRequirement}.
 */
public record ScopedResourceSelectorRequirement(String scopeName, String operator, List<String> values) {
    public ScopedResourceSelectorRequirement {
        values = Copies.list(values);
    }
}
