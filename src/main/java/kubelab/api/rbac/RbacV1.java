package kubelab.api.rbac;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The {@code rbac.authorization.k8s.io/v1} group: who may do what, as roles and bindings.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/rbac/v1/register.go} and the group's discovery document.
 */
public final class RbacV1 {
    public static final String GROUP = "rbac.authorization.k8s.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private RbacV1() {
    }

    /** The group's resources, as {@code kubectl api-resources --api-group=rbac.authorization.k8s.io} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(
                new ResourceType(GROUP, VERSION, ClusterRoleBinding.KIND, "clusterrolebindings", "clusterrolebinding",
                        List.of(), false, ClusterRoleBinding.class, Set.of(), List.of()),
                new ResourceType(GROUP, VERSION, ClusterRole.KIND, "clusterroles", "clusterrole",
                        List.of(), false, ClusterRole.class, Set.of(), List.of()),
                new ResourceType(GROUP, VERSION, RoleBinding.KIND, "rolebindings", "rolebinding",
                        List.of(), true, RoleBinding.class, Set.of(), List.of()),
                new ResourceType(GROUP, VERSION, Role.KIND, "roles", "role",
                        List.of(), true, Role.class, Set.of(), List.of()));
    }
}
