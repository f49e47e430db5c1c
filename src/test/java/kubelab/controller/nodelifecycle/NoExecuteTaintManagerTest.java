package kubelab.controller.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.core.Taint;
import kubelab.api.core.TaintEffect;
import kubelab.api.core.Toleration;
import kubelab.api.core.TolerationOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("When the NoExecute taint manager evicts a pod")
class NoExecuteTaintManagerTest {
    private static final Instant ADDED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = ADDED.plusSeconds(10);
    private static final Taint UNREACHABLE = new Taint(NodeLifecycleController.TAINT_NODE_UNREACHABLE, null,
            TaintEffect.NO_EXECUTE, ADDED);

    private static Toleration unreachableFor(Long seconds) {
        return new Toleration(NodeLifecycleController.TAINT_NODE_UNREACHABLE, TolerationOperator.EXISTS, null,
                TaintEffect.NO_EXECUTE, seconds);
    }

    @Test
    @DisplayName("a taint no toleration matches means now")
    void untoleratedIsNow() {
        Toleration other = new Toleration("dedicated", TolerationOperator.EXISTS, null, TaintEffect.NO_EXECUTE, 300L);
        assertThat(NoExecuteTaintManager.evictionTime(List.of(UNREACHABLE), List.of(other), NOW)).isEqualTo(NOW);
    }

    @Test
    @DisplayName("tolerationSeconds count from the taint's timeAdded, and the shortest matching one wins")
    void shortestFromTimeAdded() {
        assertThat(NoExecuteTaintManager.evictionTime(List.of(UNREACHABLE),
                List.of(unreachableFor(300L), unreachableFor(60L)), NOW)).isEqualTo(ADDED.plusSeconds(60));
    }

    @Test
    @DisplayName("a toleration without tolerationSeconds tolerates for ever")
    void forever() {
        assertThat(NoExecuteTaintManager.evictionTime(List.of(UNREACHABLE), List.of(unreachableFor(null)), NOW))
                .isNull();
    }

    @Test
    @DisplayName("no NoExecute taint means no eviction")
    void noTaint() {
        assertThat(NoExecuteTaintManager.evictionTime(List.of(), List.of(), NOW)).isNull();
    }

    @Test
    @DisplayName("a pod on a node is indexed under its node's name, an unscheduled pod under none")
    void nodeNameIndex() {
        Pod pod = Pod.of("default", "web", PodSpec.of(Container.of("web", "nginx")));
        assertThat(NoExecuteTaintManager.nodeNameIndex().apply(pod)).isEmpty();
        assertThat(NoExecuteTaintManager.nodeNameIndex().apply(pod.withSpec(pod.spec().withNodeName("node-1"))))
                .containsExactly("node-1");
    }
}
