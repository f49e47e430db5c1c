package kubelab.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.Scheme;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.UserInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ForbiddenTest {
    private static final UserInfo JANE = new UserInfo("jane", List.of("system:authenticated"));

    private static String message(String verb, String resource, String namespace, String name) {
        return Forbidden.of(AuthorizationAttributes.parse(Scheme.standard(), JANE, verb, resource, namespace, name), "")
                .getMessage();
    }

    @Test
    @DisplayName("a 403 names the object, the user, the verb, the resource, its API group and the namespace")
    void namedObject() {
        ApiException e = Forbidden.of(AuthorizationAttributes.parse(Scheme.standard(), JANE, "get", "pods", "default", "web"), "");
        assertThat(e.getMessage()).isEqualTo("pods \"web\" is forbidden: User \"jane\" cannot get resource \"pods\" "
                + "in API group \"\" in the namespace \"default\"");
        assertThat(e.code()).isEqualTo(403);
        assertThat(e.reason()).isEqualTo("Forbidden");
        assertThat(e.status().status()).isEqualTo("Failure");
        assertThat(e.status().details().name()).isEqualTo("web");
        assertThat(e.status().details().group()).isEqualTo("");
        assertThat(e.status().details().kind()).isEqualTo("pods");
    }

    @Test
    @DisplayName("list and create have no name; cluster-scoped kinds are refused 'at the cluster scope'")
    void variants() {
        assertThat(message("list", "pods", "default", null)).isEqualTo("pods is forbidden: User \"jane\" cannot list "
                + "resource \"pods\" in API group \"\" in the namespace \"default\"");
        assertThat(message("create", "deployments", "default", null)).isEqualTo("deployments.apps is forbidden: "
                + "User \"jane\" cannot create resource \"deployments\" in API group \"apps\" in the namespace \"default\"");
        assertThat(message("get", "nodes", null, "node-1")).isEqualTo("nodes \"node-1\" is forbidden: User \"jane\" "
                + "cannot get resource \"nodes\" in API group \"\" at the cluster scope");
        assertThat(message("list", "pods", null, null)).isEqualTo("pods is forbidden: User \"jane\" cannot list "
                + "resource \"pods\" in API group \"\" at the cluster scope");
    }

    @Test
    @DisplayName("a subresource is named with its resource, and a path has no resource at all")
    void subresourceAndPath() {
        assertThat(message("get", "pods/log", "default", "web")).isEqualTo("pods \"web\" is forbidden: User \"jane\" "
                + "cannot get resource \"pods/log\" in API group \"\" in the namespace \"default\"");
        assertThat(Forbidden.of(AuthorizationAttributes.nonResource(JANE, "get", "/metrics"), "").getMessage())
                .isEqualTo("forbidden: User \"jane\" cannot get path \"/metrics\"");
    }

    @Test
    @DisplayName("the authorizers' reason, if any, follows the message after a colon")
    void reason() {
        ApiException e = Forbidden.of(AuthorizationAttributes.parse(Scheme.standard(), JANE, "get", "pods", "default", "web"),
                "RBAC: role.rbac.authorization.k8s.io \"gone\" not found");
        assertThat(e.getMessage()).endsWith("in the namespace \"default\": RBAC: role.rbac.authorization.k8s.io \"gone\" not found");
    }
}
