package kubelab.api.rbac;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Grants a Role, or a ClusterRole limited to this binding's namespace, to a list of subjects.
 *
 * <p>Real Kubernetes: {@code rbacv1.RoleBinding}.
 */
public record RoleBinding(String apiVersion, String kind, ObjectMeta metadata, List<Subject> subjects,
                          RoleRef roleRef) implements KubeObject {

    public static final String KIND = "RoleBinding";

    public RoleBinding {
        apiVersion = apiVersion == null ? RbacV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public static RoleBinding of(String namespace, String name, RoleRef roleRef, List<Subject> subjects) {
        return new RoleBinding(null, null, ObjectMeta.of(namespace, name), subjects, roleRef);
    }

    @Override
    public RoleBinding withMetadata(ObjectMeta metadata) {
        return new RoleBinding(apiVersion, kind, metadata, subjects, roleRef);
    }
}
