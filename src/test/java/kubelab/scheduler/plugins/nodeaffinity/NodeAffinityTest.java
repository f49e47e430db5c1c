package kubelab.scheduler.plugins.nodeaffinity;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodeScore;
import kubelab.scheduler.framework.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class NodeAffinityTest {
    private final NodeAffinity plugin = new NodeAffinity();

    private static NodeInfo labelled(String name, String labels) {
        return new NodeInfo(node("""
                metadata: {name: %s, labels: %s}
                """.formatted(name, labels)));
    }

    private static Pod withSpec(String specLines) {
        return pod("""
                metadata: {name: p, namespace: default}
                spec:
                %s
                  containers: [{name: app, image: nginx}]
                """.formatted(specLines.indent(2).stripTrailing()));
    }

    @Test
    @DisplayName("nodeSelector disktype=ssd filters out nodes without the label")
    void nodeSelector() {
        Pod pod = withSpec("nodeSelector: {disktype: ssd}");

        assertThat(plugin.filter(new CycleState(), pod, labelled("ssd", "{disktype: ssd}")).isSuccess()).isTrue();
        Status hdd = plugin.filter(new CycleState(), pod, labelled("hdd", "{disktype: hdd}"));
        Status none = plugin.filter(new CycleState(), pod, labelled("plain", "{}"));
        assertThat(hdd.code()).isEqualTo(Status.Code.UnschedulableAndUnresolvable);
        assertThat(hdd.reasons()).containsExactly("node(s) didn't match Pod's node affinity/selector");
        assertThat(none.isRejected()).isTrue();
    }

    @Test
    @DisplayName("required node affinity: terms are ORed, expressions within a term are ANDed")
    void requiredTerms() {
        Pod pod = withSpec("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: topology.kubernetes.io/zone, operator: In, values: [antarctica-east1]}
                        - {key: disktype, operator: Exists}
                      - matchExpressions:
                        - {key: topology.kubernetes.io/zone, operator: In, values: [antarctica-west1]}
                """);

        assertThat(NodeAffinity.matchesRequired(pod,
                labelled("a", "{topology.kubernetes.io/zone: antarctica-east1, disktype: ssd}").node())).isTrue();
        assertThat(NodeAffinity.matchesRequired(pod,
                labelled("b", "{topology.kubernetes.io/zone: antarctica-east1}").node())).isFalse();
        assertThat(NodeAffinity.matchesRequired(pod,
                labelled("c", "{topology.kubernetes.io/zone: antarctica-west1}").node())).isTrue();
    }

    @Test
    @DisplayName("NotIn and DoesNotExist match nodes that lack the label; Gt compares as integers")
    void operators() {
        Pod pod = withSpec("""
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                      - matchExpressions:
                        - {key: pool, operator: NotIn, values: [spot]}
                        - {key: gpu, operator: DoesNotExist}
                        - {key: cores, operator: Gt, values: ["8"]}
                """);

        assertThat(NodeAffinity.matchesRequired(pod, labelled("a", "{cores: \"16\"}").node())).isTrue();
        assertThat(NodeAffinity.matchesRequired(pod, labelled("b", "{cores: \"4\"}").node())).isFalse();
        assertThat(NodeAffinity.matchesRequired(pod, labelled("c", "{cores: \"16\", pool: spot}").node())).isFalse();
        assertThat(NodeAffinity.matchesRequired(pod, labelled("d", "{cores: \"16\", gpu: a100}").node())).isFalse();
    }

    @Test
    @DisplayName("preferred node affinity weights become scores 0..100")
    void preferredScores() {
        Pod pod = withSpec("""
                affinity:
                  nodeAffinity:
                    preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 1
                      preference:
                        matchExpressions: [{key: label-1, operator: In, values: [key-1]}]
                    - weight: 50
                      preference:
                        matchExpressions: [{key: label-2, operator: In, values: [key-2]}]
                """);
        List<NodeInfo> nodes = List.of(labelled("both", "{label-1: key-1, label-2: key-2}"),
                labelled("heavy", "{label-2: key-2}"), labelled("light", "{label-1: key-1}"),
                labelled("neither", "{}"));
        CycleState state = new CycleState();
        assertThat(plugin.preScore(state, pod, nodes).isSuccess()).isTrue();

        List<NodeScore> raw = new ArrayList<>();
        for (NodeInfo n : nodes) {
            raw.add(new NodeScore(n.nodeName(), plugin.score(state, pod, n)));
        }

        assertThat(raw).extracting(NodeScore::score).containsExactly(51L, 50L, 1L, 0L);
        // 100 * raw / 51, integer division
        assertThat(plugin.scoreExtensions().normalizeScore(state, pod, raw)).extracting(NodeScore::score)
                .containsExactly(100L, 98L, 1L, 0L);
    }

    @Test
    @DisplayName("a pod without preferred terms skips node affinity scoring")
    void noPreferredSkips() {
        assertThat(plugin.preScore(new CycleState(), pod("web", null, null), List.of()).isSkip()).isTrue();
    }
}
