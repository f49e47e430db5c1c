package kubelab.scheduler.plugins.interpodaffinity;

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
@DisplayName("InterPodAffinity scoring")
class InterPodAffinityScoringTest {
    private final InterPodAffinity plugin = new InterPodAffinity();

    private static NodeInfo host(String name, Pod... pods) {
        return NodeInfo.of(node("""
                metadata: {name: %s, labels: {kubernetes.io/hostname: %s}}
                """.formatted(name, name)), pods);
    }

    private static Pod labelled(String name, String app) {
        return pod("""
                metadata: {name: %s, namespace: default, labels: {app: %s}}
                spec: {containers: [{name: c, image: nginx}]}
                """.formatted(name, app));
    }

    private static Pod preferring(String kind, String app) {
        return pod("""
                metadata: {name: web, namespace: default, labels: {app: web}}
                spec:
                  affinity:
                    %s:
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: 50
                        podAffinityTerm:
                          labelSelector: {matchLabels: {app: %s}}
                          topologyKey: kubernetes.io/hostname
                  containers: [{name: c, image: nginx}]
                """.formatted(kind, app));
    }

    private List<Long> scores(Pod pod, List<NodeInfo> nodes) {
        CycleState state = new CycleState();
        plugin.preScore(state, pod, nodes);
        List<NodeScore> raw = new ArrayList<>();
        nodes.forEach(n -> raw.add(new NodeScore(n.nodeName(), plugin.score(state, pod, n))));
        return plugin.normalizeScore(state, pod, raw).stream().map(NodeScore::score).toList();
    }

    @Test
    @DisplayName("preferred pod affinity favours the node running the pods it names")
    void preferredAffinity() {
        List<NodeInfo> nodes = List.of(host("node-1"), host("node-2", labelled("db-0", "db")));
        assertThat(scores(preferring("podAffinity", "db"), nodes)).containsExactly(0L, 100L);
    }

    @Test
    @DisplayName("preferred pod anti-affinity favours the nodes without them")
    void preferredAntiAffinity() {
        List<NodeInfo> nodes = List.of(host("node-1"), host("node-2", labelled("db-0", "db")));
        assertThat(scores(preferring("podAntiAffinity", "db"), nodes)).containsExactly(100L, 0L);
    }

    @Test
    @DisplayName("an existing pod's preferred anti-affinity pushes the incoming pod away too")
    void existingPodsTerms() {
        Pod loner = preferring("podAntiAffinity", "web");
        loner = loner.withMetadata(loner.metadata().withName("loner").withLabels(java.util.Map.of("app", "loner")));
        List<NodeInfo> nodes = List.of(host("node-1", loner), host("node-2"));
        assertThat(scores(labelled("web-1", "web"), nodes)).containsExactly(0L, 100L);
    }
}
