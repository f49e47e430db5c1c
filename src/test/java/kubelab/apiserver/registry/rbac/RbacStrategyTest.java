package kubelab.apiserver.registry.rbac;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.rbac.ClusterRole;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.api.rbac.PolicyRule;
import kubelab.api.rbac.Role;
import kubelab.api.rbac.RoleBinding;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class RbacStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String BINDING = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: read-pods
              namespace: default
            subjects:
            - kind: User
              name: jane
            roleRef:
              kind: Role
              name: pod-reader
            """;

    @Test
    @DisplayName("RBAC names need only fit in a URL path: system:node is a valid ClusterRole name")
    void pathSegmentNames() {
        ClusterRole role = server.create(ClusterRole.of("system:node", List.of(
                new PolicyRule(List.of("get"), List.of(""), List.of("nodes"), null, null))));
        ApiException e = refused(() -> server.create(ClusterRole.of("a/b", List.of())));

        assertThat(role.metadata().name()).isEqualTo("system:node");
        assertThat(causes(e)).containsExactly("metadata.name: Invalid value: \"a/b\": may not contain '/'");
    }

    @Test
    @DisplayName("a rule must name at least one verb, and resources with their API groups")
    void ruleNeedsVerbs() {
        Role role = Role.of("default", "empty", List.of(new PolicyRule(null, null, List.of("pods"), null, null)));

        ApiException e = refused(() -> server.create(role));

        assertThat(causes(e)).containsExactly("rules[0].verbs: Required value: verbs must contain at least one value",
                "rules[0].apiGroups: Required value: resource rules must supply at least one api group");
    }

    @Test
    @DisplayName("a binding's roleRef and user subjects get the RBAC API group by default")
    void bindingDefaults() {
        RoleBinding binding = server.create(yaml(BINDING, RoleBinding.class));

        assertThat(binding.roleRef().apiGroup()).isEqualTo("rbac.authorization.k8s.io");
        assertThat(binding.subjects().get(0).apiGroup()).isEqualTo("rbac.authorization.k8s.io");
    }

    @Test
    @DisplayName("a binding's roleRef cannot change: delete and recreate the binding instead")
    void roleRefImmutable() {
        RoleBinding binding = server.create(yaml(BINDING, RoleBinding.class));
        RoleBinding other = new RoleBinding(null, null, binding.metadata(), binding.subjects(), RoleRef.clusterRole("admin"));

        ApiException e = refused(() -> server.api.update(other));

        assertThat(causes(e)).containsExactly("roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", "
                + "Kind:\"ClusterRole\", Name:\"admin\"}: cannot change roleRef");
    }

    @Test
    @DisplayName("a ClusterRoleBinding binds ClusterRoles only, and its ServiceAccount subjects name a namespace")
    void clusterRoleBinding() {
        ClusterRoleBinding bad = ClusterRoleBinding.of("bad", RoleRef.role("pod-reader"),
                List.of(new Subject(Subject.SERVICE_ACCOUNT_KIND, null, "builder", null)));

        ApiException e = refused(() -> server.create(bad));

        assertThat(causes(e)).containsExactly("roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"",
                "subjects[0].namespace: Required value");
    }
}
