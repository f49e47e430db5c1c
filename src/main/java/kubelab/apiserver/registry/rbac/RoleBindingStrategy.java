package kubelab.apiserver.registry.rbac;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.rbac.RoleBinding;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;

/**
 * RoleBindings: the roleRef's API group defaults to {@code rbac.authorization.k8s.io}, as do the
 * groups of User and Group subjects; the roleRef names a Role or a ClusterRole and can never
 * change (delete and recreate the binding instead), so that a binding cannot be turned into
 * another grant by someone allowed only to update it.
 *
 * <p>Real Kubernetes: {@code pkg/registry/rbac/rolebinding/strategy.go},
 * {@code SetDefaults_RoleBinding} / {@code SetDefaults_Subject} and {@code ValidateRoleBindingUpdate}.
 */
public final class RoleBindingStrategy implements Strategy<RoleBinding> {
    @Override
    public NameRule nameRule() {
        return NameRule.PATH_SEGMENT;
    }

    @Override
    public RoleBinding applyDefaults(RoleBinding binding) {
        return new RoleBinding(binding.apiVersion(), binding.kind(), binding.metadata(),
                RbacValidation.defaultSubjects(binding.subjects()), RbacValidation.defaultRoleRef(binding.roleRef()));
    }

    @Override
    public List<FieldError> validate(RoleBinding binding) {
        List<FieldError> errors = new ArrayList<>(RbacValidation.roleRef(binding.roleRef(), List.of("Role", "ClusterRole")));
        errors.addAll(RbacValidation.subjects(binding.subjects(), true));
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(RoleBinding binding, RoleBinding old) {
        List<FieldError> errors = new ArrayList<>(validate(binding));
        errors.addAll(RbacValidation.roleRefUnchanged(binding.roleRef(), old.roleRef()));
        return errors;
    }
}
