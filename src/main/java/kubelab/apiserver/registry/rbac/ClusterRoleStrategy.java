package kubelab.apiserver.registry.rbac;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.rbac.ClusterRole;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * ClusterRoles: names usable in a URL path ({@code system:controller:deployment-controller});
 * rules as for Roles, plus non-resource URLs; an aggregation rule, if any, with at least one
 * well-formed selector (the aggregation controller fills in the rules of the roles it selects).
 *
 * <p>Real Kubernetes: {@code pkg/registry/rbac/clusterrole/strategy.go} and {@code ValidateClusterRole}.
 */
public final class ClusterRoleStrategy implements Strategy<ClusterRole> {
    @Override
    public NameRule nameRule() {
        return NameRule.PATH_SEGMENT;
    }

    @Override
    public List<FieldError> validate(ClusterRole role) {
        List<FieldError> errors = new ArrayList<>(RbacValidation.rules(role.rules(), false));
        if (role.aggregationRule() != null) {
            var selectors = role.aggregationRule().clusterRoleSelectors();
            if (selectors.isEmpty()) {
                errors.add(FieldError.required("aggregationRule.clusterRoleSelectors",
                        "at least one clusterRoleSelector required if aggregationRule is non-nil"));
            }
            for (int i = 0; i < selectors.size(); i++) {
                errors.addAll(LabelChecks.labelSelector(selectors.get(i), "aggregationRule.clusterRoleSelectors[" + i + "]"));
            }
        }
        return errors;
    }
}
