package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The core/v1 kinds register as {@code kubectl api-resources} lists them. */
@Tag("chapter1")
class CoreV1PodsTest {

    private final Scheme scheme = new Scheme(CoreV1Pods.resourceTypes());

    @Test
    @DisplayName("po, no, ns and rc name pods, nodes, namespaces and replicationcontrollers")
    void shortNames() {
        assertThat(scheme.byName("po")).map(ResourceType::kind).contains("Pod");
        assertThat(scheme.byName("no")).map(ResourceType::kind).contains("Node");
        assertThat(scheme.byName("ns")).map(ResourceType::kind).contains("Namespace");
        assertThat(scheme.byName("rc")).map(ResourceType::kind).contains("ReplicationController");
        assertThat(scheme.byName("replicationcontroller")).map(ResourceType::plural).contains("replicationcontrollers");
    }

    @Test
    @DisplayName("pods and replication controllers live in namespaces and are in 'all'; nodes and namespaces are cluster-wide")
    void scopeAndCategories() {
        List<ResourceType> types = CoreV1Pods.resourceTypes();

        assertThat(types).filteredOn(ResourceType::namespaced).extracting(ResourceType::plural)
                .containsExactly("pods", "replicationcontrollers");
        assertThat(types).filteredOn(t -> t.categories().contains("all")).extracting(ResourceType::plural)
                .containsExactly("pods", "replicationcontrollers");
        assertThat(types).allMatch(t -> t.apiVersion().equals("v1"));
    }

    @Test
    @DisplayName("each kind has the subresources its controllers and kubectl use")
    void subresources() {
        assertThat(scheme.of(Pod.class).subresources())
                .contains("status", "log", "exec", "attach", "binding", "eviction", "portforward");
        assertThat(scheme.of(Node.class).subresources()).containsExactlyInAnyOrder("status", "proxy");
        assertThat(scheme.of(Namespace.class).subresources()).containsExactlyInAnyOrder("status", "finalize");
        assertThat(scheme.of(ReplicationController.class).subresources()).containsExactlyInAnyOrder("status", "scale");
    }

    @Test
    @DisplayName("a manifest's apiVersion and kind find the record that reads it")
    void byKind() {
        assertThat(scheme.byKind("v1", "Pod")).map(ResourceType::javaType).contains(Pod.class);
        assertThat(scheme.byKind("v1", "Node")).map(ResourceType::javaType).contains(Node.class);
        assertThat(scheme.byKind("apps/v1", "Pod")).isEmpty();
    }
}
