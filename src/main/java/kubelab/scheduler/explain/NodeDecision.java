package kubelab.scheduler.explain;

import java.util.List;
import kubelab.scheduler.framework.NodePluginScores.PluginScore;

/**
 * What one scheduling cycle decided about one node: whether it passed the filters (and if not,
 * which plugin rejected it and why), or whether it was not looked at because the scheduler had
 * found enough feasible nodes already; for feasible nodes, each score plugin's raw, normalised and
 * weighted score and the total.
 *
 * <p>Real Kubernetes: no such record; the same facts are in {@code Diagnosis.NodeToStatus} and
 * the {@code NodePluginScores} of {@code schedule_one.go}, logged at high verbosity.
 */
public record NodeDecision(String node, Verdict verdict, String plugin, List<String> reasons,
                           List<PluginScore> scores, Long total) {

    /** The filter outcome. */
    public enum Verdict {
        /** Passed every filter. */
        FEASIBLE,
        /** A filter (or PreFilter, for all nodes at once) rejected it. */
        REJECTED,
        /** Skipped: enough feasible nodes were found before it (percentageOfNodesToScore). */
        NOT_EXAMINED
    }

    public NodeDecision {
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
        scores = List.copyOf(scores == null ? List.of() : scores);
    }

    public static NodeDecision notExamined(String node) {
        return new NodeDecision(node, Verdict.NOT_EXAMINED, null, List.of(), List.of(), null);
    }

    public static NodeDecision rejected(String node, String plugin, List<String> reasons) {
        return new NodeDecision(node, Verdict.REJECTED, plugin, reasons, List.of(), null);
    }

    public static NodeDecision feasible(String node) {
        return new NodeDecision(node, Verdict.FEASIBLE, null, List.of(), List.of(), null);
    }

    public NodeDecision withScores(List<PluginScore> s, long totalScore) {
        return new NodeDecision(node, verdict, plugin, reasons, s, totalScore);
    }

    /** The filter column as a learner reads it. */
    public String filterText() {
        return switch (verdict) {
            case FEASIBLE -> "passed";
            case NOT_EXAMINED -> "not examined (sampling)";
            case REJECTED -> (plugin == null ? "" : plugin + ": ") + String.join(", ", reasons);
        };
    }
}
