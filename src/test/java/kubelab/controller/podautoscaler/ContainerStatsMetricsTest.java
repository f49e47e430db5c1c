package kubelab.controller.podautoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodStatus;
import kubelab.api.labels.Selector;
import kubelab.api.meta.ObjectMeta;
import kubelab.client.Indexer;
import kubelab.client.Lister;
import kubelab.runtime.cri.ContainerStats;
import kubelab.runtime.cri.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Pod CPU usage from the runtime's container stats")
class ContainerStatsMetricsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:05:00Z");

    /** A runtime whose only answer is: every container uses 0.15 cores. */
    private static RuntimeService runtime() {
        return (RuntimeService) Proxy.newProxyInstance(RuntimeService.class.getClassLoader(),
                new Class<?>[] {RuntimeService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("containerStats")) {
                        return new ContainerStats((String) args[0], T, 150_000_000L, 0);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Pod pod(String name, String phase, String... containerIds) {
        List<ContainerStatus> statuses = java.util.Arrays.stream(containerIds)
                .map(id -> new ContainerStatus("c-" + id, null, null, true, 0, "nginx", null, id, true, null, null, null,
                        null, null, null)).toList();
        return Pod.of(ObjectMeta.of("default", name).withLabels(Map.of("app", "web")),
                        PodSpec.of(Container.of("c", "nginx")).withNodeName("node-1"))
                .withStatus(PodStatus.empty().withPhase(phase).withContainerStatuses(statuses));
    }

    @Test
    @DisplayName("a running pod's containers' nano-cores are summed into millicores; pods not running are left out")
    void sumsContainers() {
        Indexer<Pod> pods = Indexer.namespaced();
        pods.add(pod("two", PodPhase.RUNNING, "sim://a", "sim://b"));
        pods.add(pod("pending", PodPhase.PENDING));
        var lister = new ContainerStatsMetrics(new Lister<>(pods), node -> runtime());

        List<PodMetric> usage = lister.cpuUsage("default", Selector.fromSet(Map.of("app", "web")));
        assertThat(usage).singleElement().satisfies(m -> {
            assertThat(m.podName()).isEqualTo("two");
            assertThat(m.milliValue()).isEqualTo(300);
            assertThat(m.timestamp()).isEqualTo(T);
        });
    }
}
