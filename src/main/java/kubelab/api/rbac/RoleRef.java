package kubelab.api.rbac;

/**
 * The role a binding grants: a {@code Role} in the binding's namespace or a {@code ClusterRole}.
 * It cannot be changed once the binding exists; delete and recreate the binding instead.
 *
 * <p>Real Kubernetes: {@code rbacv1.RoleRef}.
 */
public record RoleRef(String apiGroup, String kind, String name) {

    public static RoleRef role(String name) {
        return new RoleRef(RbacV1.GROUP, Role.KIND, name);
    }

    public static RoleRef clusterRole(String name) {
        return new RoleRef(RbacV1.GROUP, ClusterRole.KIND, name);
    }
}
