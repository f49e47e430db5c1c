package kubelab.scheduler.framework;

/**
 * One node's score from one plugin.
 *
 * <p>Real Kubernetes: {@code NodeScore} in {@code pkg/scheduler/framework/interface.go}.
 */
public record NodeScore(String name, long score) {
    public NodeScore withScore(long newScore) {
        return new NodeScore(name, newScore);
    }
}
