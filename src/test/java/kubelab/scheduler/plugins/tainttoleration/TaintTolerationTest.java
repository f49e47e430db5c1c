package kubelab.scheduler.plugins.tainttoleration;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.core.Pod;
import kubelab.api.core.Taint;
import kubelab.api.core.Toleration;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodeScore;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.helper.Tolerations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class TaintTolerationTest {
    private final TaintToleration plugin = new TaintToleration();

    private static NodeInfo tainted(String name, String taintsYaml) {
        return new NodeInfo(node("""
                metadata: {name: %s}
                spec:
                  taints: %s
                """.formatted(name, taintsYaml)));
    }

    private static Pod tolerating(String tolerationsYaml) {
        return pod("""
                metadata: {name: p, namespace: default}
                spec:
                  tolerations: %s
                  containers: [{name: app, image: nginx}]
                """.formatted(tolerationsYaml));
    }

    @Test
    @DisplayName("a NoSchedule taint keeps out pods that do not tolerate it, and the reason names the taint")
    void noScheduleRejects() {
        NodeInfo node = tainted("batch-1", "[{key: dedicated, value: batch, effect: NoSchedule}]");

        Status status = plugin.filter(new CycleState(), pod("web", null, null), node);

        assertThat(status.code()).isEqualTo(Status.Code.UnschedulableAndUnresolvable);
        assertThat(status.reasons()).containsExactly("node(s) had untolerated taint {dedicated: batch}");
    }

    @Test
    @DisplayName("a taint without a value prints with an empty value, as on a control-plane node")
    void emptyValue() {
        NodeInfo node = tainted("cp", "[{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]");

        assertThat(plugin.filter(new CycleState(), pod("web", null, null), node).reasons())
                .containsExactly("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }");
    }

    @Test
    @DisplayName("a matching Equal toleration lets the pod in; another value does not")
    void equalToleration() {
        NodeInfo node = tainted("batch-1", "[{key: dedicated, value: batch, effect: NoSchedule}]");

        assertThat(plugin.filter(new CycleState(),
                tolerating("[{key: dedicated, operator: Equal, value: batch, effect: NoSchedule}]"), node)
                .isSuccess()).isTrue();
        assertThat(plugin.filter(new CycleState(),
                tolerating("[{key: dedicated, value: web, effect: NoSchedule}]"), node)
                .isRejected()).isTrue();
    }

    @Test
    @DisplayName("an Exists toleration with no key tolerates every taint")
    void existsWithoutKey() {
        Toleration everything = new Toleration(null, "Exists", null, null, null);

        assertThat(Tolerations.toleratesTaint(everything, Taint.of("dedicated", "batch", "NoSchedule"))).isTrue();
        assertThat(Tolerations.toleratesTaint(everything, Taint.of("node.kubernetes.io/unreachable", null,
                "NoExecute"))).isTrue();
    }

    @Test
    @DisplayName("a toleration for another effect does not tolerate the taint")
    void effectMustMatch() {
        Toleration noExecuteOnly = new Toleration("dedicated", "Exists", null, "NoExecute", null);

        assertThat(Tolerations.toleratesTaint(noExecuteOnly, Taint.of("dedicated", "batch", "NoSchedule"))).isFalse();
    }

    @Test
    @DisplayName("a NoExecute taint also keeps out pods; a PreferNoSchedule taint does not")
    void effectsAtFilterTime() {
        assertThat(plugin.filter(new CycleState(), pod("web", null, null),
                tainted("n", "[{key: node.kubernetes.io/not-ready, effect: NoExecute}]")).isRejected()).isTrue();
        assertThat(plugin.filter(new CycleState(), pod("web", null, null),
                tainted("n", "[{key: spot, value: \"true\", effect: PreferNoSchedule}]")).isSuccess()).isTrue();
    }

    @Test
    @DisplayName("PreferNoSchedule taints lower the score: fewest intolerable taints gets 100")
    void preferNoScheduleScore() {
        NodeInfo clean = tainted("clean", "[]");
        NodeInfo oneTaint = tainted("one", "[{key: spot, value: \"true\", effect: PreferNoSchedule}]");
        NodeInfo twoTaints = tainted("two", "[{key: spot, value: \"true\", effect: PreferNoSchedule},"
                + " {key: old, value: \"true\", effect: PreferNoSchedule}]");
        Pod web = pod("web", null, null);
        CycleState state = new CycleState();
        plugin.preScore(state, web, List.of(clean, oneTaint, twoTaints));

        List<NodeScore> raw = List.of(
                new NodeScore("clean", plugin.score(state, web, clean)),
                new NodeScore("one", plugin.score(state, web, oneTaint)),
                new NodeScore("two", plugin.score(state, web, twoTaints)));

        assertThat(raw).extracting(NodeScore::score).containsExactly(0L, 1L, 2L);
        assertThat(plugin.scoreExtensions().normalizeScore(state, web, raw))
                .containsExactly(new NodeScore("clean", 100), new NodeScore("one", 50), new NodeScore("two", 0));
    }

    @Test
    @DisplayName("a toleration without an effect also tolerates PreferNoSchedule taints when scoring")
    void toleratedPreferNoSchedule() {
        NodeInfo spot = tainted("spot", "[{key: spot, value: \"true\", effect: PreferNoSchedule}]");

        assertThat(plugin.score(new CycleState(), tolerating("[{key: spot, operator: Exists}]"), spot)).isZero();
    }
}
