package kubelab.scheduler.plugins.tainttoleration;

import java.util.List;
import java.util.Optional;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.core.Taint;
import kubelab.api.core.TaintEffect;
import kubelab.api.core.Toleration;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodeScore;
import kubelab.scheduler.framework.PreScorePlugin;
import kubelab.scheduler.framework.ScoreExtensions;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.Names;
import kubelab.scheduler.plugins.helper.NormalizeScore;
import kubelab.scheduler.plugins.helper.Tolerations;

/**
 * Taints and tolerations at scheduling time.
 *
 * <p>Filter: the first NoSchedule or NoExecute taint (in the node's order) that the pod does not
 * tolerate rejects the node, and the reason names it: {@code node(s) had untolerated taint {key: value}}.
 * Unresolvable: preemption does not remove taints.
 *
 * <p>Score: the raw score is the number of PreferNoSchedule taints the pod does not tolerate;
 * NormalizeScore reverses it so the node with the most gets 0 and nodes with none get 100.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/tainttoleration}.
 */
public final class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions {
    public static final String NAME = Names.TAINT_TOLERATION;
    /** The reason format: key and value of the first untolerated taint. */
    public static final String ERR_REASON_FORMAT = "node(s) had untolerated taint {%s: %s}";
    static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;

    /** The pod's tolerations that can matter for PreferNoSchedule taints. */
    record PreScoreState(List<Toleration> tolerationsPreferNoSchedule) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
        return untoleratedTaint(pod, nodeInfo.node())
                .map(taint -> Status.of(Status.Code.UnschedulableAndUnresolvable, errReason(taint)).withPlugin(NAME))
                .orElse(Status.success());
    }

    /** The first NoSchedule or NoExecute taint of the node that the pod does not tolerate. */
    public static Optional<Taint> untoleratedTaint(Pod pod, Node node) {
        List<Taint> taints = node.spec() == null ? List.of() : node.spec().taints();
        return Tolerations.findMatchingUntoleratedTaint(taints, tolerations(pod),
                t -> TaintEffect.NO_SCHEDULE.equals(t.effect()) || TaintEffect.NO_EXECUTE.equals(t.effect()));
    }

    /** {@code node(s) had untolerated taint {dedicated: batch}}; an absent value prints as empty. */
    public static String errReason(Taint taint) {
        return String.format(ERR_REASON_FORMAT, taint.key(), taint.value() == null ? "" : taint.value());
    }

    @Override
    public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
        state.write(PRE_SCORE_STATE_KEY, new PreScoreState(tolerationsPreferNoSchedule(pod)));
        return Status.success();
    }

    @Override
    public long score(CycleState state, Pod pod, NodeInfo nodeInfo) {
        List<Toleration> tolerations = state.read(PRE_SCORE_STATE_KEY, PreScoreState.class)
                .map(PreScoreState::tolerationsPreferNoSchedule)
                .orElseGet(() -> tolerationsPreferNoSchedule(pod));
        return countIntolerableTaintsPreferNoSchedule(nodeInfo.node(), tolerations);
    }

    @Override
    public ScoreExtensions scoreExtensions() {
        return this;
    }

    @Override
    public List<NodeScore> normalizeScore(CycleState state, Pod pod, List<NodeScore> scores) {
        return NormalizeScore.defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
    }

    /** How many PreferNoSchedule taints of the node none of the tolerations tolerates. */
    public static long countIntolerableTaintsPreferNoSchedule(Node node, List<Toleration> tolerations) {
        List<Taint> taints = node.spec() == null ? List.of() : node.spec().taints();
        return taints.stream()
                .filter(t -> TaintEffect.PREFER_NO_SCHEDULE.equals(t.effect()))
                .filter(t -> !Tolerations.tolerationsTolerateTaint(tolerations, t))
                .count();
    }

    /** Tolerations with effect PreferNoSchedule or no effect (which means every effect). */
    static List<Toleration> tolerationsPreferNoSchedule(Pod pod) {
        return tolerations(pod).stream()
                .filter(t -> t.effect() == null || t.effect().isEmpty()
                        || TaintEffect.PREFER_NO_SCHEDULE.equals(t.effect()))
                .toList();
    }

    private static List<Toleration> tolerations(Pod pod) {
        return pod.spec() == null ? List.of() : pod.spec().tolerations();
    }
}
