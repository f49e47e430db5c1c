package kubelab.api.rbac;

import java.util.List;
import kubelab.api.meta.LabelSelector;

/**
 * Makes a ClusterRole the union of others: the controller copies in the rules of every ClusterRole
 * whose labels match one of {@code clusterRoleSelectors} (this is how {@code admin} grows when a
 * CRD ships its own role).
 *
 * <p>Real Kubernetes: {@code rbacv1.AggregationRule}, served by {@code pkg/controller/clusterroleaggregation}.
 */
public record AggregationRule(List<LabelSelector> clusterRoleSelectors) {
    public AggregationRule {
        clusterRoleSelectors = clusterRoleSelectors == null ? List.of() : List.copyOf(clusterRoleSelectors);
    }
}
