/**
 * The resource plugins: {@link kubelab.scheduler.plugins.noderesources.Fit} (NodeResourcesFit:
 * requests against allocatable, pod count included, and LeastAllocated or MostAllocated scoring)
 * and {@link kubelab.scheduler.plugins.noderesources.BalancedAllocation}
 * (NodeResourcesBalancedAllocation). Both score through
 * {@link kubelab.scheduler.plugins.noderesources.ResourceAllocationScorer}.
 *
 * <p>They read the requested totals a {@code NodeInfo} keeps and the pod's effective request from
 * {@code framework.PodRequests}; every formula is integer arithmetic on millicores and bytes, as in
 * Kubernetes, so scores here equal the real scheduler's.
 */
package kubelab.scheduler.plugins.noderesources;
