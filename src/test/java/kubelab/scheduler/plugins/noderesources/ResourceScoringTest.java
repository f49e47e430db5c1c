package kubelab.scheduler.plugins.noderesources;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.PreScorePlugin;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.plugins.noderesources.Fit.ScoringStrategyType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ResourceScoringTest {

    private static long score(ScorePlugin plugin, Pod pod, NodeInfo node) {
        CycleState state = new CycleState();
        ((PreScorePlugin) plugin).preScore(state, pod, List.of(node));
        return plugin.score(state, pod, node);
    }

    @Test
    @DisplayName("least allocated prefers the emptier node: (allocatable - requested) * 100 / allocatable")
    void leastAllocatedPrefersEmptier() {
        Pod pod = pod("new", "1", "2Gi");
        NodeInfo empty = new NodeInfo(node("empty", "4", "8Gi", 110));
        NodeInfo busy = NodeInfo.of(node("busy", "4", "8Gi", 110), pod("old", "2", "4Gi"));

        // empty: cpu (4000-1000)*100/4000 = 75, memory (8-2)*100/8 = 75 -> 75
        // busy:  cpu (4000-3000)*100/4000 = 25, memory (8-6)*100/8 = 25 -> 25
        assertThat(score(new Fit(), pod, empty)).isEqualTo(75);
        assertThat(score(new Fit(), pod, busy)).isEqualTo(25);
    }

    @Test
    @DisplayName("least allocated averages cpu and memory with weight 1 each, in integer arithmetic")
    void leastAllocatedAverages() {
        // cpu (4000-1000)*100/4000 = 75; memory (8Gi-6Gi)*100/8Gi = 25; (75 + 25) / 2 = 50
        assertThat(score(new Fit(), pod("new", "1", "6Gi"), new NodeInfo(node("n", "4", "8Gi", 110)))).isEqualTo(50);
        assertThat(ScoringFunctions.leastRequestedScore(1, 3)).isEqualTo(66);
    }

    @Test
    @DisplayName("a pod without requests is scored as if it asked for 100m CPU and 200Mi memory")
    void nonZeroForScoring() {
        // cpu (1000-100)*100/1000 = 90; memory (1000Mi-200Mi)*100/1000Mi = 80; -> 85
        assertThat(score(new Fit(), pod("besteffort", null, null), new NodeInfo(node("n", "1", "1000Mi", 110))))
                .isEqualTo(85);
    }

    @Test
    @DisplayName("most allocated prefers the fuller node")
    void mostAllocatedPrefersFuller() {
        Fit packing = new Fit(ScoringStrategyType.MostAllocated, ResourceAllocationScorer.DEFAULT_RESOURCES);
        Pod pod = pod("new", "1", "2Gi");

        assertThat(score(packing, pod, new NodeInfo(node("empty", "4", "8Gi", 110)))).isEqualTo(25);
        assertThat(score(packing, pod, NodeInfo.of(node("busy", "4", "8Gi", 110), pod("old", "2", "4Gi"))))
                .isEqualTo(75);
    }

    @Test
    @DisplayName("balanced allocation scores (1 - standard deviation of the used fractions) * 100")
    void balancedAllocation() {
        Pod pod = pod("new", "1", "1Gi");
        NodeInfo uneven = new NodeInfo(node("uneven", "4", "8Gi", 110));
        NodeInfo even = NodeInfo.of(node("even", "4", "8Gi", 110), pod("old", null, "1Gi"));

        // uneven: cpu 1/4 = 0.25, memory 1/8 = 0.125, std = 0.0625 -> 93
        // even:   cpu 1/4 = 0.25, memory 2/8 = 0.25,  std = 0      -> 100
        assertThat(score(new BalancedAllocation(), pod, uneven)).isEqualTo(93);
        assertThat(score(new BalancedAllocation(), pod, even)).isEqualTo(100);
    }

    @Test
    @DisplayName("balanced allocation skips best-effort pods, which request nothing")
    void balancedSkipsBestEffort() {
        NodeInfo node = new NodeInfo(node("n", "4", "8Gi", 110));

        assertThat(new BalancedAllocation().preScore(new CycleState(), pod("besteffort", null, null), List.of(node))
                .isSkip()).isTrue();
    }

    @Test
    @DisplayName("balanced allocation with three resources uses the full standard deviation")
    void balancedThreeResources() {
        // fractions 0, 0.5, 1: mean 0.5, variance (0.25 + 0 + 0.25) / 3, std 0.408 -> 59
        assertThat(ScoringFunctions.balancedResourceScore(new long[] {0, 5, 10}, new long[] {10, 10, 10}))
                .isEqualTo(59);
    }
}
