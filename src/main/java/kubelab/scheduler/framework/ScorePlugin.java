package kubelab.scheduler.framework;

import kubelab.api.core.Pod;

/**
 * A plugin that ranks a node that passed filtering: a higher score means a better place for the pod.
 *
 * <p>Raw scores may use any scale; {@link ScoreExtensions#normalizeScore} then brings them into
 * {@code [0, MAX_NODE_SCORE]} before the framework multiplies them by the plugin's weight and adds
 * them up. Kubernetes' Score also returns a Status; here a plugin that cannot score throws.
 *
 * <p>Real Kubernetes: {@code ScorePlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface ScorePlugin extends Plugin {
    /** The highest score a plugin may give after normalizing. */
    long MAX_NODE_SCORE = 100;
    /** The lowest. */
    long MIN_NODE_SCORE = 0;

    long score(CycleState state, Pod pod, NodeInfo nodeInfo);

    /** The plugin's normalizer, or null when its raw scores are already in range. */
    default ScoreExtensions scoreExtensions() {
        return null;
    }
}
