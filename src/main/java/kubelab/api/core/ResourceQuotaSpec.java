package kubelab.api.core;

import java.util.List;
import java.util.Map;
import kubelab.api.resource.Quantity;

/**
 * The hard limits of a quota, and which objects it counts: all of them, or only those matching
 * every {@code scopes} entry (see {@link ResourceQuotaScope}) and the {@code scopeSelector}.
 *
 * <p>Real Kubernetes: {@code corev1.ResourceQuotaSpec}.
 */
public record ResourceQuotaSpec(Map<String, Quantity> hard, List<String> scopes, ScopeSelector scopeSelector) {
    public ResourceQuotaSpec {
        hard = Copies.map(hard);
        scopes = Copies.list(scopes);
    }
}
