/**
 * The strategies of {@code rbac.authorization.k8s.io/v1}: {@link kubelab.apiserver.registry.rbac.RoleStrategy},
 * {@link kubelab.apiserver.registry.rbac.ClusterRoleStrategy},
 * {@link kubelab.apiserver.registry.rbac.RoleBindingStrategy} and
 * {@link kubelab.apiserver.registry.rbac.ClusterRoleBindingStrategy}. Their names need only be
 * usable in a URL path ({@code system:node} is a valid name); a binding's {@code roleRef} never
 * changes, so that what a binding grants is decided when it is made.
 *
 * <p>The rules they share are in {@link kubelab.apiserver.registry.rbac.RbacValidation}, as in
 * Kubernetes' {@code pkg/apis/rbac/validation}.
 */
package kubelab.apiserver.registry.rbac;
