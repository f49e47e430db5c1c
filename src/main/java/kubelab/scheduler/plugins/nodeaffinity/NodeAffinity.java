package kubelab.scheduler.plugins.nodeaffinity;

import java.util.List;
import java.util.Map;
import kubelab.api.core.Affinity;
import kubelab.api.core.Node;
import kubelab.api.core.NodeSelector;
import kubelab.api.core.Pod;
import kubelab.api.core.PreferredSchedulingTerm;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodeScore;
import kubelab.scheduler.framework.PreScorePlugin;
import kubelab.scheduler.framework.ScoreExtensions;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.Names;
import kubelab.scheduler.plugins.helper.NodeSelectors;
import kubelab.scheduler.plugins.helper.NormalizeScore;

/**
 * Node selection by labels.
 *
 * <p>Filter: the node must carry every {@code nodeSelector} label with the given value, and, when
 * {@code requiredDuringSchedulingIgnoredDuringExecution} is set, match at least one of its terms.
 * Unresolvable: preemption does not change labels.
 *
 * <p>Score: the sum of the weights of the preferred terms the node matches; NormalizeScore scales
 * the best node to 100 and the others in proportion.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/nodeaffinity}; the required part is
 * {@code GetRequiredNodeAffinity} in {@code k8s.io/component-helpers/scheduling/corev1/nodeaffinity}.
 */
public final class NodeAffinity implements FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions {
    public static final String NAME = Names.NODE_AFFINITY;
    /** The reason when the pod's nodeSelector or required affinity excludes the node. */
    public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

    /** The pod's preferred terms, read once per cycle. */
    record PreScoreState(List<PreferredSchedulingTerm> preferred) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
        return matchesRequired(pod, nodeInfo.node())
                ? Status.success()
                : Status.of(Status.Code.UnschedulableAndUnresolvable, ERR_REASON_POD).withPlugin(NAME);
    }

    /** Whether the node satisfies the pod's nodeSelector and required node affinity. */
    public static boolean matchesRequired(Pod pod, Node node) {
        if (pod.spec() == null) {
            return true;
        }
        Map<String, String> labels = node.metadata().labels();
        for (Map.Entry<String, String> e : pod.spec().nodeSelector().entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        Affinity affinity = pod.spec().affinity();
        NodeSelector required = affinity == null || affinity.nodeAffinity() == null
                ? null : affinity.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution();
        return required == null || NodeSelectors.matches(required, node);
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
        List<PreferredSchedulingTerm> preferred = preferredTerms(pod);
        if (preferred.isEmpty()) {
            return Status.of(Status.Code.Skip).withPlugin(NAME);
        }
        state.write(PRE_SCORE_STATE_KEY, new PreScoreState(preferred));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo nodeInfo) {
        List<PreferredSchedulingTerm> preferred = state.read(PRE_SCORE_STATE_KEY, PreScoreState.class)
                .map(PreScoreState::preferred)
                .orElseGet(() -> preferredTerms(pod));
        return preferredWeight(preferred, nodeInfo.node());
    }

    /** The sum of the weights of the preferred terms the node matches; weight 0 counts nothing. */
    public static long preferredWeight(List<PreferredSchedulingTerm> preferred, Node node) {
        long sum = 0;
        for (PreferredSchedulingTerm term : preferred) {
            int weight = term.weight() == null ? 0 : term.weight();
            if (weight != 0 && NodeSelectors.matchesTerm(term.preference(), node)) {
                sum += weight;
            }
        }
        return sum;
    }

    @Override
    public ScoreExtensions scoreExtensions() {
        return this;
    }

    @Override
    public List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores) {
        return NormalizeScore.defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    }

    static List<PreferredSchedulingTerm> preferredTerms(Pod pod) {
        Affinity affinity = pod.spec() == null ? null : pod.spec().affinity();
        if (affinity == null || affinity.nodeAffinity() == null) {
            return List.of();
        }
        return affinity.nodeAffinity().preferredDuringSchedulingIgnoredDuringExecution();
    }
}
