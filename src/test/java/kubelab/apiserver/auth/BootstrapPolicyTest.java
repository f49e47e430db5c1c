package kubelab.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.rbac.ClusterRole;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.api.rbac.PolicyRule;
import kubelab.apiserver.UserInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class BootstrapPolicyTest {
    private final AuthFixture f = new AuthFixture();

    @Test
    @DisplayName("a new cluster has the default roles and bindings, labelled rbac-defaults and marked autoupdate")
    void defaults() {
        assertThat(f.server.list(ClusterRole.class, null).items()).extracting(r -> r.name()).contains(
                "cluster-admin", "admin", "edit", "view", "system:basic-user", "system:discovery", "system:public-info-viewer");
        ClusterRoleBinding admin = f.server.get(ClusterRoleBinding.class, null, "cluster-admin");
        assertThat(admin.subjects()).extracting(s -> s.kind() + ":" + s.name()).containsExactly("Group:system:masters");
        assertThat(admin.metadata().labels()).containsEntry("kubernetes.io/bootstrapping", "rbac-defaults");
        assertThat(admin.metadata().annotations()).containsEntry("rbac.authorization.kubernetes.io/autoupdate", "true");
        assertThat(f.server.get(ClusterRoleBinding.class, null, "system:public-info-viewer").subjects())
                .extracting(s -> s.name()).containsExactly("system:authenticated", "system:unauthenticated");
    }

    @Test
    @DisplayName("ensuring the policy again changes nothing, like kube-apiserver's bootstrap-roles hook on every start")
    void idempotent() {
        long revision = f.store.currentRevision();
        assertThat(BootstrapPolicy.ensure(f.server)).isEmpty();
        assertThat(f.store.currentRevision()).isEqualTo(revision);
    }

    @Test
    @DisplayName("a default role someone emptied gets its rules back while autoupdate is true, and keeps the change when it is false")
    void autoupdate() {
        ClusterRole view = f.server.get(ClusterRole.class, null, "view");
        f.server.update(view.withRules(List.of()));
        assertThat(BootstrapPolicy.ensure(f.server)).containsExactly("clusterrole/view updated");
        assertThat(f.server.get(ClusterRole.class, null, "view").rules()).isNotEmpty();

        ClusterRole again = f.server.get(ClusterRole.class, null, "view");
        f.server.update(again.withMetadata(again.metadata().withAnnotation(BootstrapPolicy.AUTOUPDATE_ANNOTATION, "false"))
                .withRules(List.of(PolicyRule.forResources(List.of(""), List.of("pods"), List.of("get")))));
        assertThat(BootstrapPolicy.ensure(f.server)).isEmpty();
        assertThat(f.server.get(ClusterRole.class, null, "view").rules()).hasSize(1);
    }

    @Test
    @DisplayName("every authenticated user may ask what it may do (system:basic-user)")
    void basicUser() {
        UserInfo bob = AuthFixture.user("bob");
        SubjectAccessReview.Status status = SubjectAccessReview.canI(f.rbac, f.server.scheme(), bob, "create",
                "selfsubjectaccessreviews.authorization.k8s.io", null, null);
        assertThat(status.allowed()).isTrue();
        assertThat(status.reason()).isEqualTo("RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of ClusterRole "
                + "\"system:basic-user\" to Group \"system:authenticated\"");
    }
}
