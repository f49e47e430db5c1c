package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.meta.ObjectMeta;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.ListOptions;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Deterministic replay")
class DeterministicReplayTest {

    /** A small scenario: pods with generated names, updates over virtual time; returns its event log. */
    private static List<String> run(long seed) {
        SimulatedLoop loop = new SimulatedLoop(seed);
        ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
        List<String> log = new ArrayList<>();
        api.watch(Pod.class, null, ListOptions.ALL, loop, e -> log.add(loop.now() + " " + e.type() + " "
                + e.object().metadata().name() + " uid=" + e.object().metadata().uid() + " rv=" + e.resourceVersion()));
        for (int i = 0; i < 5; i++) {
            Pod p = Pod.of(new ObjectMeta(null, "web-", "default", null, null, null, null, null, null, null, null, null, null),
                    PodSpec.of(Container.of("app", "nginx:1.14.2")));
            Pod created = api.create(p);
            loop.advance(Duration.ofSeconds(1 + loop.random().nextInt(5)));
            api.updateStatus(created.withStatus(created.status().withPhase("Running")));
        }
        loop.settle();
        return log;
    }

    @Test
    @DisplayName("the same seed gives the same run, event for event: names, uids, times and resourceVersions")
    void sameSeedSameRun() {
        List<String> first = run(42);

        assertThat(first).hasSize(10);
        assertThat(run(42)).isEqualTo(first);
    }

    @Test
    @DisplayName("another seed gives other names and uids")
    void otherSeed() {
        assertThat(run(43)).isNotEqualTo(run(42));
    }
}
