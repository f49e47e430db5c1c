package kubelab.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.UserInfo;
import kubelab.apiserver.auth.RequestAuthentication;
import kubelab.apiserver.auth.TokenAuthenticator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("static bearer tokens for an admin and a viewer, in kube-apiserver's token file format")
class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the admin token authenticates as system:masters; the viewer's as kubelab-viewer")
    void authenticate() throws Exception {
        Credentials credentials = Credentials.loadOrCreate(dir);
        TokenAuthenticator tokens = TokenAuthenticator.fromFile(dir.resolve("tokens.csv"));
        RequestAuthentication authn = new RequestAuthentication(tokens, false);

        assertThat(authn.authenticate(credentials.adminToken()))
                .isEqualTo(new UserInfo("kubelab-admin", List.of("system:masters", "system:authenticated")));
        assertThat(authn.authenticate(credentials.viewerToken()))
                .isEqualTo(new UserInfo("kubelab-viewer", List.of("system:authenticated")));
        assertThat(TokenAuthenticator.parse("tokens.csv", credentials.tokenCsv()).users())
                .isEqualTo(tokens.users());
    }

    @Test
    @DisplayName("tokens are 32 random hex digits, one line per user in token,user,uid,\"groups\" form")
    void format() throws Exception {
        Credentials credentials = Credentials.loadOrCreate(dir);
        assertThat(credentials.adminToken()).matches("[0-9a-f]{32}");
        assertThat(credentials.viewerToken()).matches("[0-9a-f]{32}").isNotEqualTo(credentials.adminToken());
        assertThat(credentials.tokenCsv()).isEqualTo(
                credentials.adminToken() + ",kubelab-admin,1000,\"system:masters\"\n"
                        + credentials.viewerToken() + ",kubelab-viewer,1001\n");
        assertThat(credentials.toString()).doesNotContain(credentials.adminToken());
    }

    @Test
    @DisplayName("a second start reuses the same CA and tokens")
    void reuse() throws Exception {
        Pki pki = Pki.loadOrCreate(dir, List.of());
        Credentials first = Credentials.loadOrCreate(dir);
        Credentials second = Credentials.loadOrCreate(dir);
        assertThat(second.adminToken()).isEqualTo(first.adminToken());
        assertThat(second.viewerToken()).isEqualTo(first.viewerToken());
        assertThat(second.tokenCsv()).isEqualTo(first.tokenCsv());
        assertThat(Pki.loadOrCreate(dir, List.of()).caPem()).isEqualTo(pki.caPem());
    }

    @Test
    @DisplayName("a token file edited by hand is read as the API server reads it, and must keep both users")
    void editedFile() throws Exception {
        Files.writeString(dir.resolve("tokens.csv"),
                "a1,kubelab-admin,1,\"system:masters,ops\"\n\nv1, kubelab-viewer,2,\"\"\nj1,jane,3\n");
        Credentials credentials = Credentials.loadOrCreate(dir);
        assertThat(credentials.adminToken()).isEqualTo("a1");
        assertThat(credentials.viewerToken()).isEqualTo("v1");

        Files.writeString(dir.resolve("tokens.csv"), "a1,kubelab-admin,1,\"system:masters\"\n");
        assertThatThrownBy(() -> Credentials.loadOrCreate(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("no line for user kubelab-viewer");
        Files.writeString(dir.resolve("tokens.csv"), "a1,kubelab-admin\n");
        assertThatThrownBy(() -> Credentials.loadOrCreate(dir))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1: must have at least 3 columns");
    }

    @Test
    @DisplayName("the viewer is bound to the ClusterRole view by the ClusterRoleBinding kubelab-viewer")
    void viewerBinding() throws Exception {
        ClusterRoleBinding binding = Credentials.loadOrCreate(dir).viewerBinding();
        assertThat(binding.metadata().name()).isEqualTo("kubelab-viewer");
        assertThat(binding.apiVersion()).isEqualTo("rbac.authorization.k8s.io/v1");
        assertThat(binding.kind()).isEqualTo("ClusterRoleBinding");
        assertThat(binding.roleRef()).isEqualTo(new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "view"));
        assertThat(binding.subjects()).containsExactly(new Subject("User", "rbac.authorization.k8s.io", "kubelab-viewer", null));
    }
}
