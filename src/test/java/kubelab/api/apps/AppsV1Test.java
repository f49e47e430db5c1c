package kubelab.api.apps;

import static kubelab.api.core.ExampleManifests.patchStrategy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.ExampleManifests;
import kubelab.api.core.ExampleManifests.Document;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The apps/v1 workloads read the documentation's manifests, merge as Kubernetes does, and register with kubectl's names. */
@Tag("chapter1")
class AppsV1Test {

    private static final Scheme SCHEME = new Scheme(AppsV1.resourceTypes());

    static Stream<Document> documents() {
        return ExampleManifests.all().stream().filter(d -> d.apiVersion().equals(AppsV1.API_VERSION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    @DisplayName("every documentation manifest of an apps/v1 kind decodes without losing a field")
    void roundTrip(Document doc) {
        Class<?> type = SCHEME.byKind(doc.apiVersion(), doc.kind()).orElseThrow().javaType();

        ExampleManifests.assertRoundTrips(withServerTypeMeta(doc.tree()), type);
    }

    /**
     * The API server gives each StatefulSet claim template {@code apiVersion: v1} and
     * {@code kind: PersistentVolumeClaim} (GitOps tools know this as a permanent diff), and so does
     * the record; the expected tree gets them too.
     */
    private static JsonNode withServerTypeMeta(JsonNode manifest) {
        JsonNode expected = manifest.deepCopy();
        for (JsonNode claim : expected.path("spec").path("volumeClaimTemplates")) {
            ((ObjectNode) claim).put("apiVersion", "v1").put("kind", "PersistentVolumeClaim");
        }
        return expected;
    }

    @Test
    @DisplayName("the documentation has Deployments, a ReplicaSet, DaemonSets and a StatefulSet to check")
    void examplesAreThere() {
        assertThat(documents().map(Document::kind).distinct())
                .containsExactlyInAnyOrder("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet");
    }

    @Test
    @DisplayName("a StatefulSet's claim templates print with apiVersion and kind, as the API server returns them")
    void claimTemplateTypeMeta() {
        StatefulSet web = Json.fromTree(ExampleManifests.ofKind("apps/v1", "StatefulSet").get(0).tree(),
                StatefulSet.class);

        assertThat(web.spec().serviceName()).isEqualTo("nginx");
        assertThat(web.spec().volumeClaimTemplates().get(0).name()).isEqualTo("www");
        assertThat(Json.toTree(web).path("spec").path("volumeClaimTemplates").get(0).path("kind").asText())
                .isEqualTo("PersistentVolumeClaim");
    }

    @Test
    @DisplayName("rolling-update bounds keep their form: 25% stays a percentage, 1 stays a number")
    void intOrStringBounds() {
        Deployment d = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default, generation: 2}
                spec:
                  replicas: 4
                  selector: {matchLabels: {app: web}}
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
                  minReadySeconds: 5
                  revisionHistoryLimit: 10
                  progressDeadlineSeconds: 600
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx:1.14.2}]
                status:
                  observedGeneration: 2
                  replicas: 5
                  updatedReplicas: 2
                  readyReplicas: 4
                  availableReplicas: 3
                  unavailableReplicas: 1
                  conditions:
                  - {type: Available, status: "True", reason: MinimumReplicasAvailable,
                     message: Deployment has minimum availability.,
                     lastUpdateTime: "2026-01-01T00:00:10Z", lastTransitionTime: "2026-01-01T00:00:10Z"}
                  - {type: Progressing, status: "True", reason: ReplicaSetUpdated,
                     message: ReplicaSet "web-5d9c8b7f6" is progressing.,
                     lastUpdateTime: "2026-01-01T00:01:00Z", lastTransitionTime: "2026-01-01T00:00:00Z"}
                """), Deployment.class);

        RollingUpdateDeployment bounds = d.spec().strategy().rollingUpdate();
        assertThat(bounds.maxSurge()).isEqualTo(IntOrString.of("25%"));
        assertThat(bounds.maxUnavailable()).isEqualTo(IntOrString.of(1));
        assertThat(bounds.maxSurge().scaledValue(d.spec().replicas(), true)).isEqualTo(1);
        assertThat(d.status().condition(DeploymentCondition.PROGRESSING).reason()).isEqualTo("ReplicaSetUpdated");
        assertThat(d.status().condition("Missing")).isNull();
    }

    @Test
    @DisplayName("Deployment.of prints as a minimal manifest: selector from the template's labels, nothing defaulted")
    void deploymentPrints() {
        PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named(null).withLabels(Map.of("app", "nginx")),
                PodSpec.of(Container.of("nginx", "nginx:1.14.2")));

        assertThat(Json.toYaml(Deployment.of("default", "nginx-deployment", 3, template))).isEqualTo("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: nginx-deployment
                  namespace: default
                spec:
                  replicas: 3
                  selector:
                    matchLabels:
                      app: nginx
                  template:
                    metadata:
                      labels:
                        app: nginx
                    spec:
                      containers:
                      - name: nginx
                        image: nginx:1.14.2
                """);
    }

    @Test
    @DisplayName("scaling returns a copy; the Deployment read from the cache is unchanged")
    void withersCopy() {
        Deployment d = Json.fromTree(ExampleManifests.ofKind("apps/v1", "Deployment").get(0).tree(), Deployment.class);

        Deployment scaled = d.withSpec(d.spec().withReplicas(10));

        assertThat(scaled.spec().replicas()).isEqualTo(10);
        assertThat(d.spec().replicas()).isNotEqualTo(10);
        assertThat(scaled.spec().template()).isSameAs(d.spec().template());
    }

    @Test
    @DisplayName("a StatefulSet's status keeps both revisions and every replica count")
    void statefulSetStatus() {
        StatefulSet sts = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: web, namespace: default}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: nginx}}
                  serviceName: nginx
                  podManagementPolicy: Parallel
                  updateStrategy:
                    type: RollingUpdate
                    rollingUpdate: {partition: 1, maxUnavailable: 1}
                  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Delete}
                  ordinals: {start: 1}
                  template:
                    metadata: {labels: {app: nginx}}
                    spec:
                      containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.8}]
                status:
                  observedGeneration: 1
                  replicas: 2
                  readyReplicas: 2
                  currentReplicas: 1
                  updatedReplicas: 1
                  currentRevision: web-6d4cf56db6
                  updateRevision: web-7b9c5f8d47
                  collisionCount: 0
                  availableReplicas: 2
                """), StatefulSet.class);

        assertThat(sts.spec().podManagementPolicy()).isEqualTo(StatefulSetSpec.PARALLEL);
        assertThat(sts.spec().updateStrategy().rollingUpdate().partition()).isEqualTo(1);
        assertThat(sts.spec().persistentVolumeClaimRetentionPolicy().whenScaled())
                .isEqualTo(StatefulSetPersistentVolumeClaimRetentionPolicy.DELETE);
        assertThat(sts.status().updateRevision()).isEqualTo("web-7b9c5f8d47");
    }

    @Test
    @DisplayName("a DaemonSet's status counts nodes: desired, scheduled, misscheduled, ready, updated, available")
    void daemonSetStatus() {
        DaemonSet ds = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: fluentd-elasticsearch, namespace: kube-system}
                spec:
                  selector: {matchLabels: {name: fluentd-elasticsearch}}
                  updateStrategy: {type: OnDelete}
                  template:
                    metadata: {labels: {name: fluentd-elasticsearch}}
                    spec:
                      containers: [{name: fluentd, image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2}]
                status:
                  currentNumberScheduled: 3
                  numberMisscheduled: 0
                  desiredNumberScheduled: 3
                  numberReady: 2
                  observedGeneration: 1
                  updatedNumberScheduled: 3
                  numberAvailable: 2
                  numberUnavailable: 1
                """), DaemonSet.class);

        assertThat(ds.spec().updateStrategy().type()).isEqualTo(DaemonSetUpdateStrategy.ON_DELETE);
        assertThat(ds.status().numberMisscheduled()).isZero();
        assertThat(ds.status().numberUnavailable()).isEqualTo(1);
    }

    static Stream<Arguments> patchStrategies() {
        return Stream.of(
                Arguments.of(DeploymentSpec.class, "strategy", "retainKeys/"),
                Arguments.of(DeploymentStatus.class, "conditions", "merge/type"),
                Arguments.of(ReplicaSetStatus.class, "conditions", "merge/type"),
                Arguments.of(DaemonSetStatus.class, "conditions", "merge/type"),
                Arguments.of(StatefulSetStatus.class, "conditions", "merge/type"),
                Arguments.of(StatefulSetSpec.class, "volumeClaimTemplates", ""),
                Arguments.of(DaemonSetSpec.class, "updateStrategy", ""));
    }

    @ParameterizedTest(name = "{0}.{1}: \"{2}\"")
    @MethodSource("patchStrategies")
    @DisplayName("fields merge as Kubernetes' patchStrategy and patchMergeKey tags say")
    void patchStrategies(Class<? extends Record> type, String field, String expected) {
        assertThat(patchStrategy(type, field)).isEqualTo(expected);
    }

    @Test
    @DisplayName("deploy, rs, ds and sts name the workloads; all four are in 'all' and have a status subresource")
    void registration() {
        assertThat(SCHEME.byName("deploy")).map(ResourceType::kind).contains("Deployment");
        assertThat(SCHEME.byName("rs")).map(ResourceType::kind).contains("ReplicaSet");
        assertThat(SCHEME.byName("ds")).map(ResourceType::kind).contains("DaemonSet");
        assertThat(SCHEME.byName("sts")).map(ResourceType::kind).contains("StatefulSet");
        assertThat(SCHEME.byName("deployments.apps")).map(ResourceType::kind).contains("Deployment");
        List<ResourceType> types = AppsV1.resourceTypes();
        assertThat(types).allMatch(t -> t.namespaced() && t.categories().contains("all") && t.hasStatus());
        assertThat(types).filteredOn(t -> t.subresources().contains("scale")).extracting(ResourceType::plural)
                .containsExactlyInAnyOrder("deployments", "replicasets", "statefulsets");
    }
}
