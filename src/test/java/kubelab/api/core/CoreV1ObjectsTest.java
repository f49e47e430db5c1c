package kubelab.api.core;

import static kubelab.api.core.ExampleManifests.patchStrategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.ExampleManifests.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core/v1 kinds other than pods and nodes (Service, ConfigMap, Secret, PersistentVolume,
 * PersistentVolumeClaim, LimitRange, ResourceQuota, ...) read the documentation's manifests, merge
 * as Kubernetes' patch tags say, and register as {@code kubectl api-resources} lists them.
 */
@Tag("chapter1")
class CoreV1ObjectsTest {

    private static final Scheme SCHEME = scheme();

    private static Scheme scheme() {
        List<ResourceType> types = new ArrayList<>(CoreV1Pods.resourceTypes());
        types.addAll(CoreV1Objects.resourceTypes());
        return new Scheme(types);
    }

    static Stream<Document> documents() {
        return ExampleManifests.all().stream()
                .filter(d -> CoreV1Objects.resourceTypes().stream().anyMatch(t -> t.kind().equals(d.kind())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    @DisplayName("every documentation manifest of these core kinds decodes without losing a field")
    void roundTrip(Document doc) {
        Class<?> type = SCHEME.byKind(doc.apiVersion(), doc.kind()).orElseThrow().javaType();

        Object decoded = ExampleManifests.assertRoundTrips(doc.tree(), type);

        assertThat(decoded).isInstanceOf(type);
    }

    @Test
    @DisplayName("the documentation has manifests of seven of these kinds, in block YAML and KYAML")
    void examplesAreThere() {
        assertThat(documents().map(Document::kind).distinct()).containsExactlyInAnyOrder(
                "ConfigMap", "Secret", "Service", "PersistentVolume", "PersistentVolumeClaim", "LimitRange",
                "ResourceQuota");
        assertThat(documents().map(Document::file))
                .contains("pods/inject/secret.yaml", "admin/resource/quota-objects.yaml"); // KYAML
    }

    @Test
    @DisplayName("the documentation's LimitRange reads 'default' into defaultLimit, a Java keyword renamed")
    void limitRangeDefault() {
        LimitRange lr = ExampleManifests.assertRoundTrips(
                ExampleManifests.ofKind("v1", "LimitRange").get(0).tree(), LimitRange.class);

        LimitRangeItem item = lr.spec().limits().get(0);
        assertThat(item.type()).isEqualTo(LimitRangeItem.TYPE_CONTAINER);
        assertThat(item.defaultLimit().get("memory")).hasToString("512Mi");
        assertThat(item.defaultRequest().get("memory")).hasToString("256Mi");
        assertThat(item.max()).isEmpty();
    }

    @Test
    @DisplayName("a quota's keys are resource names with dots, kept as they are")
    void quotaKeys() {
        ResourceQuota q = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: pods-high, namespace: demo}
                spec:
                  hard: {cpu: "1k", pods: "10", services.nodeports: "0"}
                  scopeSelector:
                    matchExpressions:
                    - {operator: In, scopeName: PriorityClass, values: [high]}
                status:
                  hard: {cpu: "1k", pods: "10", services.nodeports: "0"}
                  used: {cpu: 500m, pods: "2", services.nodeports: "0"}
                """), ResourceQuota.class);

        assertThat(q.spec().hard()).containsOnlyKeys("cpu", "pods", "services.nodeports");
        assertThat(q.spec().scopeSelector().matchExpressions().get(0).scopeName())
                .isEqualTo(ResourceQuotaScope.PRIORITY_CLASS);
        assertThat(q.status().used().get("cpu")).hasToString("500m");
    }

    @Test
    @DisplayName("a ServiceAccount keeps its secrets, image pull secrets and automount switch")
    void serviceAccount() {
        ServiceAccount sa = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: build-robot, namespace: default}
                automountServiceAccountToken: false
                imagePullSecrets:
                - name: registry-key
                secrets:
                - name: build-robot-secret
                """), ServiceAccount.class);

        assertThat(sa.automountServiceAccountToken()).isFalse();
        assertThat(sa.imagePullSecrets()).containsExactly(new LocalObjectReference("registry-key"));
        assertThat(ServiceAccount.of("default", "default").name()).isEqualTo(ServiceAccount.DEFAULT_NAME);
    }

    static Stream<Arguments> patchStrategies() {
        return Stream.of(
                // record, field, "strategy/mergeKey" or "" when the list is replaced whole
                Arguments.of(ServiceSpec.class, "ports", "merge/port"),
                Arguments.of(ServiceSpec.class, "clusterIPs", ""),
                Arguments.of(ServiceSpec.class, "externalIPs", ""),
                Arguments.of(ServiceStatus.class, "conditions", "merge/type"),
                Arguments.of(LoadBalancerStatus.class, "ingress", ""),
                Arguments.of(Endpoints.class, "subsets", ""),
                Arguments.of(EndpointSubset.class, "addresses", ""),
                Arguments.of(EndpointSubset.class, "ports", ""),
                Arguments.of(ServiceAccount.class, "secrets", "merge/name"),
                Arguments.of(ServiceAccount.class, "imagePullSecrets", ""),
                Arguments.of(PersistentVolumeSpec.class, "accessModes", ""),
                Arguments.of(PersistentVolumeSpec.class, "mountOptions", ""),
                Arguments.of(PersistentVolumeClaimStatus.class, "conditions", "merge/type"),
                Arguments.of(LimitRangeSpec.class, "limits", ""),
                Arguments.of(ResourceQuotaSpec.class, "scopes", ""));
    }

    @ParameterizedTest(name = "{0}.{1}: \"{2}\"")
    @MethodSource("patchStrategies")
    @DisplayName("list fields merge as Kubernetes' patchStrategy and patchMergeKey tags say")
    void patchStrategies(Class<? extends Record> type, String field, String expected) {
        assertThat(patchStrategy(type, field)).isEqualTo(expected);
    }

    @Test
    @DisplayName("svc, ep, cm, pv, pvc, ev, sa, limits and quota name the core kinds, next to po and no")
    void shortNames() {
        assertThat(SCHEME.byName("svc")).map(ResourceType::kind).contains("Service");
        assertThat(SCHEME.byName("ep")).map(ResourceType::kind).contains("Endpoints");
        assertThat(SCHEME.byName("cm")).map(ResourceType::kind).contains("ConfigMap");
        assertThat(SCHEME.byName("pv")).map(ResourceType::kind).contains("PersistentVolume");
        assertThat(SCHEME.byName("pvc")).map(ResourceType::kind).contains("PersistentVolumeClaim");
        assertThat(SCHEME.byName("ev")).map(ResourceType::kind).contains("Event");
        assertThat(SCHEME.byName("sa")).map(ResourceType::kind).contains("ServiceAccount");
        assertThat(SCHEME.byName("limits")).map(ResourceType::kind).contains("LimitRange");
        assertThat(SCHEME.byName("quota")).map(ResourceType::kind).contains("ResourceQuota");
        assertThat(SCHEME.byName("secret")).map(ResourceType::plural).contains("secrets");
        assertThat(SCHEME.byName("endpoints")).map(ResourceType::kind).contains("Endpoints");
    }

    @Test
    @DisplayName("persistentvolumes are cluster-wide, services are in 'all', and status lives in its own subresource")
    void scopeCategoriesSubresources() {
        List<ResourceType> types = CoreV1Objects.resourceTypes();

        assertThat(types).filteredOn(t -> !t.namespaced()).extracting(ResourceType::plural)
                .containsExactly("persistentvolumes");
        assertThat(types).filteredOn(t -> t.categories().contains("all")).extracting(ResourceType::plural)
                .containsExactly("services");
        assertThat(types).filteredOn(ResourceType::hasStatus).extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("services", "persistentvolumes", "persistentvolumeclaims", "resourcequotas");
        assertThat(SCHEME.of(ServiceAccount.class).subresources()).containsExactly("token");
        assertThat(types).allMatch(t -> t.apiVersion().equals("v1"));
    }
}
