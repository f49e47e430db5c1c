package kubelab.api.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.ExampleManifests;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Roles, ClusterRoles and their bindings read and print as Kubernetes does. */
@Tag("chapter1")
class RbacV1Test {

    @Test
    @DisplayName("a Role built as kubectl create role pod-reader --verb=get,watch,list --resource=pods prints as the real one")
    void rolePrints() {
        Role role = Role.of("default", "pod-reader",
                List.of(PolicyRule.forResources(List.of(""), List.of("pods"), List.of("get", "watch", "list"))));

        assertThat(Json.toYaml(role)).isEqualTo("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: pod-reader
                  namespace: default
                rules:
                - verbs:
                  - get
                  - watch
                  - list
                  apiGroups:
                  - ""
                  resources:
                  - pods
                """);
    }

    @Test
    @DisplayName("an aggregated ClusterRole keeps its selectors and rules, including non-resource URLs")
    void clusterRole() {
        ClusterRole role = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: monitoring}
                aggregationRule:
                  clusterRoleSelectors:
                  - matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}
                rules:
                - apiGroups: [""]
                  resources: [services, endpoints, pods]
                  verbs: [get, list, watch]
                - apiGroups: [""]
                  resources: [configmaps]
                  resourceNames: [my-config]
                  verbs: [get]
                - nonResourceURLs: [/healthz, /healthz/*]
                  verbs: [get, post]
                """), ClusterRole.class);

        assertThat(role.aggregationRule().clusterRoleSelectors()).hasSize(1);
        assertThat(role.rules().get(1).resourceNames()).containsExactly("my-config");
        assertThat(role.rules().get(2)).isEqualTo(
                PolicyRule.forNonResourceURLs(List.of("/healthz", "/healthz/*"), List.of("get", "post")));
    }

    @Test
    @DisplayName("bindings keep users, groups and service accounts, and the role they grant")
    void bindings() {
        RoleBinding rb = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: read-pods, namespace: default}
                subjects:
                - {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
                - {kind: ServiceAccount, name: default, namespace: kube-system}
                roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
                """), RoleBinding.class);
        ClusterRoleBinding crb = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: read-secrets-global}
                subjects:
                - {kind: Group, name: manager, apiGroup: rbac.authorization.k8s.io}
                roleRef: {kind: ClusterRole, name: secret-reader, apiGroup: rbac.authorization.k8s.io}
                """), ClusterRoleBinding.class);

        assertThat(rb.subjects()).containsExactly(Subject.user("jane"), Subject.serviceAccount("kube-system", "default"));
        assertThat(rb.roleRef()).isEqualTo(RoleRef.role("pod-reader"));
        assertThat(crb.subjects()).containsExactly(Subject.group("manager"));
        assertThat(crb.roleRef()).isEqualTo(RoleRef.clusterRole("secret-reader"));
    }

    @Test
    @DisplayName("roles and rolebindings are namespaced; clusterroles and clusterrolebindings are cluster-wide")
    void registration() {
        Scheme scheme = new Scheme(RbacV1.resourceTypes());

        assertThat(RbacV1.resourceTypes()).filteredOn(ResourceType::namespaced).extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("roles", "rolebindings");
        assertThat(scheme.byName("clusterroles.rbac.authorization.k8s.io")).map(ResourceType::kind).contains("ClusterRole");
        assertThat(RbacV1.resourceTypes()).allMatch(t -> t.shortNames().isEmpty() && t.subresources().isEmpty());
    }
}
