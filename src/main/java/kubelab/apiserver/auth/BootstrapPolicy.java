package kubelab.apiserver.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.rbac.ClusterRole;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.api.rbac.PolicyRule;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;

/**
 * The roles and bindings every cluster starts with: {@code cluster-admin} (everything, bound to
 * the group {@code system:masters}), the user-facing {@code admin}, {@code edit} and {@code view},
 * and the small system roles that let any client discover the API and ask what it may do.
 *
 * <p>{@code admin}, {@code edit} and {@code view} are aggregated ClusterRoles in Kubernetes: their
 * rules are collected from {@code system:aggregate-to-*} roles by a controller. KubeLab has no
 * aggregation controller yet, so their rules are written out here, limited to the kinds KubeLab
 * serves: view reads everything but Secrets and RBAC; edit also writes it and reads Secrets; admin
 * also manages Roles and RoleBindings in a namespace.
 *
 * <p>Every object is labelled {@code kubernetes.io/bootstrapping: rbac-defaults} and annotated
 * {@code rbac.authorization.kubernetes.io/autoupdate: "true"}. {@link #ensure} creates what is
 * missing and, where the annotation is still {@code "true"}, puts back rules someone removed;
 * set it to {@code "false"} to keep your own changes.
 *
 * <p>Real Kubernetes: {@code plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go}, applied
 * by the {@code rbac/bootstrap-roles} post-start hook ({@code pkg/registry/rbac/rest/storage_rbac.go}).
 */
public final class BootstrapPolicy {
    public static final String BOOTSTRAPPING_LABEL = "kubernetes.io/bootstrapping";
    public static final String BOOTSTRAPPING_VALUE = "rbac-defaults";
    public static final String AUTOUPDATE_ANNOTATION = "rbac.authorization.kubernetes.io/autoupdate";

    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> WRITE = List.of("create", "delete", "deletecollection", "patch", "update");
    private static final List<String> READ_WRITE = List.of("create", "delete", "deletecollection", "get", "list",
            "patch", "update", "watch");

    private BootstrapPolicy() {
    }

    /** The default ClusterRoles. */
    public static List<ClusterRole> clusterRoles() {
        return List.of(
                role("cluster-admin", List.of(
                        rule(List.of("*"), List.of("*"), List.of("*")),
                        PolicyRule.forNonResourceURLs(List.of("*"), List.of("*")))),
                role("admin", concat(editRules(), List.of(
                        rule(READ_WRITE, List.of("rbac.authorization.k8s.io"), List.of("roles", "rolebindings")),
                        rule(List.of("create"), List.of("authorization.k8s.io"), List.of("localsubjectaccessreviews"))))),
                role("edit", editRules()),
                role("view", viewRules()),
                role("system:basic-user", List.of(
                        rule(List.of("create"), List.of("authorization.k8s.io"),
                                List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews")))),
                role("system:discovery", List.of(PolicyRule.forNonResourceURLs(List.of(
                        "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*",
                        "/readyz", "/version", "/version/"), List.of("get")))),
                role("system:public-info-viewer", List.of(PolicyRule.forNonResourceURLs(List.of(
                        "/healthz", "/livez", "/readyz", "/version", "/version/"), List.of("get")))));
    }

    /** The default ClusterRoleBindings. */
    public static List<ClusterRoleBinding> clusterRoleBindings() {
        return List.of(
                binding("cluster-admin", Subject.group(RequestAuthentication.SYSTEM_MASTERS)),
                binding("system:basic-user", Subject.group(RequestAuthentication.ALL_AUTHENTICATED)),
                binding("system:discovery", Subject.group(RequestAuthentication.ALL_AUTHENTICATED)),
                binding("system:public-info-viewer", Subject.group(RequestAuthentication.ALL_AUTHENTICATED),
                        Subject.group(RequestAuthentication.ALL_UNAUTHENTICATED)));
    }

    /** view: read the workload kinds of a namespace, never Secrets, never RBAC. */
    private static List<PolicyRule> viewRules() {
        return List.of(
                rule(READ, List.of(""), List.of("pods", "replicationcontrollers", "replicationcontrollers/scale",
                        "serviceaccounts", "services", "services/status", "endpoints", "persistentvolumeclaims",
                        "persistentvolumeclaims/status", "configmaps")),
                rule(READ, List.of(""), List.of("limitranges", "resourcequotas", "bindings", "events", "pods/status",
                        "resourcequotas/status", "namespaces/status", "replicationcontrollers/status", "pods/log")),
                // Reading namespaces through a RoleBinding means reading the binding's own namespace.
                rule(READ, List.of(""), List.of("namespaces")),
                rule(READ, List.of("discovery.k8s.io"), List.of("endpointslices")),
                rule(READ, List.of("apps"), List.of("controllerrevisions", "statefulsets", "statefulsets/status",
                        "statefulsets/scale", "daemonsets", "daemonsets/status", "deployments", "deployments/status",
                        "deployments/scale", "replicasets", "replicasets/status", "replicasets/scale")),
                rule(READ, List.of("autoscaling"), List.of("horizontalpodautoscalers", "horizontalpodautoscalers/status")),
                rule(READ, List.of("batch"), List.of("jobs", "cronjobs", "cronjobs/status", "jobs/status")),
                rule(READ, List.of("networking.k8s.io"), List.of("networkpolicies", "ingresses", "ingresses/status")));
    }

    /** edit: view, plus writing those kinds, plus reading Secrets (which can hold tokens of stronger accounts). */
    private static List<PolicyRule> editRules() {
        return concat(viewRules(), List.of(
                rule(READ, List.of(""), List.of("pods/attach", "pods/proxy", "pods/exec", "pods/portforward", "secrets",
                        "services/proxy")),
                rule(List.of("impersonate"), List.of(""), List.of("serviceaccounts")),
                rule(WRITE, List.of(""), List.of("pods", "pods/attach", "pods/proxy", "pods/exec", "pods/portforward")),
                rule(List.of("create"), List.of(""), List.of("pods/eviction")),
                rule(WRITE, List.of(""), List.of("replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts",
                        "services", "services/proxy", "persistentvolumeclaims", "configmaps", "secrets", "events")),
                rule(List.of("create"), List.of(""), List.of("serviceaccounts/token")),
                rule(WRITE, List.of("apps"), List.of("statefulsets", "statefulsets/scale", "daemonsets", "deployments",
                        "deployments/scale", "deployments/rollback", "replicasets", "replicasets/scale")),
                rule(WRITE, List.of("autoscaling"), List.of("horizontalpodautoscalers")),
                rule(WRITE, List.of("batch"), List.of("jobs", "cronjobs")),
                rule(WRITE, List.of("networking.k8s.io"), List.of("networkpolicies", "ingresses")),
                rule(READ_WRITE, List.of("coordination.k8s.io"), List.of("leases"))));
    }

    /**
     * Creates the default roles and bindings that are missing, and restores the rules and subjects
     * of those still marked autoupdate. Safe to call on every start.
     *
     * @return what was created or updated, as {@code clusterrole/view created}
     */
    public static List<String> ensure(Api api) {
        List<String> changed = new ArrayList<>();
        for (ClusterRole want : clusterRoles()) {
            reconcile(api, ClusterRole.class, want, changed, have -> have.rules().equals(want.rules()),
                    have -> have.withRules(want.rules()));
        }
        for (ClusterRoleBinding want : clusterRoleBindings()) {
            reconcile(api, ClusterRoleBinding.class, want, changed, have -> have.subjects().equals(want.subjects()),
                    have -> new ClusterRoleBinding(have.apiVersion(), have.kind(), have.metadata(), want.subjects(),
                            have.roleRef()));
        }
        return changed;
    }

    private static <T extends KubeObject> void reconcile(Api api, Class<T> type, T want, List<String> changed,
                                                         java.util.function.Predicate<T> upToDate,
                                                         java.util.function.UnaryOperator<T> repaired) {
        String what = want.kind().toLowerCase(java.util.Locale.ROOT) + "/" + want.name();
        T have;
        try {
            have = api.get(type, null, want.name());
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
            try {
                api.create(want);
                changed.add(what + " created");
            } catch (ApiException raced) {
                if (raced.code() != 409) {
                    throw raced;
                }
            }
            return;
        }
        boolean autoupdate = "true".equals(have.metadata().annotations().get(AUTOUPDATE_ANNOTATION));
        if (autoupdate && !upToDate.test(have)) {
            api.update(repaired.apply(have));
            changed.add(what + " updated");
        }
    }

    private static ObjectMeta meta(String name) {
        return ObjectMeta.named(name).withLabels(Map.of(BOOTSTRAPPING_LABEL, BOOTSTRAPPING_VALUE))
                .withAnnotations(Map.of(AUTOUPDATE_ANNOTATION, "true"));
    }

    private static ClusterRole role(String name, List<PolicyRule> rules) {
        return new ClusterRole(null, null, meta(name), rules, null);
    }

    private static ClusterRoleBinding binding(String name, Subject... subjects) {
        return new ClusterRoleBinding(null, null, meta(name), List.of(subjects), RoleRef.clusterRole(name));
    }

    private static PolicyRule rule(List<String> verbs, List<String> groups, List<String> resources) {
        return PolicyRule.forResources(groups, resources, verbs);
    }

    private static <E> List<E> concat(List<E> a, List<E> b) {
        List<E> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
