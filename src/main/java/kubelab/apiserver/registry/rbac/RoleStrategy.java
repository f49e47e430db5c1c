package kubelab.apiserver.registry.rbac;

import java.util.List;
import kubelab.api.rbac.Role;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;

/**
 * Roles: names usable in a URL path, and rules that each name verbs and resources (a namespaced
 * Role cannot grant non-resource URLs such as {@code /healthz}).
 *
 * <p>Real Kubernetes: {@code pkg/registry/rbac/role/strategy.go} and {@code ValidateRole}.
 */
public final class RoleStrategy implements Strategy<Role> {
    @Override
    public NameRule nameRule() {
        return NameRule.PATH_SEGMENT;
    }

    @Override
    public List<FieldError> validate(Role role) {
        return RbacValidation.rules(role.rules(), true);
    }
}
