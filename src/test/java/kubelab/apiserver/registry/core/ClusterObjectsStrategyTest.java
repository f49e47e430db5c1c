package kubelab.apiserver.registry.core;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kubelab.api.core.Event;
import kubelab.api.core.EventSource;
import kubelab.api.core.Node;
import kubelab.api.core.ObjectReference;
import kubelab.api.meta.ObjectMeta;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ClusterObjectsStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String NODE = """
            apiVersion: v1
            kind: Node
            metadata:
              name: worker-1
            spec:
              taints:
              - key: dedicated
                value: gpu
                effect: NoSchedule
            status:
              capacity:
                cpu: "4"
                memory: 8Gi
            """;

    @Test
    @DisplayName("a Node keeps the status it registers with: the kubelet reports capacity in its first request")
    void nodeKeepsStatus() {
        Node node = server.create(yaml(NODE, Node.class));

        assertThat(node.status().capacity()).containsKeys("cpu", "memory");
        assertThat(node.metadata().generation()).isNull();
    }

    @Test
    @DisplayName("a taint effect must be NoSchedule, PreferNoSchedule or NoExecute (reported under metadata.taints)")
    void taintEffect() {
        Node node = yaml(NODE.replace("effect: NoSchedule", "effect: NoRun"), Node.class);

        ApiException e = refused(() -> server.create(node));

        assertThat(causes(e)).containsExactly("metadata.taints[0].effect: Unsupported value: \"NoRun\": "
                + "supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
    }

    @Test
    @DisplayName("cordoned nodes can be found with the field selector spec.unschedulable=true")
    void unschedulableSelector() {
        Node node = server.create(yaml(NODE, Node.class));
        server.create(Node.named("worker-2"));
        server.api.update(node.withSpec(node.spec().withUnschedulable(true)));

        var cordoned = server.api.list(Node.class, null, ListOptions.ALL.withFieldSelector("spec.unschedulable=true"));
        var schedulable = server.api.list(Node.class, null, ListOptions.ALL.withFieldSelector("spec.unschedulable=false"));

        assertThat(cordoned.items()).extracting(n -> n.metadata().name()).containsExactly("worker-1");
        assertThat(schedulable.items()).extracting(n -> n.metadata().name()).containsExactly("worker-2");
    }

    private static Event event(String namespace, String name, ObjectReference about, String reason, String type) {
        return new Event(null, null, ObjectMeta.of(namespace, name), about, reason, "message",
                new EventSource("kubelet", "worker-1"), Instant.EPOCH, Instant.EPOCH, 1, type, null, null, null, null,
                null, null);
    }

    @Test
    @DisplayName("kubectl describe finds a pod's events by involvedObject fields")
    void eventFieldSelectors() {
        var web = new ObjectReference("Pod", "default", "web", "uid-web", "v1", null, null);
        var db = new ObjectReference("Pod", "default", "db", "uid-db", "v1", null, null);
        server.create(event("default", "web.1", web, "Pulled", "Normal"));
        server.create(event("default", "web.2", web, "BackOff", "Warning"));
        server.create(event("default", "db.1", db, "Pulled", "Normal"));

        var ofWeb = server.api.list(Event.class, "default", ListOptions.ALL.withFieldSelector(
                "involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=uid-web"));
        var warnings = server.api.list(Event.class, "default", ListOptions.ALL.withFieldSelector("type=Warning"));
        var fromKubelet = server.api.list(Event.class, "default", ListOptions.ALL.withFieldSelector("source=kubelet"));

        assertThat(ofWeb.items()).extracting(e -> e.metadata().name()).containsExactlyInAnyOrder("web.1", "web.2");
        assertThat(warnings.items()).extracting(e -> e.metadata().name()).containsExactly("web.2");
        assertThat(fromKubelet.items()).hasSize(3);
    }

    @Test
    @DisplayName("an event lives in the namespace of its object; events about a Node go to default")
    void eventNamespace() {
        var pod = new ObjectReference("Pod", "team-a", "web", "uid", "v1", null, null);
        var node = new ObjectReference("Node", null, "worker-1", "uid-n", "v1", null, null);

        ApiException e = refused(() -> server.create(event("default", "web.1", pod, "Pulled", "Normal")));

        assertThat(causes(e)).containsExactly("involvedObject.namespace: Invalid value: \"team-a\": does not match event.namespace");
        assertThat(server.create(event("default", "worker-1.1", node, "NodeReady", "Normal")).metadata().uid()).isNotEmpty();
    }
}
