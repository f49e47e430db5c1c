package kubelab.scheduler.plugins.noderesources;

import java.util.List;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Resource;

/**
 * What the resource scoring plugins share: for each scored resource (CPU and memory by default),
 * the node's allocatable and what would be requested with the pod on it, handed to a formula.
 *
 * <p>{@code useRequested} picks the totals: BalancedAllocation uses the real requests; LeastAllocated
 * and MostAllocated use the non-zero ones (100m CPU and 200Mi memory for containers that ask for
 * nothing), so that pods without requests still count. A resource with zero allocatable is left out,
 * and so is an extended resource the pod does not request.
 *
 * <p>Real Kubernetes: {@code resourceAllocationScorer} in
 * {@code plugins/noderesources/resource_allocation.go}.
 */
public final class ResourceAllocationScorer {

    /** A resource to score and its weight, as in the plugin args' {@code resources} list. */
    public record ResourceSpec(String name, long weight) {
    }

    /** The default: CPU and memory, weight 1 each. */
    public static final List<ResourceSpec> DEFAULT_RESOURCES =
            List.of(new ResourceSpec(Resource.CPU, 1), new ResourceSpec(Resource.MEMORY, 1));

    /** A scoring formula over parallel arrays (index i is {@code resources.get(i)}). */
    @FunctionalInterface
    public interface Scorer {
        long score(long[] requested, long[] allocatable);
    }

    private final boolean useRequested;
    private final Scorer scorer;
    private final List<ResourceSpec> resources;

    public ResourceAllocationScorer(boolean useRequested, Scorer scorer, List<ResourceSpec> resources) {
        this.useRequested = useRequested;
        this.scorer = scorer;
        this.resources = List.copyOf(resources);
    }

    public List<ResourceSpec> resources() {
        return resources;
    }

    /** The node's score for a pod whose own request (computed the matching way) is {@code podRequest}. */
    public long score(NodeInfo nodeInfo, Resource podRequest) {
        long[] requested = new long[resources.size()];
        long[] allocatable = new long[resources.size()];
        Resource onNode = useRequested ? nodeInfo.requested() : nodeInfo.nonZeroRequested();
        for (int i = 0; i < resources.size(); i++) {
            String name = resources.get(i).name();
            long pod = amount(podRequest, name);
            if (pod == 0 && isScalar(name)) {
                continue; // an extended resource the pod does not use says nothing about this node
            }
            long alloc = amount(nodeInfo.allocatable(), name);
            if (alloc == 0) {
                continue;
            }
            allocatable[i] = alloc;
            requested[i] = amount(onNode, name) + pod;
        }
        return scorer.score(requested, allocatable);
    }

    static long amount(Resource r, String name) {
        return switch (name) {
            case Resource.CPU -> r.milliCPU();
            case Resource.MEMORY -> r.memory();
            case Resource.EPHEMERAL_STORAGE -> r.ephemeralStorage();
            case Resource.PODS -> r.allowedPodNumber();
            default -> r.scalar(name);
        };
    }

    private static boolean isScalar(String name) {
        return !(Resource.CPU.equals(name) || Resource.MEMORY.equals(name)
                || Resource.EPHEMERAL_STORAGE.equals(name) || Resource.PODS.equals(name));
    }
}
