package kubelab.scheduler.plugins.helper;

import java.util.ArrayList;
import java.util.List;
import kubelab.scheduler.framework.NodeScore;

/**
 * The default NormalizeScore: scales raw scores so the highest becomes {@code maxPriority}, keeping
 * proportions ({@code score * max / highest}, integer division), optionally reversed so that the
 * lowest raw score wins.
 *
 * <p>When every raw score is 0 there is nothing to scale: all stay 0, or all become
 * {@code maxPriority} when reversed (no node is worse than another).
 *
 * <p>Real Kubernetes: {@code DefaultNormalizeScore} in
 * {@code pkg/scheduler/framework/plugins/helper/normalize_score.go}.
 */
public final class NormalizeScore {
    private NormalizeScore() {
    }

    public static List<NodeScore> defaultNormalizeScore(long maxPriority, boolean reverse, List<NodeScore> scores) {
        long maxCount = 0;
        for (NodeScore s : scores) {
            maxCount = Math.max(maxCount, s.score());
        }
        List<NodeScore> out = new ArrayList<>(scores.size());
        for (NodeScore s : scores) {
            long score;
            if (maxCount == 0) {
                score = reverse ? maxPriority : s.score();
            } else {
                score = maxPriority * s.score() / maxCount;
                if (reverse) {
                    score = maxPriority - score;
                }
            }
            out.add(s.withScore(score));
        }
        return out;
    }
}
