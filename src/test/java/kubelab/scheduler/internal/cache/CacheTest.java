package kubelab.scheduler.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.Manifests;
import kubelab.scheduler.framework.NodeInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The scheduler's cache")
class CacheTest {
    private final Cache cache = new Cache();
    private final Snapshot snapshot = new Snapshot();

    private static Node node(String name, String zone) {
        return Manifests.node("""
                metadata: {name: %s, labels: {topology.kubernetes.io/zone: %s}}
                status: {allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}
                """.formatted(name, zone));
    }

    private static Pod on(String node, String name) {
        Pod p = Manifests.pod(name, "1", null);
        return p.withSpec(p.spec().withNodeName(node));
    }

    @Test
    @DisplayName("an assumed pod takes room at once; forgetting it gives the room back")
    void assumeAndForget() {
        cache.addNode(node("node-1", "a"));
        cache.assumePod(on("node-1", "web"));
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.get("node-1").requested().milliCPU()).isEqualTo(1000);
        assertThat(cache.isAssumedPod(on("node-1", "web"))).isTrue();
        cache.forgetPod(on("node-1", "web"));
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.get("node-1").requested().milliCPU()).isZero();
    }

    @Test
    @DisplayName("the informer confirming the binding turns an assumed pod into a bound one")
    void confirm() {
        cache.addNode(node("node-1", "a"));
        cache.assumePod(on("node-1", "web"));
        cache.finishBinding(on("node-1", "web"));
        cache.addPod(on("node-1", "web"));
        assertThat(cache.isAssumedPod(on("node-1", "web"))).isFalse();
        cache.forgetPod(on("node-1", "web")); // no longer assumed: nothing to forget
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.get("node-1").podCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a snapshot update copies only the nodes that changed")
    void incrementalSnapshot() {
        for (int i = 0; i < 5; i++) {
            cache.addNode(node("node-" + i, "a"));
        }
        cache.updateSnapshot(snapshot);
        NodeInfo before0 = snapshot.get("node-0");
        NodeInfo before3 = snapshot.get("node-3");
        cache.addPod(on("node-3", "web"));
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.get("node-0")).isSameAs(before0);
        assertThat(snapshot.get("node-3")).isNotSameAs(before3);
        assertThat(snapshot.list().get(3)).isSameAs(snapshot.get("node-3"));
        assertThat(snapshot.get("node-3").podCount()).isEqualTo(1);
        assertThat(snapshot.generation()).isEqualTo(cache.generation());
    }

    @Test
    @DisplayName("the snapshot lists nodes zone by zone in turn")
    void zoneInterleaving() {
        cache.addNode(node("a-1", "a"));
        cache.addNode(node("a-2", "a"));
        cache.addNode(node("b-1", "b"));
        cache.addNode(node("b-2", "b"));
        cache.addNode(node("c-1", "c"));
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.list()).extracting(NodeInfo::nodeName).containsExactly("a-1", "b-1", "c-1", "a-2", "b-2");
        cache.removeNode(node("b-1", "b"));
        cache.updateSnapshot(snapshot);
        assertThat(snapshot.list()).extracting(NodeInfo::nodeName).containsExactly("a-1", "b-2", "c-1", "a-2");
    }
}
