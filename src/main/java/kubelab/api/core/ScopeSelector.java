package kubelab.api.core;

import java.util.List;

/**
 * Scope expressions a quota's objects must all match, e.g. pods of a PriorityClass.
 *
 * <p>Real Kubernetes: {@code corev1.ScopeSelector}.
 */
public record ScopeSelector(List<ScopedResourceSelectorRequirement> matchExpressions) {
    public ScopeSelector {
        matchExpressions = Copies.list(matchExpressions);
    }
}
