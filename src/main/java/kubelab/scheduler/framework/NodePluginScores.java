package kubelab.scheduler.framework;

import java.util.List;

/**
 * One node's scores from every Score plugin of a cycle and their weighted total, the numbers the
 * scheduler picks the node from.
 *
 * <p>Real Kubernetes: {@code NodePluginScores} and {@code PluginScore} in {@code pkg/scheduler/framework/interface.go}
 * (which keep only the weighted score; the raw and normalised ones are kept here for explaining).
 */
public record NodePluginScores(String name, List<PluginScore> scores, long totalScore) {

    /** One plugin's score for a node: as the plugin gave it, after NormalizeScore, and times its weight. */
    public record PluginScore(String name, long raw, long normalized, int weight, long weighted) {
    }

    public NodePluginScores {
        scores = List.copyOf(scores);
    }
}
