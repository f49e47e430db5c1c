package kubelab.scheduler.plugins.podtopologyspread;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class PodTopologySpreadTest {
    private final PodTopologySpread plugin = new PodTopologySpread();

    private static NodeInfo zoned(String name, String zone, Pod... pods) {
        return NodeInfo.of(node("""
                metadata:
                  name: %s
                  labels: {kubernetes.io/hostname: %s, topology.kubernetes.io/zone: %s}
                """.formatted(name, name, zone)), pods);
    }

    private static Pod foo(String name) {
        return pod("""
                metadata: {name: %s, namespace: default, labels: {foo: bar}}
                spec: {containers: [{name: app, image: pause}]}
                """.formatted(name));
    }

    private static Pod spread(String topologyKey, int maxSkew) {
        return pod("""
                metadata: {name: mypod, namespace: default, labels: {foo: bar}}
                spec:
                  topologySpreadConstraints:
                  - maxSkew: %d
                    topologyKey: %s
                    whenUnsatisfiable: DoNotSchedule
                    labelSelector: {matchLabels: {foo: bar}}
                  containers: [{name: pause, image: registry.k8s.io/pause:3.1}]
                """.formatted(maxSkew, topologyKey));
    }

    private Map<String, Status> filterAll(Pod pod, List<NodeInfo> nodes) {
        CycleState state = new CycleState();
        assertThat(plugin.preFilter(state, pod, nodes).isSuccess()).isTrue();
        Map<String, Status> out = new LinkedHashMap<>();
        nodes.forEach(n -> out.put(n.nodeName(), plugin.filter(state, pod, n)));
        return out;
    }

    @Test
    @DisplayName("with 2 matching pods in zoneA and 1 in zoneB, maxSkew 1 sends the new pod to zoneB")
    void zoneSpread() {
        List<NodeInfo> nodes = List.of(zoned("node1", "zoneA", foo("p1")), zoned("node2", "zoneA", foo("p2")),
                zoned("node3", "zoneB", foo("p3")), zoned("node4", "zoneB"));

        Map<String, Status> statuses = filterAll(spread("topology.kubernetes.io/zone", 1), nodes);

        assertThat(statuses.get("node1").reasons())
                .containsExactly("node(s) didn't match pod topology spread constraints");
        assertThat(statuses.get("node1").code()).isEqualTo(Status.Code.Unschedulable);
        assertThat(statuses.get("node2").isRejected()).isTrue();
        assertThat(statuses.get("node3").isSuccess()).isTrue();
        assertThat(statuses.get("node4").isSuccess()).isTrue();
    }

    @Test
    @DisplayName("spreading by hostname with maxSkew 1 allows only the nodes holding the fewest matching pods")
    void hostnameSpread() {
        List<NodeInfo> nodes = List.of(zoned("node1", "zoneA", foo("p1")), zoned("node2", "zoneA"),
                zoned("node3", "zoneB", foo("p3")));

        Map<String, Status> statuses = filterAll(spread("kubernetes.io/hostname", 1), nodes);

        assertThat(statuses.get("node1").isRejected()).isTrue();
        assertThat(statuses.get("node2").isSuccess()).isTrue();
        assertThat(statuses.get("node3").isRejected()).isTrue();
    }

    @Test
    @DisplayName("a node without the topology label is rejected for a missing required label")
    void missingLabel() {
        NodeInfo unlabelled = new NodeInfo(node("bare", "1", "1Gi", 10));
        List<NodeInfo> nodes = List.of(zoned("node1", "zoneA"), unlabelled);

        Status status = filterAll(spread("topology.kubernetes.io/zone", 1), nodes).get("bare");

        assertThat(status.code()).isEqualTo(Status.Code.UnschedulableAndUnresolvable);
        assertThat(status.reasons())
                .containsExactly("node(s) didn't match pod topology spread constraints (missing required label)");
    }

    @Test
    @DisplayName("pods without hard spread constraints skip the plugin")
    void noConstraintsSkip() {
        assertThat(plugin.preFilter(new CycleState(), foo("plain"), List.of()).isSkip()).isTrue();
    }
}
