package kubelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.rbac.RoleBinding;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.UserInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A whole cluster's API, as callers outside the control plane reach it: tokens, RBAC, audit. */
@Tag("chapter1")
@DisplayName("A cluster's request path")
class ClusterRequestPathTest {

    static final String TOKENS = """
            admin-token,admin,1,"system:masters"
            jane-token,jane,2
            """;

    static Pod web() {
        return Pod.of("default", "web", PodSpec.of(Container.of("nginx", "nginx:1.14.2")));
    }

    @Test
    @DisplayName("a cluster refuses a caller without a token with 401, and a token of system:masters may do anything")
    void tokens() {
        Cluster c = Cluster.builder().nodes(1).tokens(TOKENS).build();
        assertThatThrownBy(() -> c.apiForToken(null).list(Pod.class, "default"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(401));
        assertThatThrownBy(() -> c.apiForToken("guessed").list(Pod.class, "default"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(401));
        c.apiForToken("admin-token").create(web());
        c.settle();
        assertThat(c.pod("default", "web").status().phase()).isEqualTo("Running");
    }

    @Test
    @DisplayName("a user with no binding is forbidden; a RoleBinding to edit lets them create pods in its namespace only")
    void rbac() {
        Cluster c = Cluster.builder().nodes(1).tokens(TOKENS).build();
        var jane = c.apiForToken("jane-token");
        assertThatThrownBy(() -> jane.create(web()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "pods is forbidden: User \"jane\" cannot create resource \"pods\" in API group \"\" in the namespace \"default\""));
        c.api().create(RoleBinding.of("default", "jane-edits", RoleRef.clusterRole("edit"), List.of(Subject.user("jane"))));
        c.settle();
        jane.create(web());
        assertThatThrownBy(() -> jane.list(Pod.class, "kube-system"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(403));
        assertThat(c.audit().events()).extracting(e -> e.responseStatus().code()).containsExactly(403, 201, 403);
    }

    @Test
    @DisplayName("an already authenticated user goes through authorization too")
    void forUser() {
        Cluster c = Cluster.create();
        var viewer = c.apiFor(new UserInfo("ann", List.of("viewers")));
        assertThatThrownBy(() -> viewer.get(Pod.class, "default", "web"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(403));
    }
}
