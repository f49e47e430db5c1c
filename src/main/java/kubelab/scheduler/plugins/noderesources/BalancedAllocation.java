package kubelab.scheduler.plugins.noderesources;

import java.util.List;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.PodRequests;
import kubelab.scheduler.framework.PreScorePlugin;
import kubelab.scheduler.framework.Resource;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.Names;
import kubelab.scheduler.plugins.noderesources.ResourceAllocationScorer.ResourceSpec;

/**
 * NodeResourcesBalancedAllocation: prefers the node where, with the pod placed, CPU and memory are
 * used in the most similar proportions, so that neither runs out while the other sits idle.
 * Score {@code = (1 - standard deviation of the used fractions) * 100}; it uses the pods' real
 * requests (no 100m/200Mi defaults). Meant to be combined with LeastAllocated, as in the default
 * profile. Pods that request none of the scored resources (BestEffort) skip it: every node would
 * look equally balanced for them, and they would pile onto the same node (Kubernetes issue 129138).
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go}.
 */
public final class BalancedAllocation implements PreScorePlugin, ScorePlugin {
    public static final String NAME = Names.NODE_RESOURCES_BALANCED_ALLOCATION;
    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

    record PreScoreState(Resource podRequest) {
    }

    private final ResourceAllocationScorer scorer;

    public BalancedAllocation() {
        this(ResourceAllocationScorer.DEFAULT_RESOURCES);
    }

    public BalancedAllocation(List<ResourceSpec> resources) {
        this.scorer = new ResourceAllocationScorer(true, ScoringFunctions::balancedResourceScore, resources);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
        Resource request = PodRequests.of(pod);
        boolean bestEffort = scorer.resources().stream()
                .allMatch(r -> ResourceAllocationScorer.amount(request, r.name()) == 0);
        if (bestEffort) {
            return Status.of(Status.Code.Skip).withPlugin(NAME);
        }
        state.write(PRE_SCORE_STATE_KEY, new PreScoreState(request));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo nodeInfo) {
        Resource request = state.read(PRE_SCORE_STATE_KEY, PreScoreState.class)
                .map(PreScoreState::podRequest)
                .orElseGet(() -> PodRequests.of(pod));
        return scorer.score(nodeInfo, request);
    }
}
