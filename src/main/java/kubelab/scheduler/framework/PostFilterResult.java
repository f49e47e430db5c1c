package kubelab.scheduler.framework;

/**
 * What a PostFilter plugin achieved: a Status (Success when it made room somewhere) and, when it
 * did, the node the pod is nominated to ({@code status.nominatedNodeName}).
 *
 * <p>Real Kubernetes: {@code PostFilterResult} and {@code NominatingInfo} in {@code pkg/scheduler/framework}.
 */
public record PostFilterResult(String nominatedNodeName, Status status) {
    public static PostFilterResult of(Status status) {
        return new PostFilterResult(null, status);
    }
}
