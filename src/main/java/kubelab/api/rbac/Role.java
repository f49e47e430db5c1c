package kubelab.api.rbac;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A namespaced set of permissions. Rules only add: there is no deny rule, so a request is allowed
 * when any role bound to the requester allows it.
 *
 * <p>Real Kubernetes: {@code rbacv1.Role}.
 */
public record Role(String apiVersion, String kind, ObjectMeta metadata, List<PolicyRule> rules)
        implements KubeObject {

    public static final String KIND = "Role";

    public Role {
        apiVersion = apiVersion == null ? RbacV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static Role of(String namespace, String name, List<PolicyRule> rules) {
        return new Role(null, null, ObjectMeta.of(namespace, name), rules);
    }

    @Override
    public Role withMetadata(ObjectMeta metadata) {
        return new Role(apiVersion, kind, metadata, rules);
    }

    public Role withRules(List<PolicyRule> rules) {
        return new Role(apiVersion, kind, metadata, rules);
    }
}
