package kubelab.controller.podautoscaler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodStatus;
import kubelab.api.core.ResourceRequirements;
import kubelab.api.labels.Selector;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.resource.Quantity;
import kubelab.client.Indexer;
import kubelab.client.Lister;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The HPA's replica calculator")
class ReplicaCalculatorTest {
    private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
    private static final Selector SELECTOR = Selector.fromSet(Map.of("app", "web"));
    private static final ReplicaCalculator.Tolerances TOLERANCE = ReplicaCalculator.Tolerances.DEFAULT;

    private final Indexer<Pod> pods = Indexer.namespaced();
    private final List<PodMetric> samples = new ArrayList<>();
    private final ReplicaCalculator calculator = new ReplicaCalculator((ns, sel) -> List.copyOf(samples),
            new Lister<>(pods), () -> NOW);

    /** A pod requesting 200m, started {@code startedAgo} ago, Ready (or not) since {@code readySinceAgo} ago. */
    private void pod(String name, boolean ready, Duration startedAgo, Duration readySinceAgo, Long usage) {
        Container c = Container.of("app", "nginx")
                .withResources(ResourceRequirements.of(Map.of("cpu", Quantity.of("200m")), null));
        PodStatus status = PodStatus.empty().withPhase(PodPhase.RUNNING).withStartTime(NOW.minus(startedAgo))
                .withCondition(PodCondition.of(PodConditionType.READY, ready ? ConditionStatus.TRUE : ConditionStatus.FALSE,
                        NOW.minus(readySinceAgo)));
        pods.add(Pod.of(ObjectMeta.of("default", name).withLabels(Map.of("app", "web")), PodSpec.of(c)).withStatus(status));
        if (usage != null) {
            samples.add(new PodMetric(name, usage, NOW, Duration.ofSeconds(15)));
        }
    }

    private void readyPod(String name, long usage) {
        pod(name, true, Duration.ofMinutes(10), Duration.ofMinutes(10), usage);
    }

    private int replicas(int current) {
        return calculator.getResourceReplicas(current, 50, "cpu", "default", SELECTOR, TOLERANCE).replicas();
    }

    @Test
    @DisplayName("desired = ceil(current × utilization / target): 2 pods at 90% of a 50% target want 4")
    void formula() {
        readyPod("a", 180);
        readyPod("b", 180);
        ReplicaCalculator.Proposal p = calculator.getResourceReplicas(2, 50, "cpu", "default", SELECTOR, TOLERANCE);
        assertThat(p.replicas()).isEqualTo(4);
        assertThat(p.utilization()).isEqualTo(90);
        assertThat(p.rawUtilization()).isEqualTo(180);
    }

    @Test
    @DisplayName("a ratio within 0.1 of 1 changes nothing (54% and 46% of 50%), just outside it does (56%)")
    void tolerance() {
        readyPod("a", 108);
        assertThat(replicas(1)).isEqualTo(1);
        pods.delete(pods.list().get(0));
        samples.clear();
        readyPod("a", 92);
        assertThat(replicas(1)).isEqualTo(1);
        samples.clear();
        readyPod("a", 112);
        assertThat(replicas(1)).isEqualTo(2);
    }

    @Test
    @DisplayName("an unready pod counts as 0% on a scale-up: two pods at 60% and one unready stay at 3")
    void unreadyPodsDampenScaleUp() {
        readyPod("a", 120);
        readyPod("b", 120);
        pod("c", false, Duration.ofMinutes(1), Duration.ofMinutes(1), 150L);
        assertThat(replicas(3)).as("without the unready pod the formula would ask ceil(1.2 × 2) = 3, then more").isEqualTo(3);
    }

    @Test
    @DisplayName("a pod that became ready less than one sample window ago is not trusted yet")
    void freshlyReadyPodIgnored() {
        readyPod("a", 100);
        pod("b", true, Duration.ofSeconds(20), Duration.ofSeconds(5), 400L); // start-up burst
        assertThat(replicas(2)).isEqualTo(2); // a alone: 50% of 50%, and b at 0% would only lower it
    }

    @Test
    @DisplayName("pods without a sample count as 100% of their request on a scale-down")
    void missingOnScaleDown() {
        readyPod("a", 20);
        readyPod("b", 20);
        pod("c", true, Duration.ofMinutes(10), Duration.ofMinutes(10), null);
        pod("d", true, Duration.ofMinutes(10), Duration.ofMinutes(10), null);
        assertThat(replicas(4)).as("naively ceil(0.2 × 2) = 1; with c and d at 100% it would reverse, so 4").isEqualTo(4);
    }

    @Test
    @DisplayName("an AverageValue target divides the average usage by the target value")
    void averageValue() {
        readyPod("a", 150);
        readyPod("b", 150);
        ReplicaCalculator.Proposal p = calculator.getRawResourceReplicas(2, 100, "cpu", "default", SELECTOR, TOLERANCE);
        assertThat(p.replicas()).isEqualTo(3);
        assertThat(p.rawUtilization()).isEqualTo(150);
    }

    @Test
    @DisplayName("a container without a cpu request makes utilization impossible, as Kubernetes reports")
    void missingRequest() {
        pods.add(Pod.of(ObjectMeta.of("default", "bare").withLabels(Map.of("app", "web")),
                PodSpec.of(Container.of("app", "nginx"))).withStatus(PodStatus.empty().withPhase(PodPhase.RUNNING)));
        samples.add(new PodMetric("bare", 100, NOW, Duration.ofSeconds(15)));
        assertThatThrownBy(() -> replicas(1)).hasMessage("missing request for cpu in container app of Pod bare");
    }

    @Test
    @DisplayName("no samples at all: the metrics API returned nothing")
    void noSamples() {
        pod("a", true, Duration.ofMinutes(10), Duration.ofMinutes(10), null);
        assertThatThrownBy(() -> replicas(1))
                .hasMessage("unable to get metrics for resource cpu: no metrics returned from resource metrics API");
    }
}
