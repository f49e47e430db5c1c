package kubelab.api.networking;

import static kubelab.api.core.ExampleManifests.patchStrategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.ExampleManifests;
import kubelab.api.core.ExampleManifests.Document;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.LabelSelector;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ingresses, IngressClasses and NetworkPolicies read and print as Kubernetes does. */
@Tag("chapter1")
class NetworkingV1Test {

    static Stream<Document> ingresses() {
        return ExampleManifests.ofKind(NetworkingV1.API_VERSION, Ingress.KIND).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ingresses")
    @DisplayName("every documentation Ingress decodes without losing a field")
    void roundTrip(Document doc) {
        ExampleManifests.assertRoundTrips(doc.tree(), Ingress.class);
    }

    @Test
    @DisplayName("the documentation has three Ingresses; minimal-ingress routes /testpath by prefix to test:80")
    void minimalIngress() {
        assertThat(ingresses()).hasSize(3);
        Ingress ing = Json.fromTree(ingresses().filter(d -> d.file().endsWith("minimal-ingress.yaml")).findFirst()
                .orElseThrow().tree(), Ingress.class);

        HTTPIngressPath path = ing.spec().rules().get(0).http().paths().get(0);
        assertThat(ing.spec().ingressClassName()).isEqualTo("nginx-example");
        assertThat(path.path()).isEqualTo("/testpath");
        assertThat(path.pathType()).isEqualTo(PathType.PREFIX);
        assertThat(path.backend()).isEqualTo(IngressBackend.service("test", 80));
    }

    @Test
    @DisplayName("an Ingress with TLS, a default backend and a controller's address keeps every field")
    void tlsAndStatus() {
        Ingress ing = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: tls-example-ingress, namespace: default}
                spec:
                  defaultBackend:
                    resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static-assets}
                  tls:
                  - hosts: [https-example.foo.com]
                    secretName: testsecret-tls
                  rules:
                  - host: https-example.foo.com
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: {name: service1, port: {name: http}}
                status:
                  loadBalancer:
                    ingress:
                    - ip: 192.0.2.10
                      ports: [{port: 443, protocol: TCP, error: "no certificate"}]
                """), Ingress.class);

        assertThat(ing.spec().defaultBackend().resource().kind()).isEqualTo("StorageBucket");
        assertThat(ing.spec().tls().get(0).secretName()).isEqualTo("testsecret-tls");
        assertThat(ing.spec().rules().get(0).http().paths().get(0).backend())
                .isEqualTo(IngressBackend.service("service1", "http"));
        assertThat(ing.status().loadBalancer().ingress().get(0).ports().get(0).error()).isEqualTo("no certificate");
    }

    @Test
    @DisplayName("an IngressClass annotated is-default-class is the default")
    void ingressClass() {
        IngressClass ic = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata:
                  name: nginx-example
                  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
                spec:
                  controller: k8s.io/ingress-nginx
                  parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: external-lb,
                    scope: Namespace, namespace: external-configuration}
                """), IngressClass.class);

        assertThat(ic.isDefault()).isTrue();
        assertThat(IngressClass.of("other", "example.com/ingress").isDefault()).isFalse();
        assertThat(ic.spec().parameters().scope()).isEqualTo("Namespace");
    }

    @Test
    @DisplayName("a NetworkPolicy keeps peers by pod, namespace and IP block, and ports by name, number and range")
    void networkPolicy() {
        NetworkPolicy np = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: test-network-policy, namespace: default}
                spec:
                  podSelector: {matchLabels: {role: db}}
                  policyTypes: [Ingress, Egress]
                  ingress:
                  - from:
                    - ipBlock: {cidr: 172.17.0.0/16, except: [172.17.1.0/24]}
                    - namespaceSelector: {matchLabels: {project: myproject}}
                      podSelector: {matchLabels: {role: frontend}}
                    ports:
                    - {protocol: TCP, port: 6379}
                    - {protocol: TCP, port: metrics}
                  egress:
                  - to:
                    - ipBlock: {cidr: 10.0.0.0/24}
                    ports:
                    - {protocol: TCP, port: 32000, endPort: 32768}
                """), NetworkPolicy.class);

        NetworkPolicyPeer fromFrontend = np.spec().ingress().get(0).from().get(1);
        assertThat(fromFrontend.podSelector().matchLabels()).containsEntry("role", "frontend");
        assertThat(fromFrontend.namespaceSelector().matchLabels()).containsEntry("project", "myproject");
        assertThat(np.spec().ingress().get(0).ports()).extracting(NetworkPolicyPort::port)
                .containsExactly(IntOrString.of(6379), IntOrString.of("metrics"));
        assertThat(np.spec().egress().get(0).ports().get(0).endPort()).isEqualTo(32768);
        assertThat(np.spec().policyTypes()).containsExactly(PolicyType.INGRESS, PolicyType.EGRESS);
    }

    @Test
    @DisplayName("podSelector: {} selects every pod, so the empty selector is printed, not dropped")
    void emptySelectorPrinted() {
        NetworkPolicy denyAll = NetworkPolicy.of("default", "default-deny-ingress",
                new NetworkPolicySpec(LabelSelector.matching(null), null, null, List.of(PolicyType.INGRESS)));

        assertThat(Json.toYaml(denyAll)).isEqualTo("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny-ingress
                  namespace: default
                spec:
                  podSelector: {}
                  policyTypes:
                  - Ingress
                """);
    }

    @Test
    @DisplayName("Ingress rules, TLS entries and policy rules are replaced whole by a patch, never merged")
    void patchStrategies() {
        assertThat(patchStrategy(IngressSpec.class, "rules")).isEmpty();
        assertThat(patchStrategy(IngressSpec.class, "tls")).isEmpty();
        assertThat(patchStrategy(NetworkPolicySpec.class, "ingress")).isEmpty();
        assertThat(patchStrategy(NetworkPolicySpec.class, "egress")).isEmpty();
    }

    @Test
    @DisplayName("ing and netpol name the namespaced kinds; ingressclasses are cluster-wide")
    void registration() {
        Scheme scheme = new Scheme(NetworkingV1.resourceTypes());

        assertThat(scheme.byName("ing")).map(ResourceType::kind).contains("Ingress");
        assertThat(scheme.byName("netpol")).map(ResourceType::kind).contains("NetworkPolicy");
        assertThat(scheme.byName("ingressclass")).map(ResourceType::namespaced).contains(false);
        assertThat(scheme.of(Ingress.class).hasStatus()).isTrue();
        assertThat(NetworkingV1.resourceTypes()).allMatch(t -> t.categories().isEmpty());
    }
}
