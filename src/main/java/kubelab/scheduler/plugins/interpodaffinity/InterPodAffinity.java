package kubelab.scheduler.plugins.interpodaffinity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Affinity;
import kubelab.api.core.PodAffinityTerm;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.Handle;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodeScore;
import kubelab.scheduler.framework.PreFilterPlugin;
import kubelab.scheduler.framework.PreScorePlugin;
import kubelab.scheduler.framework.ScoreExtensions;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.Names;

/**
 * Required inter-pod affinity and anti-affinity: "run next to pods labelled X", "never share a
 * zone with pods labelled Y", where "next to" means the same value of the term's topology key.
 *
 * <p>PreFilter counts, over every node, keyed by (topology key, value):
 * 1. domains holding a pod that matches <em>all</em> the incoming pod's affinity terms;
 * 2. domains holding a pod that matches one of its anti-affinity terms;
 * 3. domains holding a pod whose own anti-affinity term matches the incoming pod (anti-affinity is
 *    symmetric: an existing pod's rule keeps newcomers out too).
 *
 * <p>Filter, in Kubernetes' order: affinity (unresolvable: preemption only removes pods), then
 * anti-affinity, then existing pods' anti-affinity (both Unschedulable). A node without a term's
 * topology label cannot satisfy affinity. Special case: when no pod anywhere matches the affinity
 * and the incoming pod matches its own terms, it may go anywhere, or the first pod of a group
 * that wants to be together could never start.
 *
 * <p>Score: preferred terms, the incoming pod's and the existing pods' (see {@link Scoring}).
 *
 * <p>Left out: matchLabelKeys/mismatchLabelKeys, non-empty namespaceSelectors.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/interpodaffinity} ({@code filtering.go}).
 */
public final class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin,
        ScoreExtensions {
    public static final String NAME = Names.INTER_POD_AFFINITY;
    public static final String ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
    public static final String ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
    public static final String ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
            "node(s) didn't satisfy existing pods anti-affinity rules";
    static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;
    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

    private final Handle handle;

    /** Without a framework: scoring looks at the filtered nodes only. */
    public InterPodAffinity() {
        this(null);
    }

    /** In a framework: scoring looks at the pods on every node of the snapshot. */
    public InterPodAffinity(Handle handle) {
        this.handle = handle;
    }

    /** A topology domain: a label key and its value. */
    record TopologyPair(String key, String value) {
    }

    record PreFilterState(List<AffinityTerm> affinityTerms, List<AffinityTerm> antiAffinityTerms,
                          boolean podMatchesOwnAffinity, Map<TopologyPair, Integer> affinityCounts,
                          Map<TopologyPair, Integer> antiAffinityCounts,
                          Map<TopologyPair, Integer> existingAntiAffinityCounts) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, List<NodeInfo> nodes) {
        List<AffinityTerm> affinity = AffinityTerm.of(pod, requiredAffinity(pod));
        List<AffinityTerm> anti = AffinityTerm.of(pod, requiredAntiAffinity(pod));
        Map<TopologyPair, Integer> affinityCounts = new HashMap<>();
        Map<TopologyPair, Integer> antiCounts = new HashMap<>();
        Map<TopologyPair, Integer> existingCounts = new HashMap<>();
        for (NodeInfo nodeInfo : nodes) {
            if (affinity.isEmpty() && anti.isEmpty() && nodeInfo.podsWithRequiredAntiAffinity() == 0) {
                continue; // nothing here can concern this pod: skip its pods without looking
            }
            Map<String, String> labels = nodeInfo.node().metadata().labels();
            for (Pod existing : nodeInfo.pods()) {
                // 1. Affinity: the existing pod must match every term.
                if (!affinity.isEmpty() && affinity.stream().allMatch(t -> t.matches(existing))) {
                    affinity.forEach(t -> increment(affinityCounts, labels, t.topologyKey()));
                }
                // 2. Anti-affinity: each matching term marks its domain.
                anti.stream().filter(t -> t.matches(existing))
                        .forEach(t -> increment(antiCounts, labels, t.topologyKey()));
                // 3. The existing pod's own anti-affinity against the newcomer.
                AffinityTerm.of(existing, requiredAntiAffinity(existing)).stream().filter(t -> t.matches(pod))
                        .forEach(t -> increment(existingCounts, labels, t.topologyKey()));
            }
        }
        if (affinity.isEmpty() && anti.isEmpty() && existingCounts.isEmpty()) {
            return Status.of(Status.Code.Skip).withPlugin(NAME);
        }
        boolean selfMatch = affinity.stream().allMatch(t -> t.matches(pod));
        state.write(PRE_FILTER_STATE_KEY,
                new PreFilterState(affinity, anti, selfMatch, affinityCounts, antiCounts, existingCounts));
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
        PreFilterState s = state.read(PRE_FILTER_STATE_KEY, PreFilterState.class).orElse(null);
        if (s == null) {
            return Status.error("reading \"" + PRE_FILTER_STATE_KEY + "\" from cycleState: not found")
                    .withPlugin(NAME);
        }
        Map<String, String> labels = nodeInfo.node().metadata().labels();
        if (!satisfyPodAffinity(s, labels)) {
            return Status.of(Status.Code.UnschedulableAndUnresolvable, ERR_REASON_AFFINITY_RULES_NOT_MATCH)
                    .withPlugin(NAME);
        }
        for (AffinityTerm t : s.antiAffinityTerms()) {
            String value = labels.get(t.topologyKey());
            if (value != null && s.antiAffinityCounts().getOrDefault(new TopologyPair(t.topologyKey(), value), 0) > 0) {
                return Status.of(Status.Code.Unschedulable, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH).withPlugin(NAME);
            }
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (s.existingAntiAffinityCounts().getOrDefault(new TopologyPair(label.getKey(), label.getValue()), 0) > 0) {
                return Status.of(Status.Code.Unschedulable, ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH)
                        .withPlugin(NAME);
            }
        }
        return Status.success();
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
        if (nodes.isEmpty()) {
            return Status.of(Status.Code.Skip).withPlugin(NAME);
        }
        Scoring.PreScoreState s = Scoring.preScore(pod, handle == null ? nodes : handle.nodeInfos());
        if (s.topologyScore().isEmpty()) {
            return Status.of(Status.Code.Skip).withPlugin(NAME); // no term anywhere concerns this pod
        }
        state.write(PRE_SCORE_STATE_KEY, s);
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo nodeInfo) {
        return state.read(PRE_SCORE_STATE_KEY, Scoring.PreScoreState.class)
                .map(s -> Scoring.score(s, nodeInfo)).orElse(0L);
    }

    @Override
    public ScoreExtensions scoreExtensions() {
        return this;
    }

    @Override
    public List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores) {
        return state.read(PRE_SCORE_STATE_KEY, Scoring.PreScoreState.class)
                .map(s -> Scoring.normalize(s, scores)).orElse(scores);
    }

    private static boolean satisfyPodAffinity(PreFilterState s, Map<String, String> labels) {
        boolean podsExist = true;
        for (AffinityTerm t : s.affinityTerms()) {
            String value = labels.get(t.topologyKey());
            if (value == null) {
                return false;
            }
            if (s.affinityCounts().getOrDefault(new TopologyPair(t.topologyKey(), value), 0) <= 0) {
                podsExist = false;
            }
        }
        // The first pod of a group that wants to be together: nothing matches anywhere yet.
        return podsExist || (s.affinityCounts().isEmpty() && s.podMatchesOwnAffinity());
    }

    private static void increment(Map<TopologyPair, Integer> counts, Map<String, String> labels, String key) {
        String value = labels.get(key);
        if (value != null) {
            counts.merge(new TopologyPair(key, value), 1, Integer::sum);
        }
    }

    static List<PodAffinityTerm> requiredAffinity(Pod pod) {
        Affinity a = pod.spec() == null ? null : pod.spec().affinity();
        return a == null || a.podAffinity() == null ? List.of()
                : a.podAffinity().requiredDuringSchedulingIgnoredDuringExecution();
    }

    static List<PodAffinityTerm> requiredAntiAffinity(Pod pod) {
        Affinity a = pod.spec() == null ? null : pod.spec().affinity();
        return a == null || a.podAntiAffinity() == null ? List.of()
                : a.podAntiAffinity().requiredDuringSchedulingIgnoredDuringExecution();
    }
}
