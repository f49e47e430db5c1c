package kubelab.scheduler.plugins.noderesources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.PodRequests;
import kubelab.scheduler.framework.PreFilterPlugin;
import kubelab.scheduler.framework.PreScorePlugin;
import kubelab.scheduler.framework.Resource;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.Names;
import kubelab.scheduler.plugins.noderesources.ResourceAllocationScorer.ResourceSpec;

/**
 * NodeResourcesFit: does the node have room for the pod's requests, and how good a fit is it.
 *
 * <p>Filter, in Kubernetes' order: 1. one more pod must not exceed the node's {@code pods}
 * allocatable ("Too many pods"); 2. then, if the pod requests anything, each of CPU, memory,
 * ephemeral storage and every extended resource must fit in allocatable minus what the node's pods
 * already request ("Insufficient cpu", ...). Every shortage is reported, not just the first.
 * Limits play no part: scheduling is by requests.
 *
 * <p>Score: LeastAllocated by default (emptier nodes score higher), or MostAllocated; CPU and
 * memory weigh 1 each unless configured.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/noderesources/fit.go}.
 */
public final class Fit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    public static final String NAME = Names.NODE_RESOURCES_FIT;
    public static final String REASON_TOO_MANY_PODS = "Too many pods";
    /** Followed by the resource name: {@code Insufficient cpu}, {@code Insufficient nvidia.com/gpu}. */
    public static final String REASON_INSUFFICIENT_PREFIX = "Insufficient ";
    public static final String REASON_INSUFFICIENT_CPU = REASON_INSUFFICIENT_PREFIX + Resource.CPU;
    public static final String REASON_INSUFFICIENT_MEMORY = REASON_INSUFFICIENT_PREFIX + Resource.MEMORY;
    public static final String REASON_INSUFFICIENT_EPHEMERAL_STORAGE =
            REASON_INSUFFICIENT_PREFIX + Resource.EPHEMERAL_STORAGE;
    static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;
    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

    /** The scoring strategies of {@code NodeResourcesFitArgs.scoringStrategy.type}. */
    public enum ScoringStrategyType { LeastAllocated, MostAllocated }

    /** The pod's effective request, computed once per cycle. */
    record PreFilterState(Resource podRequest) {
    }

    /** The pod's non-zero request, for scoring. */
    record PreScoreState(Resource podRequest) {
    }

    private final ResourceAllocationScorer scorer;

    /** The default: LeastAllocated over CPU and memory, weight 1 each. */
    public Fit() {
        this(ScoringStrategyType.LeastAllocated, ResourceAllocationScorer.DEFAULT_RESOURCES);
    }

    public Fit(ScoringStrategyType strategy, List<ResourceSpec> resources) {
        ResourceAllocationScorer.Scorer formula = strategy == ScoringStrategyType.MostAllocated
                ? ScoringFunctions.mostAllocated(resources)
                : ScoringFunctions.leastAllocated(resources);
        this.scorer = new ResourceAllocationScorer(false, formula, resources);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, List<NodeInfo> nodes) {
        state.write(PRE_FILTER_STATE_KEY, new PreFilterState(PodRequests.of(pod)));
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
        // Kubernetes returns an Error when PreFilter did not run; here the request is computed
        // instead, so that the filter can be called on its own.
        Resource request = state.read(PRE_FILTER_STATE_KEY, PreFilterState.class)
                .map(PreFilterState::podRequest)
                .orElseGet(() -> PodRequests.of(pod));
        List<InsufficientResource> insufficient = fitsRequest(request, nodeInfo);
        if (insufficient.isEmpty()) {
            return Status.success();
        }
        boolean unresolvable = insufficient.stream().anyMatch(InsufficientResource::unresolvable);
        String[] reasons = insufficient.stream().map(InsufficientResource::reason).toArray(String[]::new);
        Status.Code code = unresolvable ? Status.Code.UnschedulableAndUnresolvable : Status.Code.Unschedulable;
        return Status.of(code, reasons).withPlugin(NAME);
    }

    /** The resources the node lacks for the pod; empty when it fits. */
    public static List<InsufficientResource> fits(Pod pod, NodeInfo nodeInfo) {
        return fitsRequest(PodRequests.of(pod), nodeInfo);
    }

    static List<InsufficientResource> fitsRequest(Resource request, NodeInfo nodeInfo) {
        List<InsufficientResource> out = new ArrayList<>();
        Resource alloc = nodeInfo.allocatable();
        Resource used = nodeInfo.requested();
        // 1. The pod count, checked even for pods that request nothing.
        if (nodeInfo.podCount() + 1 > alloc.allowedPodNumber()) {
            out.add(new InsufficientResource(Resource.PODS, REASON_TOO_MANY_PODS, 1, nodeInfo.podCount(),
                    alloc.allowedPodNumber(), false));
        }
        if (request.isZero()) {
            return out;
        }
        // 2. Each requested resource against what is left.
        check(out, Resource.CPU, REASON_INSUFFICIENT_CPU, request.milliCPU(), used.milliCPU(), alloc.milliCPU());
        check(out, Resource.MEMORY, REASON_INSUFFICIENT_MEMORY, request.memory(), used.memory(), alloc.memory());
        check(out, Resource.EPHEMERAL_STORAGE, REASON_INSUFFICIENT_EPHEMERAL_STORAGE,
                request.ephemeralStorage(), used.ephemeralStorage(), alloc.ephemeralStorage());
        for (Map.Entry<String, Long> e : request.scalarResources().entrySet()) {
            String name = e.getKey();
            check(out, name, REASON_INSUFFICIENT_PREFIX + name, e.getValue(), used.scalar(name), alloc.scalar(name));
        }
        return out;
    }

    private static void check(List<InsufficientResource> out, String name, String reason, long requested,
                              long used, long capacity) {
        if (requested > 0 && requested > capacity - used) {
            out.add(new InsufficientResource(name, reason, requested, used, capacity, requested > capacity));
        }
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
        state.write(PRE_SCORE_STATE_KEY, new PreScoreState(PodRequests.nonZero(pod)));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo nodeInfo) {
        Resource request = state.read(PRE_SCORE_STATE_KEY, PreScoreState.class)
                .map(PreScoreState::podRequest)
                .orElseGet(() -> PodRequests.nonZero(pod));
        return scorer.score(nodeInfo, request);
    }
}
