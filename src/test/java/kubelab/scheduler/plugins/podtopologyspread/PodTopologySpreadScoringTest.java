package kubelab.scheduler.plugins.podtopologyspread;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodeScore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("PodTopologySpread scoring")
class PodTopologySpreadScoringTest {
    private final PodTopologySpread plugin = new PodTopologySpread();

    private static NodeInfo host(String name, String zone, Pod... pods) {
        return NodeInfo.of(node("""
                metadata: {name: %s, labels: {kubernetes.io/hostname: %s, topology.kubernetes.io/zone: %s}}
                """.formatted(name, name, zone)), pods);
    }

    private static Pod replica(String name) {
        return pod("""
                metadata:
                  name: %s
                  namespace: default
                  labels: {app: web}
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: u1, controller: true}]
                spec: {containers: [{name: c, image: nginx}]}
                """.formatted(name));
    }

    private List<Long> scores(Pod pod, List<NodeInfo> nodes) {
        CycleState state = new CycleState();
        plugin.preScore(state, pod, nodes);
        List<NodeScore> raw = new ArrayList<>();
        nodes.forEach(n -> raw.add(new NodeScore(n.nodeName(), plugin.score(state, pod, n))));
        return plugin.normalizeScore(state, pod, raw).stream().map(NodeScore::score).toList();
    }

    @Test
    @DisplayName("by default, replicas of one controller prefer the nodes and zones with fewer of them")
    void defaultConstraints() {
        List<NodeInfo> nodes = List.of(
                host("node-1", "a", replica("web-1"), replica("web-2")),
                host("node-2", "a", replica("web-3")),
                host("node-3", "b"));
        List<Long> s = scores(replica("web-4"), nodes);
        assertThat(s.get(2)).isEqualTo(100L);
        assertThat(s.get(1)).isLessThan(s.get(2)).isGreaterThan(s.get(0));
    }

    @Test
    @DisplayName("a pod that no controller owns, with no constraints, is not spread by default")
    void noDefaultsForBarePods() {
        Pod bare = pod("""
                metadata: {name: solo, namespace: default, labels: {app: web}}
                spec: {containers: [{name: c, image: nginx}]}
                """);
        CycleState state = new CycleState();
        assertThat(plugin.preScore(state, bare, List.of(host("node-1", "a"))).isSkip()).isTrue();
    }

    @Test
    @DisplayName("a ScheduleAnyway constraint prefers the emptier zone, and ignores nodes without the key")
    void softConstraint() {
        Pod web = pod("""
                metadata: {name: web-9, namespace: default, labels: {app: web}}
                spec:
                  topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway,
                     labelSelector: {matchLabels: {app: web}}}
                  containers: [{name: c, image: nginx}]
                """);
        NodeInfo noZone = NodeInfo.of(node("metadata: {name: node-9, labels: {kubernetes.io/hostname: node-9}}"));
        List<NodeInfo> nodes = List.of(host("node-1", "a", replica("web-1")), host("node-2", "b"), noZone);
        // raw: node-1 round(1 × log(2 zones + 2)) = 1, node-2 0; reversed against the maximum: 0 and 100.
        assertThat(scores(web, nodes)).containsExactly(0L, 100L, 0L);
    }
}
