package kubelab.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.rbac.Subject;
import kubelab.apiserver.UserInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class SubjectAccessReviewTest {
    private final AuthFixture f = new AuthFixture();

    @Test
    @DisplayName("kubectl auth can-i asks the same authorizer a request would meet, without making the request")
    void canI() {
        UserInfo jane = AuthFixture.user("jane", "dev");
        long revision = f.store.currentRevision();
        assertThat(SubjectAccessReview.canI(f.rbac, f.server.scheme(), jane, "create", "deployments", "default", null)
                .toString()).isEqualTo("no");
        f.bindInNamespace("default", "dev-edit", "edit", Subject.group("dev"));
        assertThat(SubjectAccessReview.canI(f.rbac, f.server.scheme(), jane, "create", "deploy", "default", null).toString())
                .isEqualTo("yes - RBAC: allowed by RoleBinding \"dev-edit/default\" of ClusterRole \"edit\" to Group \"dev\"");
        assertThat(SubjectAccessReview.canI(f.rbac, f.server.scheme(), jane, "get", "pods/log", "default", "web").allowed()).isTrue();
        assertThat(SubjectAccessReview.canIPath(f.rbac, jane, "get", "/version").allowed()).isTrue();
        assertThat(f.audit.events()).as("a review is not a request").isEmpty();
    }

    @Test
    @DisplayName("a union of authorizers: the first that allows or denies decides")
    void union() {
        Authorizer denyNodes = a -> a.resource().equals("nodes") ? Decision.deny("nodes are off limits")
                : Decision.noOpinion("");
        Authorizer chain = Authorizer.union(denyNodes, f.rbac);
        UserInfo admin = AuthFixture.user("admin", "system:masters");
        SubjectAccessReview.Status nodes = SubjectAccessReview.canI(chain, f.server.scheme(), admin, "get", "nodes", null, "n1");
        assertThat(nodes.allowed()).isFalse();
        assertThat(nodes.denied()).isTrue();
        assertThat(nodes.reason()).isEqualTo("nodes are off limits");
        assertThat(SubjectAccessReview.canI(chain, f.server.scheme(), admin, "get", "pods", "default", "p").allowed()).isTrue();
    }
}
