package kubelab.apiserver.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.core.Toleration;
import kubelab.apiserver.ApiServer;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The DefaultTolerationSeconds admission plug-in")
class DefaultTolerationSecondsTest {
    private final SimulatedLoop loop = new SimulatedLoop(1);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);

    private Pod create(List<Toleration> tolerations) {
        Pod pod = Pod.of("default", "web", PodSpec.of(Container.of("web", "nginx")).withTolerations(tolerations));
        return api.create(pod);
    }

    @Test
    @DisplayName("a new pod tolerates not-ready and unreachable nodes for 300 seconds")
    void addsBothTolerations() {
        assertThat(create(List.of()).spec().tolerations()).containsExactly(
                new Toleration("node.kubernetes.io/not-ready", "Exists", null, "NoExecute", 300L),
                new Toleration("node.kubernetes.io/unreachable", "Exists", null, "NoExecute", 300L));
    }

    @Test
    @DisplayName("a pod that already says how long it tolerates a taint keeps its own toleration")
    void keepsThePodsOwn() {
        Toleration own = new Toleration("node.kubernetes.io/unreachable", "Exists", null, "NoExecute", 6000L);
        assertThat(create(List.of(own)).spec().tolerations()).containsExactly(own,
                new Toleration("node.kubernetes.io/not-ready", "Exists", null, "NoExecute", 300L));
    }

    @Test
    @DisplayName("a toleration of every taint (empty key, operator Exists) covers both")
    void emptyKeyCoversAll() {
        Toleration everything = new Toleration(null, "Exists", null, null, null);
        assertThat(create(List.of(everything)).spec().tolerations()).containsExactly(everything);
    }
}
