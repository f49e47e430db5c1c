package kubelab.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.rbac.PolicyRule;
import kubelab.apiserver.UserInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class RuleEvaluationTest {
    private static final UserInfo JANE = new UserInfo("jane", List.of());

    private static AuthorizationAttributes request(String verb, String resource, String name) {
        return AuthorizationAttributes.parse(Scheme.standard(), JANE, verb, resource, "default", name);
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @DisplayName("a rule covers a request only if verb, group, resource and name all match")
    @CsvSource(delimiter = '|', value = {
            "get    | pods              | web   | true",
            "list   | pods              |       | true",
            "delete | pods              | web   | false",
            "get    | pods/log          | web   | false",
            "get    | deployments.apps  | web   | false",
            "get    | configmaps        | web   | false",
    })
    void table(String verb, String resource, String name, boolean allowed) {
        PolicyRule rule = PolicyRule.forResources(List.of(""), List.of("pods"), List.of("get", "list"));
        assertThat(RuleEvaluation.ruleAllows(request(verb, resource, name), rule)).isEqualTo(allowed);
    }

    @Test
    @DisplayName("* matches every verb, group and resource, subresources included")
    void wildcards() {
        PolicyRule all = PolicyRule.forResources(List.of("*"), List.of("*"), List.of("*"));
        assertThat(RuleEvaluation.ruleAllows(request("delete", "deployments.apps/scale", "web"), all)).isTrue();
        assertThat(RuleEvaluation.ruleAllows(AuthorizationAttributes.nonResource(JANE, "get", "/healthz"), all))
                .as("a resource rule never covers a path").isFalse();
    }

    @Test
    @DisplayName("*/scale covers the scale subresource of every resource, and nothing else")
    void starSubresource() {
        PolicyRule scale = PolicyRule.forResources(List.of("apps"), List.of("*/scale"), List.of("update"));
        assertThat(RuleEvaluation.ruleAllows(request("update", "deployments.apps/scale", "web"), scale)).isTrue();
        assertThat(RuleEvaluation.ruleAllows(request("update", "statefulsets.apps/scale", "db"), scale)).isTrue();
        assertThat(RuleEvaluation.ruleAllows(request("update", "deployments.apps", "web"), scale)).isFalse();
        assertThat(RuleEvaluation.ruleAllows(request("update", "deployments.apps/status", "web"), scale)).isFalse();
    }

    @Test
    @DisplayName("nonResourceURLs with a trailing * match by prefix, others exactly")
    void nonResourceUrls() {
        PolicyRule rule = PolicyRule.forNonResourceURLs(List.of("/healthz", "/apis/*"), List.of("get"));
        assertThat(RuleEvaluation.ruleAllows(AuthorizationAttributes.nonResource(JANE, "get", "/healthz"), rule)).isTrue();
        assertThat(RuleEvaluation.ruleAllows(AuthorizationAttributes.nonResource(JANE, "get", "/healthz/etcd"), rule)).isFalse();
        assertThat(RuleEvaluation.ruleAllows(AuthorizationAttributes.nonResource(JANE, "get", "/apis/apps/v1"), rule)).isTrue();
        assertThat(RuleEvaluation.ruleAllows(AuthorizationAttributes.nonResource(JANE, "get", "/apis"), rule)).isFalse();
        assertThat(RuleEvaluation.ruleAllows(AuthorizationAttributes.nonResource(JANE, "post", "/healthz"), rule)).isFalse();
    }
}
