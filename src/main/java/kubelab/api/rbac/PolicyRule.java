package kubelab.api.rbac;

import java.util.List;

/**
 * One permission: the {@code verbs} allowed on the {@code resources} of the {@code apiGroups}
 * (optionally only the named {@code resourceNames}), or on {@code nonResourceURLs} such as
 * {@code /healthz}. {@code "*"} matches anything; the core group is {@code ""}.
 *
 * <p>Real Kubernetes: {@code rbacv1.PolicyRule}, evaluated by {@code plugin/pkg/auth/authorizer/rbac}.
 */
public record PolicyRule(List<String> verbs, List<String> apiGroups, List<String> resources,
                         List<String> resourceNames, List<String> nonResourceURLs) {

    /** Matches every verb, group, resource or URL. */
    public static final String ALL = "*";

    public PolicyRule {
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        apiGroups = apiGroups == null ? List.of() : List.copyOf(apiGroups);
        resources = resources == null ? List.of() : List.copyOf(resources);
        resourceNames = resourceNames == null ? List.of() : List.copyOf(resourceNames);
        nonResourceURLs = nonResourceURLs == null ? List.of() : List.copyOf(nonResourceURLs);
    }

    /** A rule on resources, as {@code kubectl create role --verb=get --resource=pods} writes it. */
    public static PolicyRule forResources(List<String> apiGroups, List<String> resources, List<String> verbs) {
        return new PolicyRule(verbs, apiGroups, resources, null, null);
    }

    /** A rule on non-resource URLs such as {@code /healthz}; only ClusterRoles may carry one. */
    public static PolicyRule forNonResourceURLs(List<String> urls, List<String> verbs) {
        return new PolicyRule(verbs, null, null, null, urls);
    }
}
