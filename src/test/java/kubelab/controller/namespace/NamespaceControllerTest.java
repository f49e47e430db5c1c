package kubelab.controller.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Container;
import kubelab.api.core.Namespace;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.DeleteOptions;
import kubelab.client.InformerFactory;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The namespace controller")
class NamespaceControllerTest {
    private static final String NS = "team";
    private final SimulatedLoop loop = new SimulatedLoop(5);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);

    NamespaceControllerTest() {
        new NamespaceController(api, api::finalizeNamespace, informers, loop);
        informers.start();
        api.create(Namespace.named(NS));
        loop.settle();
    }

    private static Pod pod(String name) {
        return Pod.of(NS, name, PodSpec.of(Container.of("app", "nginx:1.14.2")));
    }

    private boolean namespaceExists() {
        return api.list(Namespace.class, null).items().stream().anyMatch(n -> n.name().equals(NS));
    }

    private List<String> configMaps() {
        return api.list(ConfigMap.class, NS).items().stream().map(KubeObject::name).toList();
    }

    @Test
    @DisplayName("deleting a namespace deletes what is in it and then the namespace itself")
    void emptiesThenGoes() {
        api.create(ConfigMap.of(NS, "settings", Map.of("k", "v")));
        api.create(pod("web"));
        api.create(ConfigMap.of("default", "elsewhere", Map.of("k", "v")));

        api.delete(Namespace.class, null, NS);
        loop.settle();

        assertThat(namespaceExists()).isFalse();
        assertThat(configMaps()).isEmpty();
        assertThat(api.list(Pod.class, NS).items()).isEmpty();
        assertThat(api.get(ConfigMap.class, "default", "elsewhere")).isNotNull();
    }

    @Test
    @DisplayName("a namespace cannot take new objects while it is being emptied")
    void refusesNewObjectsWhileTerminating() {
        ConfigMap held = api.create(ConfigMap.of(NS, "held", Map.of("k", "v")));
        api.update(held.withMetadata(held.metadata().withFinalizers(List.of("example.com/hold"))));

        api.delete(Namespace.class, null, NS);
        // The controller looks again every second while the held object stays: it never settles.
        loop.advance(Duration.ofMinutes(10));

        Namespace terminating = api.get(Namespace.class, null, NS);
        assertThat(terminating.status().phase()).isEqualTo("Terminating");
        assertThat(configMaps()).containsExactly("held");
        assertThatThrownBy(() -> api.create(ConfigMap.of(NS, "late", Map.of("k", "v"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(403));

        ConfigMap release = api.get(ConfigMap.class, NS, "held");
        api.update(release.withMetadata(release.metadata().withFinalizers(List.of())));

        assertThat(loop.runUntil(() -> !namespaceExists(), Duration.ofHours(1))).isTrue();
    }

    @Test
    @DisplayName("a pod bound to a node holds its namespace until its kubelet deletes it with grace 0")
    void scheduledPodWaitsForItsKubelet() {
        Pod bound = pod("bound");
        api.create(bound.withSpec(bound.spec().withNodeName("node-1")));

        api.delete(Namespace.class, null, NS);
        loop.advance(Duration.ofMinutes(10));

        assertThat(namespaceExists()).isTrue();
        assertThat(api.get(Pod.class, NS, "bound").metadata().deletionTimestamp()).isNotNull();

        // What the kubelet does once the containers have stopped.
        api.delete(Pod.class, NS, "bound", DeleteOptions.gracePeriod(0));

        assertThat(loop.runUntil(() -> !namespaceExists(), Duration.ofHours(1))).isTrue();
    }
}
