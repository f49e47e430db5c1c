package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.resource.Quantity;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Nodes, Namespaces and ReplicationControllers read and write the JSON a real API server sends. */
@Tag("chapter1")
class NodeNamespaceReplicationControllerTest {

    /** A node as {@code kubectl get node -o json} prints it (trimmed). */
    private static final String NODE = """
            {"apiVersion":"v1","kind":"Node",
             "metadata":{"name":"kind-worker","labels":{"kubernetes.io/hostname":"kind-worker"}},
             "spec":{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"],"providerID":"kind://docker/kind/kind-worker",
                     "taints":[{"key":"node.kubernetes.io/not-ready","effect":"NoExecute","timeAdded":"2026-01-01T00:00:00Z"}]},
             "status":{
               "capacity":{"cpu":"8","memory":"16318928Ki","pods":"110","ephemeral-storage":"263174212Ki"},
               "allocatable":{"cpu":"8","memory":"16318928Ki","pods":"110"},
               "conditions":[{"type":"Ready","status":"True","lastHeartbeatTime":"2026-01-01T00:01:00Z",
                              "lastTransitionTime":"2026-01-01T00:00:10Z","reason":"KubeletReady",
                              "message":"kubelet is posting ready status"}],
               "addresses":[{"type":"InternalIP","address":"172.18.0.3"},{"type":"Hostname","address":"kind-worker"}],
               "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},
               "nodeInfo":{"machineID":"m","systemUUID":"s","bootID":"b","kernelVersion":"6.8.0",
                           "osImage":"Debian GNU/Linux 12 (bookworm)","containerRuntimeVersion":"containerd://1.7.18",
                           "kubeletVersion":"v1.31.0","kubeProxyVersion":"","operatingSystem":"linux",
                           "architecture":"amd64"},
               "images":[{"names":["registry.k8s.io/pause:3.10"],"sizeBytes":320368}]}}""";

    @Test
    @DisplayName("a node as kubectl prints it decodes and encodes to the same JSON")
    void nodeRoundTrip() throws IOException {
        Node node = Json.mapper().readValue(NODE, Node.class);

        assertThat(node.status().allocatable()).containsKeys("cpu", "memory", "pods");
        assertThat(node.status().condition(NodeConditionType.READY).reason()).isEqualTo("KubeletReady");
        assertThat(node.spec().taints().get(0).timeAdded()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(DocumentationManifestsTest.onTheWire(node)).isEqualTo(Json.mapper().readTree(NODE));
    }

    @Test
    @DisplayName("the kubelet's port is written as Port, with the capital P Kubernetes kept for compatibility")
    void kubeletPort() throws IOException {
        Node node = Json.mapper().readValue(NODE, Node.class);

        assertThat(node.status().daemonEndpoints().kubeletEndpoint().port()).isEqualTo(10250);
        assertThat(Json.toJson(node.status().daemonEndpoints())).isEqualTo("{\"kubeletEndpoint\":{\"Port\":10250}}");
    }

    @Test
    @DisplayName("a heartbeat replaces the node's Ready condition in place")
    void heartbeat() throws IOException {
        Node node = Json.mapper().readValue(NODE, Node.class);
        Instant later = Instant.parse("2026-01-01T00:02:00Z");
        NodeCondition ready = node.status().condition(NodeConditionType.READY);

        NodeStatus beat = node.status().withCondition(new NodeCondition(ready.type(), ready.status(), later,
                ready.lastTransitionTime(), ready.reason(), ready.message()));

        assertThat(beat.conditions()).hasSize(1);
        assertThat(beat.condition(NodeConditionType.READY).lastHeartbeatTime()).isEqualTo(later);
        assertThat(node.status().condition(NodeConditionType.READY).lastHeartbeatTime()).isNotEqualTo(later);
    }

    @Test
    @DisplayName("cordoning a node sets spec.unschedulable and nothing else")
    void cordon() {
        Node node = Node.named("n1").withSpec(NodeSpec.empty().withPodCIDRs(List.of("10.244.1.0/24")));

        Node cordoned = node.withSpec(node.spec().withUnschedulable(true));

        assertThat(Json.toJson(cordoned)).isEqualTo("""
                {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},\
                "spec":{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"],"unschedulable":true}}""");
    }

    @Test
    @DisplayName("the documentation's namespace reads as an Active-to-be Namespace with its label")
    void namespace() throws IOException {
        JsonNode manifest = Json.yamlMapper().readTree(new java.io.File(
                System.getProperty("kubelab.shared", "../shared") + "/k8s-examples/admin/namespace-dev.yaml"));

        Namespace ns = Json.mapper().treeToValue(manifest, Namespace.class);

        assertThat(ns.name()).isEqualTo("development");
        assertThat(ns.metadata().labels()).containsEntry("name", "development");
        assertThat(ns.status()).as("status is the server's to set").isNull();
        assertThat(DocumentationManifestsTest.onTheWire(ns)).isEqualTo(manifest);
    }

    @Test
    @DisplayName("a terminating namespace keeps its kubernetes finalizer, phase and conditions")
    void terminatingNamespace() throws IOException {
        String json = """
                {"apiVersion":"v1","kind":"Namespace",
                 "metadata":{"name":"dev","deletionTimestamp":"2026-01-01T00:00:00Z"},
                 "spec":{"finalizers":["kubernetes"]},
                 "status":{"phase":"Terminating","conditions":[{"type":"NamespaceContentRemaining","status":"True",
                   "lastTransitionTime":"2026-01-01T00:00:01Z","reason":"SomeResourcesRemain",
                   "message":"Some resources are remaining: pods. has 1 resource instances"}]}}""";

        Namespace ns = Json.mapper().readValue(json, Namespace.class);

        assertThat(ns.spec().finalizers()).containsExactly(NamespaceSpec.FINALIZER_KUBERNETES);
        assertThat(ns.status().phase()).isEqualTo(NamespacePhase.TERMINATING);
        assertThat(ns.status().conditions().get(0).type()).isEqualTo(NamespaceConditionType.CONTENT_REMAINING);
        assertThat(DocumentationManifestsTest.onTheWire(ns)).isEqualTo(Json.mapper().readTree(json));
    }

    @Test
    @DisplayName("a replication controller keeps its equality selector, template and observed counts")
    void replicationController() throws IOException {
        String yaml = """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: nginx
                spec:
                  replicas: 3
                  selector:
                    app: nginx
                  template:
                    metadata:
                      name: nginx
                      labels:
                        app: nginx
                    spec:
                      containers:
                      - name: nginx
                        image: nginx
                        ports:
                        - containerPort: 80
                status:
                  replicas: 3
                  fullyLabeledReplicas: 3
                  readyReplicas: 2
                  availableReplicas: 2
                  observedGeneration: 1
                """;
        JsonNode manifest = Json.yamlMapper().readTree(yaml);

        ReplicationController rc = Json.mapper().treeToValue(manifest, ReplicationController.class);

        assertThat(rc.spec().replicas()).isEqualTo(3);
        assertThat(rc.spec().selector()).isEqualTo(Map.of("app", "nginx"));
        assertThat(rc.spec().template().metadata().labels()).isEqualTo(Map.of("app", "nginx"));
        assertThat(rc.status().readyReplicas()).isEqualTo(2);
        assertThat(DocumentationManifestsTest.onTheWire(rc)).isEqualTo(manifest);
        assertThat(Json.toYaml(rc)).isEqualTo(yaml);
    }

    @Test
    @DisplayName("scaling a replication controller changes only spec.replicas")
    void scale() {
        PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named(null).withLabel("app", "web"),
                PodSpec.of(Container.of("web", "nginx")));
        ReplicationController rc = ReplicationController.of(ObjectMeta.of("default", "web"),
                ReplicationControllerSpec.of(1, Map.of("app", "web"), template));

        ReplicationController scaled = rc.withSpec(rc.spec().withReplicas(5));

        assertThat(scaled.spec().replicas()).isEqualTo(5);
        assertThat(scaled.spec().template()).isEqualTo(rc.spec().template());
        assertThat(rc.spec().replicas()).isEqualTo(1);
    }

    @Test
    @DisplayName("node capacity keeps the order it was given and its quantities as strings")
    void capacity() {
        Map<String, Quantity> capacity = new java.util.LinkedHashMap<>();
        capacity.put("pods", Quantity.parse("110"));
        capacity.put("cpu", Quantity.parse("4"));
        capacity.put("memory", Quantity.parse("8Gi"));

        NodeStatus status = NodeStatus.empty().withCapacity(capacity);

        assertThat(Json.toJson(status)).isEqualTo("{\"capacity\":{\"pods\":\"110\",\"cpu\":\"4\",\"memory\":\"8Gi\"}}");
    }
}
