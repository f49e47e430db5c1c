package kubelab.scheduler.plugins.podtopologyspread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.core.TopologySpreadConstraint;
import kubelab.api.labels.Operator;
import kubelab.api.labels.Requirement;
import kubelab.api.labels.Selector;
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
import kubelab.scheduler.plugins.nodeaffinity.NodeAffinity;
import kubelab.scheduler.plugins.tainttoleration.TaintToleration;

/**
 * Spreads pods over topology domains: a node is rejected when placing the pod there would make its
 * domain hold more than {@code maxSkew} matching pods above the domain with the fewest.
 *
 * <p>PreFilter, once per pod: 1. keep the hard constraints ({@code DoNotSchedule}); 2. for each,
 * look only at nodes that carry every constraint's topology key and, by default, satisfy the
 * pod's nodeSelector/affinity ({@code nodeAffinityPolicy: Honor}; taints are ignored unless
 * {@code nodeTaintsPolicy: Honor}); 3. count the pods on them in the same namespace that the
 * constraint's selector matches, per domain; 4. remember each key's minimum (0 when fewer domains
 * exist than {@code minDomains}).
 *
 * <p>Filter, per node: skew = pods in the node's domain + 1 if the pod matches its own selector
 * - the minimum. Skew above maxSkew rejects (Unschedulable: evicting pods could rebalance).
 * A node without the topology label is rejected as unresolvable.
 *
 * <p>Score: see {@link Scoring} (ScheduleAnyway constraints and the cluster defaults).
 *
 * <p>Left out: the incremental AddPod/RemovePod extensions used by preemption.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/podtopologyspread} ({@code filtering.go}).
 */
public final class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin,
        ScoreExtensions {
    public static final String NAME = Names.POD_TOPOLOGY_SPREAD;
    public static final String ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
    public static final String ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH
            + " (missing required label)";
    public static final String DO_NOT_SCHEDULE = "DoNotSchedule";
    public static final String HONOR = "Honor";
    static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;
    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

    private final Handle handle;

    /** Without a framework: scoring counts over the filtered nodes only. */
    public PodTopologySpread() {
        this(null);
    }

    /** In a framework: scoring counts matching pods over every node of the snapshot. */
    public PodTopologySpread(Handle handle) {
        this.handle = handle;
    }

    /** One hard constraint, with its selector built once. */
    record Constraint(int maxSkew, String topologyKey, Selector selector, int minDomains,
                      boolean honorAffinity, boolean honorTaints) {
    }

    /** Per constraint: matching pods per domain value, and the smallest count. */
    record PreFilterState(List<Constraint> constraints, List<Map<String, Integer>> counts, List<Integer> minimums) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, List<NodeInfo> nodes) {
        List<Constraint> constraints = hardConstraints(pod);
        if (constraints.isEmpty()) {
            return Status.of(Status.Code.Skip).withPlugin(NAME);
        }
        state.write(PRE_FILTER_STATE_KEY, count(pod, constraints, nodes));
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
        PreFilterState s = state.read(PRE_FILTER_STATE_KEY, PreFilterState.class).orElse(null);
        if (s == null) {
            return Status.error("reading \"" + PRE_FILTER_STATE_KEY + "\" from cycleState: not found")
                    .withPlugin(NAME);
        }
        Map<String, String> nodeLabels = nodeInfo.node().metadata().labels();
        Map<String, String> podLabels = pod.metadata().labels();
        for (int i = 0; i < s.constraints().size(); i++) {
            Constraint c = s.constraints().get(i);
            String domain = nodeLabels.get(c.topologyKey());
            if (domain == null) {
                return Status.of(Status.Code.UnschedulableAndUnresolvable, ERR_REASON_NODE_LABEL_NOT_MATCH)
                        .withPlugin(NAME);
            }
            int selfMatch = c.selector().matches(podLabels) ? 1 : 0;
            int matchNum = s.counts().get(i).getOrDefault(domain, 0);
            int skew = matchNum + selfMatch - s.minimums().get(i);
            if (skew > c.maxSkew()) {
                return Status.of(Status.Code.Unschedulable, ERR_REASON_CONSTRAINTS_NOT_MATCH).withPlugin(NAME);
            }
        }
        return Status.success();
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
        List<Scoring.ScoreConstraint> constraints = Scoring.constraints(pod);
        if (constraints.isEmpty() || nodes.isEmpty()) {
            return Status.of(Status.Code.Skip).withPlugin(NAME);
        }
        List<NodeInfo> all = handle == null ? nodes : handle.nodeInfos();
        state.write(PRE_SCORE_STATE_KEY, Scoring.preScore(pod, constraints, nodes, all));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo nodeInfo) {
        return state.read(PRE_SCORE_STATE_KEY, Scoring.PreScoreState.class)
                .map(s -> Scoring.score(s, pod, nodeInfo)).orElse(0L);
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

    static List<Constraint> hardConstraints(Pod pod) {
        List<Constraint> out = new ArrayList<>();
        if (pod.spec() == null) {
            return out;
        }
        for (TopologySpreadConstraint c : pod.spec().topologySpreadConstraints()) {
            if (!DO_NOT_SCHEDULE.equals(c.whenUnsatisfiable())) {
                continue;
            }
            out.add(new Constraint(c.maxSkew() == null ? 1 : c.maxSkew(), c.topologyKey(), selector(c, pod),
                    c.minDomains() == null ? 1 : c.minDomains(),
                    c.nodeAffinityPolicy() == null || HONOR.equals(c.nodeAffinityPolicy()),
                    HONOR.equals(c.nodeTaintsPolicy())));
        }
        return out;
    }

    /** The constraint's selector, narrowed by {@code matchLabelKeys} to the pod's own values. */
    private static Selector selector(TopologySpreadConstraint c, Pod pod) {
        Selector base = Selector.from(c.labelSelector());
        if (c.matchLabelKeys().isEmpty() || base.selectsNothing()) {
            return base;
        }
        List<Requirement> reqs = new ArrayList<>(base.requirements());
        for (String key : c.matchLabelKeys()) {
            String value = pod.metadata().labels().get(key);
            if (value != null) {
                reqs.add(Requirement.of(key, Operator.In, value));
            }
        }
        return Selector.of(reqs);
    }

    private static PreFilterState count(Pod pod, List<Constraint> constraints, List<NodeInfo> nodes) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            counts.add(new HashMap<>());
        }
        String namespace = pod.metadata().namespace();
        for (NodeInfo nodeInfo : nodes) {
            Node node = nodeInfo.node();
            Map<String, String> labels = node.metadata().labels();
            // A node missing any of the topology keys takes no part in any constraint.
            if (!constraints.stream().allMatch(c -> labels.containsKey(c.topologyKey()))) {
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                Constraint c = constraints.get(i);
                if (c.honorAffinity() && !NodeAffinity.matchesRequired(pod, node)) {
                    continue;
                }
                if (c.honorTaints() && TaintToleration.untoleratedTaint(pod, node).isPresent()) {
                    continue;
                }
                long matching = nodeInfo.pods().stream()
                        .filter(p -> Objects.equals(p.metadata().namespace(), namespace))
                        .filter(p -> p.metadata().deletionTimestamp() == null)
                        .filter(p -> c.selector().matches(p.metadata().labels()))
                        .count();
                counts.get(i).merge(labels.get(c.topologyKey()), (int) matching, Integer::sum);
            }
        }
        List<Integer> minimums = new ArrayList<>();
        for (int i = 0; i < constraints.size(); i++) {
            Map<String, Integer> perDomain = counts.get(i);
            int min = perDomain.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            // With fewer eligible domains than minDomains, the missing ones count as empty.
            minimums.add(perDomain.size() < constraints.get(i).minDomains() ? 0 : min);
        }
        return new PreFilterState(constraints, counts, minimums);
    }
}
