package kubelab.apiserver.registry.rbac;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;

/**
 * ClusterRoleBindings: as RoleBindings, but the roleRef must be a ClusterRole and a
 * ServiceAccount subject must name its namespace (the binding has none to lend it).
 *
 * <p>Real Kubernetes: {@code pkg/registry/rbac/clusterrolebinding/strategy.go} and
 * {@code ValidateClusterRoleBinding} / {@code ValidateClusterRoleBindingUpdate}.
 */
public final class ClusterRoleBindingStrategy implements Strategy<ClusterRoleBinding> {
    @Override
    public NameRule nameRule() {
        return NameRule.PATH_SEGMENT;
    }

    @Override
    public ClusterRoleBinding applyDefaults(ClusterRoleBinding binding) {
        return new ClusterRoleBinding(binding.apiVersion(), binding.kind(), binding.metadata(),
                RbacValidation.defaultSubjects(binding.subjects()), RbacValidation.defaultRoleRef(binding.roleRef()));
    }

    @Override
    public List<FieldError> validate(ClusterRoleBinding binding) {
        List<FieldError> errors = new ArrayList<>(RbacValidation.roleRef(binding.roleRef(), List.of("ClusterRole")));
        errors.addAll(RbacValidation.subjects(binding.subjects(), false));
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(ClusterRoleBinding binding, ClusterRoleBinding old) {
        List<FieldError> errors = new ArrayList<>(validate(binding));
        errors.addAll(RbacValidation.roleRefUnchanged(binding.roleRef(), old.roleRef()));
        return errors;
    }
}
