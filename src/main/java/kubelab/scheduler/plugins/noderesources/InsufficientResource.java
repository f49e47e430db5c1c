package kubelab.scheduler.plugins.noderesources;

/**
 * One resource a node is short of for a pod: the reason shown to users and the numbers behind it
 * (the pod's request, what pods on the node already use, the node's allocatable).
 *
 * <p>{@code unresolvable} is true when the request exceeds the whole allocatable: no amount of
 * preemption would make room, so the node's status becomes UnschedulableAndUnresolvable.
 *
 * <p>Real Kubernetes: {@code InsufficientResource} in {@code plugins/noderesources/fit.go}.
 */
public record InsufficientResource(String resourceName, String reason, long requested, long used, long capacity,
                                   boolean unresolvable) {
}
