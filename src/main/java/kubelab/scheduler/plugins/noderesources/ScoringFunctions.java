package kubelab.scheduler.plugins.noderesources;

import java.util.List;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.plugins.noderesources.ResourceAllocationScorer.ResourceSpec;

/**
 * The three resource scoring formulas, each a pure function of requested and allocatable amounts.
 *
 * <ul>
 *   <li>LeastAllocated (NodeResourcesFit's default): per resource
 *       {@code (allocatable - requested) * 100 / allocatable}, then the weighted average. Spreads
 *       pods: the emptier node wins.</li>
 *   <li>MostAllocated: per resource {@code requested * 100 / allocatable}, weighted average. Packs
 *       pods onto few nodes.</li>
 *   <li>BalancedAllocation: the fraction {@code requested / allocatable} of each resource (capped
 *       at 1), then {@code (1 - standard deviation) * 100}. Prefers nodes whose CPU and memory fill
 *       up evenly. With two resources the standard deviation is {@code |f1 - f2| / 2}.</li>
 * </ul>
 * All use integer division where Kubernetes does, so the numbers agree exactly.
 *
 * <p>Real Kubernetes: {@code least_allocated.go}, {@code most_allocated.go} and
 * {@code balanced_allocation.go} in {@code pkg/scheduler/framework/plugins/noderesources}.
 */
public final class ScoringFunctions {
    private static final long MAX = ScorePlugin.MAX_NODE_SCORE;

    private ScoringFunctions() {
    }

    /** LeastAllocated with the given resource weights. */
    public static ResourceAllocationScorer.Scorer leastAllocated(List<ResourceSpec> resources) {
        return (requested, allocatable) -> weighted(resources, requested, allocatable, true);
    }

    /** MostAllocated with the given resource weights. */
    public static ResourceAllocationScorer.Scorer mostAllocated(List<ResourceSpec> resources) {
        return (requested, allocatable) -> weighted(resources, requested, allocatable, false);
    }

    private static long weighted(List<ResourceSpec> resources, long[] requested, long[] allocatable, boolean least) {
        long nodeScore = 0;
        long weightSum = 0;
        for (int i = 0; i < requested.length; i++) {
            if (allocatable[i] == 0) {
                continue;
            }
            long weight = resources.get(i).weight();
            long score = least
                    ? leastRequestedScore(requested[i], allocatable[i])
                    : mostRequestedScore(requested[i], allocatable[i]);
            nodeScore += score * weight;
            weightSum += weight;
        }
        return weightSum == 0 ? 0 : nodeScore / weightSum;
    }

    /** {@code (capacity - requested) * 100 / capacity}; 0 when over capacity. */
    public static long leastRequestedScore(long requested, long capacity) {
        if (capacity == 0 || requested > capacity) {
            return 0;
        }
        return (capacity - requested) * MAX / capacity;
    }

    /** {@code requested * 100 / capacity}; capped at 100 when over capacity. */
    public static long mostRequestedScore(long requested, long capacity) {
        if (capacity == 0) {
            return 0;
        }
        if (requested > capacity) {
            return MAX; // the 100m/200Mi assumed for pods without requests can overshoot
        }
        return requested * MAX / capacity;
    }

    /** {@code (1 - std(fractions)) * 100}, truncated; resources with zero allocatable are ignored. */
    public static long balancedResourceScore(long[] requested, long[] allocatable) {
        double[] fractions = new double[requested.length];
        int n = 0;
        double total = 0;
        for (int i = 0; i < requested.length; i++) {
            if (allocatable[i] == 0) {
                continue;
            }
            double fraction = Math.min(1.0, (double) requested[i] / (double) allocatable[i]);
            fractions[n++] = fraction;
            total += fraction;
        }
        double std = 0;
        if (n == 2) {
            std = Math.abs((fractions[0] - fractions[1]) / 2);
        } else if (n > 2) {
            double mean = total / n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (fractions[i] - mean) * (fractions[i] - mean);
            }
            std = Math.sqrt(sum / n);
        }
        return (long) ((1 - std) * MAX);
    }
}
