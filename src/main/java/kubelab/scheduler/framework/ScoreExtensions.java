package kubelab.scheduler.framework;

import java.util.List;
import kubelab.api.core.Pod;

/**
 * The NormalizeScore hook: rescales one plugin's raw scores across all scored nodes into
 * {@code [0, ScorePlugin.MAX_NODE_SCORE]}.
 *
 * <p>It needs every node's score at once (the best node gets 100 only relative to the others),
 * which is why it is a separate step after Score. Kubernetes changes the list in place; here a
 * new list is returned, in the same order.
 *
 * <p>Real Kubernetes: {@code ScoreExtensions} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface ScoreExtensions {
    List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores);
}
