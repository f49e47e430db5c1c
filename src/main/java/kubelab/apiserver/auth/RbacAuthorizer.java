package kubelab.apiserver.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kubelab.api.rbac.ClusterRole;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.api.rbac.PolicyRule;
import kubelab.api.rbac.Role;
import kubelab.api.rbac.RoleBinding;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.UserInfo;
import kubelab.client.IndexFunc;
import kubelab.client.Indexer;
import kubelab.client.InformerFactory;
import kubelab.client.SharedInformer;

/**
 * The RBAC authorizer: a request is allowed if some rule of some role bound to the requester
 * covers it. It looks at ClusterRoleBindings first (they grant everywhere), then at the
 * RoleBindings of the request's namespace; a RoleBinding may grant a Role of its namespace or a
 * ClusterRole, but only in that namespace. The first rule that matches ends the search, and its
 * binding becomes the reason: {@code RBAC: allowed by ClusterRoleBinding "cluster-admin" of
 * ClusterRole "cluster-admin" to Group "system:masters"}. RBAC never denies: without a matching
 * rule it has no opinion, and the request is forbidden unless another authorizer allows it.
 *
 * <h2>Where the roles and bindings come from</h2>
 * Four shared informers (one per RBAC kind), as kube-apiserver's own authorizer reads them through
 * its loopback client. The two binding informers carry a {@code subject} index, so a request
 * looks up only the bindings that name its user, one of its groups, or its ServiceAccount:
 * O(bindings of this user) per request, not O(all bindings in the cluster). (Kubernetes lists
 * every ClusterRoleBinding per request; the index is a KubeLab choice, made because the
 * informer's {@link Indexer} already offers it for free.)
 *
 * <p>The price of informers is that a new binding takes effect once its watch event has reached
 * the cache, not the instant {@code create} returns: in a simulation, after the loop has run
 * ({@code settle()}). Kubernetes has the same short window.
 *
 * <p>Bindings are tried in name order, so the reason is the same on every run. Aggregated
 * ClusterRoles ({@code aggregationRule}) are read as stored: nothing fills their rules in yet.
 *
 * <p>Real Kubernetes: {@code plugin/pkg/auth/authorizer/rbac} ({@code RBACAuthorizer},
 * {@code authorizingVisitor}) and {@code pkg/registry/rbac/validation/rule.go}
 * ({@code DefaultRuleResolver.VisitRulesFor}, {@code appliesTo}, the binding describers).
 */
public final class RbacAuthorizer implements Authorizer {
    /** The name of the index, on both binding informers, from subject to bindings. */
    public static final String SUBJECT_INDEX = "rbac-subject";

    private final SharedInformer<ClusterRole> clusterRoles;
    private final SharedInformer<ClusterRoleBinding> clusterRoleBindings;
    private final SharedInformer<Role> roles;
    private final SharedInformer<RoleBinding> roleBindings;

    /** An authorizer over these informers; it adds its subject index to the two binding informers. */
    public RbacAuthorizer(SharedInformer<ClusterRole> clusterRoles, SharedInformer<ClusterRoleBinding> clusterRoleBindings,
                          SharedInformer<Role> roles, SharedInformer<RoleBinding> roleBindings) {
        this.clusterRoles = clusterRoles;
        this.clusterRoleBindings = clusterRoleBindings;
        this.roles = roles;
        this.roleBindings = roleBindings;
        IndexFunc<ClusterRoleBinding> byClusterSubject = b -> subjectKeys(b.subjects(), "", "");
        IndexFunc<RoleBinding> byNamespacedSubject = b -> subjectKeys(b.subjects(), b.namespace(), b.namespace() + "/");
        clusterRoleBindings.addIndexers(Map.of(SUBJECT_INDEX, byClusterSubject));
        roleBindings.addIndexers(Map.of(SUBJECT_INDEX, byNamespacedSubject));
    }

    /** An authorizer over the factory's informers for the four RBAC kinds; start the factory after. */
    public static RbacAuthorizer fromInformers(InformerFactory informers) {
        return new RbacAuthorizer(informers.informerFor(ClusterRole.class), informers.informerFor(ClusterRoleBinding.class),
                informers.informerFor(Role.class), informers.informerFor(RoleBinding.class));
    }

    /** True once all four caches hold their first list; before that, every request would be refused. */
    public boolean hasSynced() {
        return clusterRoles.hasSynced() && clusterRoleBindings.hasSynced() && roles.hasSynced() && roleBindings.hasSynced();
    }

    @Override
    public Decision authorize(AuthorizationAttributes request) {
        List<String> errors = new ArrayList<>();
        String[] allowedBy = new String[1];
        visitRulesFor(request.user(), request.namespace(), errors, (source, rule) -> {
            if (RuleEvaluation.ruleAllows(request, rule)) {
                allowedBy[0] = source;
                return false;
            }
            return true;
        });
        if (allowedBy[0] != null) {
            return Decision.allow("RBAC: allowed by " + allowedBy[0]);
        }
        // Kubernetes prints one error as itself and several as [a, b].
        String reason = errors.isEmpty() ? "" : "RBAC: " + (errors.size() == 1 ? errors.get(0) : errors.toString());
        return Decision.noOpinion(reason);
    }

    /**
     * Every rule that applies to {@code user} in {@code namespace} (null or "" for the cluster-wide
     * ones only): what {@code kubectl auth can-i --list} shows.
     */
    public List<PolicyRule> rulesFor(UserInfo user, String namespace) {
        List<PolicyRule> rules = new ArrayList<>();
        visitRulesFor(user, namespace == null ? "" : namespace, new ArrayList<>(), (source, rule) -> rules.add(rule));
        return rules;
    }

    /** Sees each rule with the binding that grants it; returns false to stop the walk. */
    @FunctionalInterface
    private interface RuleVisitor {
        boolean visit(String source, PolicyRule rule);
    }

    /**
     * Walks the rules bound to {@code user}: 1. the ClusterRoleBindings, 2. the RoleBindings of
     * {@code namespace}, each in name order, until the visitor says stop. A binding whose role is
     * missing adds an error and grants nothing.
     */
    private void visitRulesFor(UserInfo user, String namespace, List<String> errors, RuleVisitor visitor) {
        List<String> keys = userKeys(user);
        for (ClusterRoleBinding b : lookUp(clusterRoleBindings.getIndexer(), keys, "")) {
            Subject s = firstApplying(b.subjects(), user, "");
            if (s == null) {
                continue;
            }
            String source = "ClusterRoleBinding \"" + b.name() + "\" of " + describeRole(b.roleRef()) + " to " + describe(s, "");
            for (PolicyRule rule : clusterRoleRules(b.roleRef().name(), errors)) {
                if (!visitor.visit(source, rule)) {
                    return;
                }
            }
        }
        if (namespace.isEmpty()) {
            return;
        }
        for (RoleBinding b : lookUp(roleBindings.getIndexer(), keys, namespace + "/")) {
            Subject s = firstApplying(b.subjects(), user, namespace);
            if (s == null) {
                continue;
            }
            RoleRef ref = b.roleRef();
            String source = "RoleBinding \"" + b.name() + "/" + b.namespace() + "\" of " + describeRole(ref) + " to "
                    + describe(s, namespace);
            List<PolicyRule> rules = ClusterRole.KIND.equals(ref.kind())
                    ? clusterRoleRules(ref.name(), errors) : roleRules(namespace, ref.name(), errors);
            for (PolicyRule rule : rules) {
                if (!visitor.visit(source, rule)) {
                    return;
                }
            }
        }
    }

    /** The bindings filed under any of the user's keys, each once, in name order. */
    private static <B extends kubelab.api.meta.KubeObject> List<B> lookUp(Indexer<B> indexer, List<String> keys, String prefix) {
        Map<String, B> byName = new TreeMap<>();
        for (String key : keys) {
            for (B b : indexer.byIndex(SUBJECT_INDEX, prefix + key)) {
                byName.putIfAbsent(b.name(), b);
            }
        }
        return List.copyOf(byName.values());
    }

    private List<PolicyRule> clusterRoleRules(String name, List<String> errors) {
        Optional<ClusterRole> role = clusterRoles.lister().get(name);
        if (role.isEmpty()) {
            errors.add("clusterrole.rbac.authorization.k8s.io \"" + name + "\" not found");
            return List.of();
        }
        return role.get().rules();
    }

    private List<PolicyRule> roleRules(String namespace, String name, List<String> errors) {
        Optional<Role> role = roles.lister().inNamespace(namespace).get(name);
        if (role.isEmpty()) {
            errors.add("role.rbac.authorization.k8s.io \"" + name + "\" not found");
            return List.of();
        }
        return role.get().rules();
    }

    // ---- subjects -------------------------------------------------------------------------------

    /** The index keys of a user: its name, each group, and its ServiceAccount if it is one. */
    static List<String> userKeys(UserInfo user) {
        List<String> keys = new ArrayList<>();
        keys.add(Subject.USER_KIND + ":" + user.username());
        for (String g : user.groups()) {
            keys.add(Subject.GROUP_KIND + ":" + g);
        }
        ServiceAccountTokens.split(user.username())
                .ifPresent(sa -> keys.add(Subject.SERVICE_ACCOUNT_KIND + ":" + sa[0] + ":" + sa[1]));
        return keys;
    }

    /** The index keys of a binding's subjects; a ServiceAccount without namespace is in the binding's. */
    private static List<String> subjectKeys(List<Subject> subjects, String bindingNamespace, String prefix) {
        List<String> keys = new ArrayList<>();
        for (Subject s : subjects) {
            String key = switch (s.kind()) {
                case Subject.USER_KIND, Subject.GROUP_KIND -> s.kind() + ":" + s.name();
                case Subject.SERVICE_ACCOUNT_KIND -> {
                    String ns = s.namespace() == null || s.namespace().isEmpty() ? bindingNamespace : s.namespace();
                    yield ns == null || ns.isEmpty() ? null : s.kind() + ":" + ns + ":" + s.name();
                }
                default -> null;
            };
            if (key != null && !keys.contains(prefix + key)) {
                keys.add(prefix + key);
            }
        }
        return keys;
    }

    /** The first subject of a binding that names this user, as Kubernetes' {@code appliesTo}. */
    private static Subject firstApplying(List<Subject> subjects, UserInfo user, String bindingNamespace) {
        for (Subject s : subjects) {
            boolean applies = switch (s.kind()) {
                case Subject.USER_KIND -> user.username().equals(s.name());
                case Subject.GROUP_KIND -> user.groups().contains(s.name());
                case Subject.SERVICE_ACCOUNT_KIND -> {
                    String ns = s.namespace() == null || s.namespace().isEmpty() ? bindingNamespace : s.namespace();
                    yield !ns.isEmpty() && user.username().equals(ServiceAccountTokens.username(ns, s.name()));
                }
                default -> false;
            };
            if (applies) {
                return s;
            }
        }
        return null;
    }

    private static String describeRole(RoleRef ref) {
        return ref.kind() + " \"" + ref.name() + "\"";
    }

    /** {@code User "jane"}, {@code Group "system:masters"}, {@code ServiceAccount "builder/ci"} (name/namespace). */
    private static String describe(Subject s, String bindingNamespace) {
        if (Subject.SERVICE_ACCOUNT_KIND.equals(s.kind())) {
            String ns = s.namespace() == null || s.namespace().isEmpty() ? bindingNamespace : s.namespace();
            return s.kind() + " \"" + s.name() + "/" + ns + "\"";
        }
        return s.kind() + " \"" + s.name() + "\"";
    }
}
