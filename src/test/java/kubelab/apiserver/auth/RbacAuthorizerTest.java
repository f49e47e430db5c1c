package kubelab.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Pod;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.api.rbac.PolicyRule;
import kubelab.api.rbac.Role;
import kubelab.api.rbac.RoleBinding;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.UserInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class RbacAuthorizerTest {
    private final AuthFixture f = new AuthFixture();
    private final Scheme scheme = Scheme.standard();

    private Decision can(UserInfo user, String verb, String resource, String namespace, String name) {
        return f.rbac.authorize(AuthorizationAttributes.parse(scheme, user, verb, resource, namespace, name));
    }

    @Test
    @DisplayName("system:masters is allowed everything through the bootstrap cluster-admin binding")
    void systemMasters() {
        Decision d = can(AuthFixture.user("admin", "system:masters"), "delete", "nodes", null, "node-1");
        assertThat(d.allowed()).isTrue();
        assertThat(d.reason()).isEqualTo("RBAC: allowed by ClusterRoleBinding \"cluster-admin\" of ClusterRole "
                + "\"cluster-admin\" to Group \"system:masters\"");
        assertThat(f.rbac.authorize(AuthorizationAttributes.nonResource(AuthFixture.user("admin", "system:masters"),
                "get", "/metrics")).allowed()).isTrue();
    }

    @Test
    @DisplayName("the view role can list pods but not create them: 403 with Kubernetes' message")
    void viewCanListNotCreate() {
        f.bindInNamespace("default", "jane-view", "view", Subject.user("jane"));
        var jane = f.as("jane-token");

        assertThat(jane.list(Pod.class, "default").items()).isEmpty();
        assertThatThrownBy(() -> jane.create(AuthFixture.pod("default", "web")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(403);
                    assertThat(e.reason()).isEqualTo("Forbidden");
                    assertThat(e.getMessage()).isEqualTo("pods is forbidden: User \"jane\" cannot create resource "
                            + "\"pods\" in API group \"\" in the namespace \"default\"");
                    assertThat(e.status().details().kind()).isEqualTo("pods");
                });
        assertThat(can(AuthFixture.user("jane", "dev"), "list", "pods", "default", null).reason())
                .isEqualTo("RBAC: allowed by RoleBinding \"jane-view/default\" of ClusterRole \"view\" to User \"jane\"");
    }

    @Test
    @DisplayName("view can read pods but not Secrets; edit can read and write both")
    void viewVersusEdit() {
        UserInfo jane = AuthFixture.user("jane", "dev");
        f.bindInNamespace("default", "dev-view", "view", Subject.group("dev"));
        assertThat(can(jane, "get", "pods", "default", "web").allowed()).isTrue();
        assertThat(can(jane, "get", "secrets", "default", "db").allowed()).isFalse();
        assertThat(can(jane, "create", "deployments.apps", "default", null).allowed()).isFalse();

        f.bindInNamespace("default", "dev-edit", "edit", Subject.group("dev"));
        assertThat(can(jane, "get", "secrets", "default", "db").allowed()).isTrue();
        assertThat(can(jane, "create", "deployments", "default", null).allowed()).isTrue();
        assertThat(can(jane, "create", "rolebindings", "default", null).allowed()).as("only admin manages RBAC").isFalse();
    }

    @Test
    @DisplayName("a RoleBinding grants only in its namespace, even when it grants a ClusterRole")
    void roleBindingIsNamespaced() {
        f.namespace("team-a");
        f.bindInNamespace("team-a", "jane-edit", "edit", Subject.user("jane"));
        UserInfo jane = AuthFixture.user("jane");
        assertThat(can(jane, "create", "pods", "team-a", null).allowed()).isTrue();
        assertThat(can(jane, "create", "pods", "default", null).allowed()).isFalse();
        assertThat(can(jane, "list", "pods", null, null).allowed()).as("all namespaces is cluster scope").isFalse();
    }

    @Test
    @DisplayName("resourceNames limit a rule to the named objects, so they cannot grant list or create")
    void resourceNames() {
        f.server.create(Role.of("default", "one-configmap", List.of(new PolicyRule(List.of("get", "update", "list"),
                List.of(""), List.of("configmaps"), List.of("settings"), null))));
        f.server.create(RoleBinding.of("default", "bob-settings", RoleRef.role("one-configmap"), List.of(Subject.user("bob"))));
        f.loop.settle();
        UserInfo bob = AuthFixture.user("bob");
        assertThat(can(bob, "get", "configmaps", "default", "settings").allowed()).isTrue();
        assertThat(can(bob, "get", "configmaps", "default", "other").allowed()).isFalse();
        assertThat(can(bob, "list", "configmaps", "default", null).allowed()).isFalse();
    }

    @Test
    @DisplayName("a rule on pods does not cover pods/log; pods/log and */log do")
    void subresources() {
        UserInfo bob = AuthFixture.user("bob");
        f.server.create(Role.of("default", "pods-only", List.of(PolicyRule.forResources(List.of(""), List.of("pods"), List.of("get")))));
        f.server.create(RoleBinding.of("default", "bob", RoleRef.role("pods-only"), List.of(Subject.user("bob"))));
        f.loop.settle();
        assertThat(can(bob, "get", "pods", "default", "web").allowed()).isTrue();
        assertThat(can(bob, "get", "pods/log", "default", "web").allowed()).isFalse();

        f.server.update(f.server.get(Role.class, "default", "pods-only").withRules(List.of(
                PolicyRule.forResources(List.of(""), List.of("pods"), List.of("get")),
                PolicyRule.forResources(List.of("*"), List.of("*/log"), List.of("get")))));
        f.loop.settle();
        assertThat(can(bob, "get", "pods/log", "default", "web").allowed()).isTrue();
    }

    @Test
    @DisplayName("a ServiceAccount is matched by its ServiceAccount subject and by the system:serviceaccounts groups")
    void serviceAccounts() {
        f.namespace("build");
        UserInfo ci = new UserInfo(ServiceAccountTokens.username("build", "ci"),
                List.of("system:serviceaccounts", "system:serviceaccounts:build", "system:authenticated"));
        assertThat(can(ci, "list", "pods", "build", null).allowed()).isFalse();

        // A RoleBinding's ServiceAccount subject without a namespace means the binding's namespace.
        f.server.create(RoleBinding.of("build", "ci-view", RoleRef.clusterRole("view"),
                List.of(new Subject(Subject.SERVICE_ACCOUNT_KIND, null, "ci", null))));
        f.loop.settle();
        Decision bySubject = can(ci, "list", "pods", "build", null);
        assertThat(bySubject.reason()).isEqualTo("RBAC: allowed by RoleBinding \"ci-view/build\" of ClusterRole \"view\" "
                + "to ServiceAccount \"ci/build\"");

        f.bindClusterWide("all-sa-edit", "edit", Subject.group("system:serviceaccounts:build"));
        Decision byGroup = can(ci, "create", "pods", "build", null);
        assertThat(byGroup.reason()).isEqualTo("RBAC: allowed by ClusterRoleBinding \"all-sa-edit\" of ClusterRole "
                + "\"edit\" to Group \"system:serviceaccounts:build\"");
    }

    @Test
    @DisplayName("nonResourceURLs with a trailing * match by prefix; discovery is open to every authenticated user")
    void nonResourceUrls() {
        UserInfo bob = AuthFixture.user("bob");
        assertThat(f.rbac.authorize(AuthorizationAttributes.nonResource(bob, "get", "/apis/apps/v1")).reason())
                .isEqualTo("RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole \"system:discovery\" "
                        + "to Group \"system:authenticated\"");
        assertThat(f.rbac.authorize(AuthorizationAttributes.nonResource(bob, "get", "/metrics")).allowed()).isFalse();
        assertThat(f.rbac.authorize(AuthorizationAttributes.nonResource(RequestAuthentication.ANONYMOUS_USER,
                "get", "/healthz")).allowed()).as("public-info-viewer").isTrue();
        assertThat(f.rbac.authorize(AuthorizationAttributes.nonResource(RequestAuthentication.ANONYMOUS_USER,
                "get", "/apis")).allowed()).isFalse();
    }

    @Test
    @DisplayName("a binding to a missing role grants nothing, and the reason says which role is missing")
    void missingRole() {
        f.bindInNamespace("default", "jane-ghost", "ghost", Subject.user("jane"));
        Decision d = can(AuthFixture.user("jane"), "get", "pods", "default", "web");
        assertThat(d.kind()).isEqualTo(Decision.Kind.NO_OPINION);
        assertThat(d.reason()).isEqualTo("RBAC: clusterrole.rbac.authorization.k8s.io \"ghost\" not found");
    }

    @Test
    @DisplayName("bindings are indexed by subject, so a request reads only the bindings that name its user or groups")
    void subjectIndex() {
        f.bindInNamespace("default", "jane-view", "view", Subject.user("jane"));
        f.bindInNamespace("default", "bob-view", "view", Subject.user("bob"));
        f.bindClusterWide("dev-view", "view", Subject.group("dev"));
        var crbs = f.informers.informerFor(ClusterRoleBinding.class).getIndexer();
        var rbs = f.informers.informerFor(RoleBinding.class).getIndexer();
        assertThat(rbs.byIndex(RbacAuthorizer.SUBJECT_INDEX, "default/User:jane")).extracting(b -> b.name())
                .containsExactly("jane-view");
        assertThat(crbs.byIndex(RbacAuthorizer.SUBJECT_INDEX, "Group:dev")).extracting(b -> b.name())
                .containsExactly("dev-view");
        assertThat(RbacAuthorizer.userKeys(AuthFixture.user("jane", "dev")))
                .containsExactly("User:jane", "Group:dev", "Group:system:authenticated");
    }

    @Test
    @DisplayName("rulesFor lists the rules that apply to a user in a namespace, as kubectl auth can-i --list")
    void rulesFor() {
        f.server.create(Role.of("default", "lease-reader", List.of(PolicyRule.forResources(List.of("coordination.k8s.io"),
                List.of("leases"), List.of("get")))));
        f.server.create(RoleBinding.of("default", "bob-leases", RoleRef.role("lease-reader"), List.of(Subject.user("bob"))));
        f.loop.settle();
        List<PolicyRule> rules = f.rbac.rulesFor(AuthFixture.user("bob"), "default");
        assertThat(rules).contains(PolicyRule.forResources(List.of("coordination.k8s.io"), List.of("leases"), List.of("get")));
        assertThat(f.rbac.rulesFor(AuthFixture.user("bob"), "other")).noneMatch(r -> r.resources().contains("leases"));
    }
}
