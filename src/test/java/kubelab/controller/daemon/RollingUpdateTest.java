package kubelab.controller.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.api.apps.AppsV1;
import kubelab.api.apps.DaemonSet;
import kubelab.api.apps.DaemonSetSpec;
import kubelab.api.apps.DaemonSetUpdateStrategy;
import kubelab.api.apps.RollingUpdateDaemonSet;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Container;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodStatus;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.LabelSelector;
import kubelab.api.meta.ObjectMeta;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("A DaemonSet rolling update step")
class RollingUpdateTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

    private static DaemonSet ds(IntOrString maxUnavailable, IntOrString maxSurge) {
        PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named(null).withLabels(Map.of("app", "agent")),
                PodSpec.of(Container.of("agent", "busybox")));
        DaemonSetSpec spec = new DaemonSetSpec(LabelSelector.matching(Map.of("app", "agent")), template,
                new DaemonSetUpdateStrategy(DaemonSetUpdateStrategy.ROLLING_UPDATE,
                        new RollingUpdateDaemonSet(maxUnavailable, maxSurge)), null, null);
        return new DaemonSet(null, null, ObjectMeta.of("default", "agent").withUid("ds-uid").withGeneration(2L), spec, null);
    }

    private static Pod pod(String name, String hash, boolean ready) {
        PodStatus status = PodStatus.empty().withPhase(PodPhase.RUNNING).withCondition(PodCondition.of(
                PodConditionType.READY, ready ? ConditionStatus.TRUE : ConditionStatus.FALSE, NOW.minusSeconds(60)));
        return Pod.of(ObjectMeta.of("default", name).withLabels(Map.of(AppsV1.CONTROLLER_REVISION_HASH_LABEL_KEY, hash)),
                PodSpec.of(Container.of("agent", "busybox"))).withStatus(status);
    }

    private static RollingUpdate.Plan plan(DaemonSet ds, Map<String, List<Pod>> pods) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        pods.keySet().forEach(n -> nodes.put(n, Node.named(n)));
        return RollingUpdate.rollingUpdate(ds, pods, nodes, new NodeShouldRunDaemonPod(ds), "new", NOW);
    }

    @Test
    @DisplayName("maxUnavailable 1: of three up-to-date-able nodes, one old pod is deleted")
    void oneAtATime() {
        Map<String, List<Pod>> pods = new TreeMap<>(Map.of("n1", List.of(pod("a", "old", true)),
                "n2", List.of(pod("b", "old", true)), "n3", List.of(pod("c", "old", true))));
        RollingUpdate.Plan p = plan(ds(IntOrString.of(1), IntOrString.of(0)), pods);
        assertThat(p.oldPodsToDelete()).containsExactly("a");
        assertThat(p.newNodesToCreate()).isEmpty();
    }

    @Test
    @DisplayName("while a new pod is not yet ready, no further old pod is deleted; an unavailable old pod is replaced anyway")
    void waitsForAvailability() {
        Map<String, List<Pod>> pods = new TreeMap<>(Map.of("n1", List.of(pod("a2", "new", false)),
                "n2", List.of(pod("b", "old", true)), "n3", List.of(pod("c", "old", false))));
        RollingUpdate.Plan p = plan(ds(IntOrString.of(1), IntOrString.of(0)), pods);
        assertThat(p.oldPodsToDelete()).containsExactly("c");
    }

    @Test
    @DisplayName("maxUnavailable 50% of 4 nodes allows two deletions at once")
    void percentage() {
        Map<String, List<Pod>> pods = new TreeMap<>();
        for (String n : List.of("n1", "n2", "n3", "n4")) {
            pods.put(n, List.of(pod("p-" + n, "old", true)));
        }
        assertThat(plan(ds(IntOrString.of("50%"), IntOrString.of(0)), pods).oldPodsToDelete()).hasSize(2);
    }

    @Test
    @DisplayName("maxSurge 1: a new pod starts beside the old one, which goes once the new one is available")
    void surge() {
        DaemonSet ds = ds(IntOrString.of(0), IntOrString.of(1));
        Map<String, List<Pod>> pods = new TreeMap<>(Map.of("n1", List.of(pod("a", "old", true)),
                "n2", List.of(pod("b", "old", true))));
        RollingUpdate.Plan first = plan(ds, pods);
        assertThat(first.newNodesToCreate()).containsExactly("n1");
        assertThat(first.oldPodsToDelete()).isEmpty();

        pods.put("n1", List.of(pod("a", "old", true), pod("a2", "new", false)));
        RollingUpdate.Plan waiting = plan(ds, pods);
        assertThat(waiting.newNodesToCreate()).isEmpty();
        assertThat(waiting.oldPodsToDelete()).isEmpty();

        pods.put("n1", List.of(pod("a", "old", true), pod("a2", "new", true)));
        RollingUpdate.Plan done = plan(ds, pods);
        assertThat(done.oldPodsToDelete()).containsExactly("a");
        assertThat(done.newNodesToCreate()).containsExactly("n2");
    }
}
