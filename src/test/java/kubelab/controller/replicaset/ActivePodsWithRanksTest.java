package kubelab.controller.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("chapter1")
@DisplayName("Which pod a ReplicaSet deletes first")
class ActivePodsWithRanksTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Pod pod(String name, String node, String phase, boolean ready, long createdSecond) {
        Pod pod = Pod.of("default", name, PodSpec.of(Container.of("app", "nginx")));
        pod = pod.withMetadata(pod.metadata().withCreationTimestamp(T0.plusSeconds(createdSecond)));
        if (node != null) {
            pod = pod.withSpec(pod.spec().withNodeName(node));
        }
        return pod.withStatus(PodStatus.empty().withPhase(phase).withCondition(PodCondition.of(PodConditionType.READY,
                ready ? ConditionStatus.TRUE : ConditionStatus.FALSE, T0)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unscheduled before scheduled",
                        pod("first", null, PodPhase.PENDING, false, 0), pod("second", "n1", PodPhase.PENDING, false, 0)),
                Arguments.of("Pending before Running",
                        pod("first", "n1", PodPhase.PENDING, false, 0), pod("second", "n2", PodPhase.RUNNING, false, 9)),
                Arguments.of("Unknown before Running",
                        pod("first", "n1", PodPhase.UNKNOWN, false, 0), pod("second", "n2", PodPhase.RUNNING, false, 9)),
                Arguments.of("not ready before ready",
                        pod("first", "n1", PodPhase.RUNNING, false, 0), pod("second", "n2", PodPhase.RUNNING, true, 9)),
                Arguments.of("lower pod-deletion-cost before higher",
                        withCost(pod("first", "n1", PodPhase.RUNNING, true, 0), "-5"),
                        pod("second", "n2", PodPhase.RUNNING, true, 9)),
                Arguments.of("newer before older",
                        pod("first", "n1", PodPhase.RUNNING, true, 9), pod("second", "n2", PodPhase.RUNNING, true, 0)));
    }

    private static Pod withCost(Pod pod, String cost) {
        return pod.withMetadata(pod.metadata().withAnnotation(ActivePodsWithRanks.POD_DELETION_COST, cost));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("of two pods, the less valuable one is deleted first")
    void ranks(String rule, Pod first, Pod second) {
        for (List<Pod> pods : List.of(List.of(first, second), List.of(second, first))) {
            assertThat(ActivePodsWithRanks.getPodsToDelete(pods, pods, 1)).extracting(Pod::name).containsExactly("first");
        }
    }

    @Test
    @DisplayName("a pod doubled up on a node goes before a pod alone on its node, all else equal")
    void doubledUpFirst() {
        Pod alone = pod("alone", "n1", PodPhase.RUNNING, true, 0);
        Pod crowded = pod("crowded", "n2", PodPhase.RUNNING, true, 0);
        Pod neighbour = pod("neighbour", "n2", PodPhase.RUNNING, true, 0);
        List<Pod> pods = List.of(alone, crowded);
        assertThat(ActivePodsWithRanks.getPodsToDelete(pods, List.of(alone, crowded, neighbour), 1))
                .extracting(Pod::name).containsExactly("crowded");
    }
}
