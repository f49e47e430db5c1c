package kubelab.api.rbac;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Grants a ClusterRole to a list of subjects in every namespace and on cluster-scoped resources.
 *
 * <p>Real Kubernetes: {@code rbacv1.ClusterRoleBinding}.
 */
public record ClusterRoleBinding(String apiVersion, String kind, ObjectMeta metadata, List<Subject> subjects,
                                 RoleRef roleRef) implements KubeObject {

    public static final String KIND = "ClusterRoleBinding";

    public ClusterRoleBinding {
        apiVersion = apiVersion == null ? RbacV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public static ClusterRoleBinding of(String name, RoleRef roleRef, List<Subject> subjects) {
        return new ClusterRoleBinding(null, null, ObjectMeta.named(name), subjects, roleRef);
    }

    @Override
    public ClusterRoleBinding withMetadata(ObjectMeta metadata) {
        return new ClusterRoleBinding(apiVersion, kind, metadata, subjects, roleRef);
    }
}
