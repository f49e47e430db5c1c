package kubelab.api.rbac;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A cluster-wide set of permissions: usable in every namespace through a RoleBinding, or across
 * the cluster (and for cluster-scoped resources and non-resource URLs) through a
 * ClusterRoleBinding. With an {@code aggregationRule} its rules are filled in by a controller.
 *
 * <p>Real Kubernetes: {@code rbacv1.ClusterRole}.
 */
public record ClusterRole(String apiVersion, String kind, ObjectMeta metadata, List<PolicyRule> rules,
                          AggregationRule aggregationRule) implements KubeObject {

    public static final String KIND = "ClusterRole";

    public ClusterRole {
        apiVersion = apiVersion == null ? RbacV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static ClusterRole of(String name, List<PolicyRule> rules) {
        return new ClusterRole(null, null, ObjectMeta.named(name), rules, null);
    }

    @Override
    public ClusterRole withMetadata(ObjectMeta metadata) {
        return new ClusterRole(apiVersion, kind, metadata, rules, aggregationRule);
    }

    public ClusterRole withRules(List<PolicyRule> rules) {
        return new ClusterRole(apiVersion, kind, metadata, rules, aggregationRule);
    }
}
