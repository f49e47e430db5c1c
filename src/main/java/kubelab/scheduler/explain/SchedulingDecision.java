package kubelab.scheduler.explain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kubelab.scheduler.framework.NodePluginScores.PluginScore;

/**
 * Why a pod went where it went, or nowhere: one scheduling cycle of one pod, node by node, as an
 * immutable record a learner reads from Java ({@code scheduler.explain("default", "nginx")}) or
 * prints as a table ({@link #render()}).
 *
 * <p>{@code outcome} is {@code Scheduled} (then {@code chosenNode} is set), {@code Unschedulable}
 * or {@code Error}; {@code message} is the sentence the pod's event carries.
 *
 * <p>Real Kubernetes: nothing keeps this; kube-scheduler logs parts of it at {@code -v=10}.
 */
public record SchedulingDecision(String namespace, String name, String profile, long cycle, Instant time,
                                 int attempt, int numAllNodes, List<NodeDecision> nodes, String chosenNode,
                                 String outcome, String message) {

    public static final String SCHEDULED = "Scheduled";
    public static final String UNSCHEDULABLE = "Unschedulable";
    public static final String ERROR = "Error";

    public SchedulingDecision {
        nodes = List.copyOf(nodes);
    }

    public Optional<NodeDecision> node(String nodeName) {
        return nodes.stream().filter(n -> n.node().equals(nodeName)).findFirst();
    }

    public long count(NodeDecision.Verdict verdict) {
        return nodes.stream().filter(n -> n.verdict() == verdict).count();
    }

    /** The names of the nodes skipped by sampling. */
    public List<String> notExamined() {
        return nodes.stream().filter(n -> n.verdict() == NodeDecision.Verdict.NOT_EXAMINED).map(NodeDecision::node).toList();
    }

    /**
     * A table: one row per node (sampled-out nodes folded into one line when there are many), a
     * column per score plugin showing {@code raw→normalised×weight}, the total, and the choice.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Pod ").append(namespace).append('/').append(name).append(" (").append(profile)
                .append(", cycle ").append(cycle).append(", attempt ").append(attempt).append(", ").append(time)
                .append(")\n").append(outcome).append(chosenNode == null ? "" : " on " + chosenNode).append(": ")
                .append(message).append('\n');
        Set<String> plugins = new LinkedHashSet<>();
        nodes.forEach(n -> n.scores().forEach(s -> plugins.add(s.name() + "(" + s.weight() + ")")));
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("NODE", "FILTER"));
        header.addAll(plugins);
        header.add("TOTAL");
        rows.add(header.toArray(String[]::new));
        List<String> skipped = notExamined();
        for (NodeDecision n : nodes) {
            if (n.verdict() == NodeDecision.Verdict.NOT_EXAMINED && skipped.size() > 5) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of((n.node().equals(chosenNode) ? "* " : "  ") + n.node(),
                    n.filterText()));
            for (String p : plugins) {
                row.add(n.scores().stream().filter(s -> p.startsWith(s.name() + "(")).findFirst()
                        .map(SchedulingDecision::cell).orElse(""));
            }
            row.add(n.total() == null ? "" : String.valueOf(n.total()));
            rows.add(row.toArray(String[]::new));
        }
        int[] width = new int[header.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        });
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (skipped.size() > 5) {
            out.append("  ... ").append(skipped.size()).append(" nodes not examined (sampling)\n");
        }
        return out.toString();
    }

    private static String cell(PluginScore s) {
        return s.raw() + "→" + s.normalized() + "×" + s.weight();
    }

    @Override
    public String toString() {
        return render();
    }
}
