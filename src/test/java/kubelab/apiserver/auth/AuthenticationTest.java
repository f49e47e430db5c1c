package kubelab.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.UserInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class AuthenticationTest {
    private final TokenAuthenticator tokens = TokenAuthenticator.parse("tokens.csv", AuthFixture.TOKENS);

    @Test
    @DisplayName("a token file line is token,user,uid,\"groups\", and every authenticated user is in system:authenticated")
    void tokenFile() {
        UserInfo jane = new RequestAuthentication(tokens, false).authenticate("jane-token");
        assertThat(jane).isEqualTo(new UserInfo("jane", List.of("dev", "system:authenticated")));
        assertThat(tokens.users()).extracting(TokenAuthenticator.TokenUser::uid).containsExactly("1001", "1002", "1000");
        TokenAuthenticator quoted = TokenAuthenticator.parse("t.csv", "t1,alice,7,\"dev,ops, qa\"\n");
        assertThat(quoted.authenticateToken("t1")).contains(new UserInfo("alice", List.of("dev", "ops", "qa")));
    }

    @Test
    @DisplayName("a request with no token is 401 Unauthorized unless anonymous access is on")
    void anonymous() {
        assertThatThrownBy(() -> new RequestAuthentication(tokens, false).authenticate(null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(401);
                    assertThat(e.reason()).isEqualTo("Unauthorized");
                    assertThat(e.getMessage()).isEqualTo("Unauthorized");
                });
        UserInfo anonymous = new RequestAuthentication(tokens, true).authenticate(null);
        assertThat(anonymous.username()).isEqualTo("system:anonymous");
        assertThat(anonymous.groups()).containsExactly("system:unauthenticated");
    }

    @Test
    @DisplayName("a token nobody knows is 401 even when anonymous access is on")
    void unknownToken() {
        assertThatThrownBy(() -> new RequestAuthentication(tokens, true).authenticate("guess"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(401));
    }

    @Test
    @DisplayName("the Authorization header carries the token after 'Bearer '")
    void bearerHeader() {
        RequestAuthentication authn = new RequestAuthentication(tokens, true);
        assertThat(authn.authenticateHeader("Bearer bob-token").username()).isEqualTo("bob");
        assertThat(authn.authenticateHeader("bearer  bob-token ").username()).isEqualTo("bob");
        assertThat(authn.authenticateHeader(null).username()).isEqualTo("system:anonymous");
        assertThat(authn.authenticateHeader("Basic Ym9iOnB3").username()).isEqualTo("system:anonymous");
    }

    @Test
    @DisplayName("a malformed token file is refused with the file name and line number")
    void parseErrors() {
        assertThatThrownBy(() -> TokenAuthenticator.parse("tokens.csv", "a,alice,1\n\nb,bob\n"))
                .hasMessage("token file 'tokens.csv' line 3: must have at least 3 columns (token, user name, user uid), found 2");
        assertThatThrownBy(() -> TokenAuthenticator.parse("tokens.csv", "a,alice,1,\"dev\n"))
                .hasMessage("token file 'tokens.csv' line 1: unterminated quoted field");
        assertThatThrownBy(() -> TokenAuthenticator.parse("tokens.csv", "a,alice,1\na,bob,2\n"))
                .hasMessage("token file 'tokens.csv' line 2: duplicate token");
        assertThatThrownBy(() -> TokenAuthenticator.parse("tokens.csv", ",alice,1\n"))
                .hasMessage("token file 'tokens.csv' line 1: empty token");
    }

    @Test
    @DisplayName("a union of authenticators asks each in turn")
    void union() {
        ServiceAccountTokens sa = new ServiceAccountTokens(AuthFixture.SA_KEY);
        Authenticator both = Authenticator.union(tokens, sa);
        assertThat(both.authenticateToken("bob-token")).map(UserInfo::username).contains("bob");
        assertThat(both.authenticateToken(sa.issue("build", "ci"))).map(UserInfo::username)
                .contains("system:serviceaccount:build:ci");
        assertThat(both.authenticateToken("nobody")).isEmpty();
    }

    @Test
    @DisplayName("a ServiceAccount token names its account; it is in system:serviceaccounts and system:serviceaccounts:<ns>")
    void serviceAccountToken() {
        ServiceAccountTokens sa = new ServiceAccountTokens(AuthFixture.SA_KEY);
        UserInfo ci = new RequestAuthentication(sa, false).authenticate(sa.issue("build", "ci"));
        assertThat(ci.username()).isEqualTo("system:serviceaccount:build:ci");
        assertThat(ci.groups()).containsExactly("system:serviceaccounts", "system:serviceaccounts:build", "system:authenticated");
    }

    @Test
    @DisplayName("a ServiceAccount token whose name was changed, or that another key signed, is not accepted")
    void forgedServiceAccountToken() {
        ServiceAccountTokens sa = new ServiceAccountTokens(AuthFixture.SA_KEY);
        String token = sa.issue("build", "ci");
        String signature = token.substring(token.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("kube-system:admin".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + signature;
        assertThat(sa.authenticateToken(forged)).isEmpty();
        ServiceAccountTokens other = new ServiceAccountTokens("another-key-of-sixteen-bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(other.authenticateToken(token)).isEmpty();
        assertThat(sa.authenticateToken("not-a-token")).isEmpty();
    }
}
