package kubelab.scheduler.plugins.interpodaffinity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Affinity;
import kubelab.api.core.Pod;
import kubelab.api.core.WeightedPodAffinityTerm;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodeScore;
import kubelab.scheduler.framework.ScorePlugin;

/**
 * InterPodAffinity's score half: preferred affinity pulls, preferred anti-affinity pushes.
 *
 * <p>PreScore walks the pods on every node once and adds to a score per topology domain
 * (topology key, value of the existing pod's node):
 * <ol>
 *   <li>for each preferred affinity term of the incoming pod that the existing pod matches: + weight;</li>
 *   <li>for each preferred anti-affinity term of the incoming pod that it matches: - weight;</li>
 *   <li>for each required affinity term of the existing pod that the incoming pod matches: + 1
 *       ({@code hardPodAffinityWeight});</li>
 *   <li>for each preferred affinity / anti-affinity term of the existing pod that the incoming pod
 *       matches: + / - its weight (symmetry: an existing pod's wishes count too).</li>
 * </ol>
 * A node's raw score is the sum over its labels' domains; NormalizeScore maps the lowest to 0 and
 * the highest to 100.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/interpodaffinity/scoring.go}.
 */
final class Scoring {
    static final long HARD_POD_AFFINITY_WEIGHT = 1;

    record WeightedTerm(AffinityTerm term, long weight) {
    }

    /** Domain (key, value) to score; empty means nothing to score. */
    record PreScoreState(Map<InterPodAffinity.TopologyPair, Long> topologyScore) {
    }

    private Scoring() {
    }

    static boolean hasPreferred(Pod pod) {
        Affinity a = pod.spec() == null ? null : pod.spec().affinity();
        return a != null && ((a.podAffinity() != null
                && !a.podAffinity().preferredDuringSchedulingIgnoredDuringExecution().isEmpty())
                || (a.podAntiAffinity() != null
                && !a.podAntiAffinity().preferredDuringSchedulingIgnoredDuringExecution().isEmpty()));
    }

    static boolean hasAnyAffinity(Pod pod) {
        Affinity a = pod.spec() == null ? null : pod.spec().affinity();
        return a != null && (a.podAffinity() != null || a.podAntiAffinity() != null);
    }

    static PreScoreState preScore(Pod pod, List<NodeInfo> allNodes) {
        List<WeightedTerm> affinity = weighted(pod, preferredAffinity(pod));
        List<WeightedTerm> anti = weighted(pod, preferredAnti(pod));
        boolean incomingHasTerms = !affinity.isEmpty() || !anti.isEmpty();
        Map<InterPodAffinity.TopologyPair, Long> scores = new HashMap<>();
        for (NodeInfo n : allNodes) {
            Map<String, String> labels = n.node().metadata().labels();
            if (labels.isEmpty() || (!incomingHasTerms && n.podsWithAffinity() == 0)) {
                continue;
            }
            for (Pod existing : n.pods()) {
                // Without terms of its own, the incoming pod only meets existing pods' wishes.
                if (!incomingHasTerms && !hasAnyAffinity(existing)) {
                    continue;
                }
                process(affinity, existing, labels, 1, scores);
                process(anti, existing, labels, -1, scores);
                for (AffinityTerm t : AffinityTerm.of(existing, InterPodAffinity.requiredAffinity(existing))) {
                    add(t, HARD_POD_AFFINITY_WEIGHT, pod, labels, 1, scores);
                }
                process(weighted(existing, preferredAffinity(existing)), pod, labels, 1, scores);
                process(weighted(existing, preferredAnti(existing)), pod, labels, -1, scores);
            }
        }
        return new PreScoreState(scores);
    }

    private static void process(List<WeightedTerm> terms, Pod target, Map<String, String> labels, int sign,
                                Map<InterPodAffinity.TopologyPair, Long> scores) {
        for (WeightedTerm t : terms) {
            add(t.term(), t.weight(), target, labels, sign, scores);
        }
    }

    private static void add(AffinityTerm term, long weight, Pod target, Map<String, String> labels, int sign,
                            Map<InterPodAffinity.TopologyPair, Long> scores) {
        String value = labels.get(term.topologyKey());
        if (value != null && term.matches(target)) {
            scores.merge(new InterPodAffinity.TopologyPair(term.topologyKey(), value), sign * weight, Long::sum);
        }
    }

    static long score(PreScoreState s, NodeInfo nodeInfo) {
        long score = 0;
        for (Map.Entry<String, String> label : nodeInfo.node().metadata().labels().entrySet()) {
            score += s.topologyScore().getOrDefault(new InterPodAffinity.TopologyPair(label.getKey(), label.getValue()), 0L);
        }
        return score;
    }

    static List<NodeScore> normalize(PreScoreState s, List<NodeScore> scores) {
        if (s.topologyScore().isEmpty()) {
            return scores;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (NodeScore n : scores) {
            min = Math.min(min, n.score());
            max = Math.max(max, n.score());
        }
        long diff = max - min;
        List<NodeScore> out = new ArrayList<>(scores.size());
        for (NodeScore n : scores) {
            long v = diff > 0 ? (long) (ScorePlugin.MAX_NODE_SCORE * (double) (n.score() - min) / diff) : 0;
            out.add(n.withScore(v));
        }
        return out;
    }

    private static List<WeightedTerm> weighted(Pod owner, List<WeightedPodAffinityTerm> terms) {
        List<WeightedTerm> out = new ArrayList<>(terms.size());
        for (WeightedPodAffinityTerm t : terms) {
            if (t.podAffinityTerm() != null && t.weight() != null && t.weight() != 0) {
                out.add(new WeightedTerm(AffinityTerm.of(owner, t.podAffinityTerm()), t.weight()));
            }
        }
        return out;
    }

    private static List<WeightedPodAffinityTerm> preferredAffinity(Pod pod) {
        Affinity a = pod.spec() == null ? null : pod.spec().affinity();
        return a == null || a.podAffinity() == null ? List.of()
                : a.podAffinity().preferredDuringSchedulingIgnoredDuringExecution();
    }

    private static List<WeightedPodAffinityTerm> preferredAnti(Pod pod) {
        Affinity a = pod.spec() == null ? null : pod.spec().affinity();
        return a == null || a.podAntiAffinity() == null ? List.of()
                : a.podAntiAffinity().preferredDuringSchedulingIgnoredDuringExecution();
    }
}
