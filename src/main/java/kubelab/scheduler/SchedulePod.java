package kubelab.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kubelab.api.core.Pod;
import kubelab.scheduler.explain.NodeDecision;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FitError;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodePluginScores;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.framework.runtime.Framework;

/**
 * The decision half of a scheduling cycle, for one pod against one snapshot:
 * <ol>
 *   <li>PreFilter once (a rejection here rejects every node);</li>
 *   <li>findNodesThatFitPod: Filter nodes one by one, starting where the last cycle stopped,
 *       until {@link #numFeasibleNodesToFind} feasible nodes are found (a pod's nominated node is
 *       tried first, alone);</li>
 *   <li>prioritizeNodes: PreScore, Score, NormalizeScore and weights (skipped when one node fits);</li>
 *   <li>selectHost: the highest total; ties broken by reservoir sampling, each tied node equally likely.</li>
 * </ol>
 * The result carries a {@link NodeDecision} per node for explaining.
 *
 * <p>Real Kubernetes: {@code schedulePod}, {@code findNodesThatFitPod}, {@code prioritizeNodes},
 * {@code selectHost} and {@code numFeasibleNodesToFind} in {@code pkg/scheduler/schedule_one.go}.
 */
final class SchedulePod {
    /** Below this many nodes every node is examined; and at least this many feasible are sought. */
    static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    /** The adaptive percentage never goes below this. */
    static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
    static final String ERR_NO_NODES_AVAILABLE = "no nodes available to schedule pods";

    /** What one cycle found: a host, or a FitError, or an error Status; and why, node by node. */
    record Result(String host, int evaluatedNodes, int feasibleNodes, FitError fitError, Status error,
                  List<NodeDecision> decisions, List<NodePluginScores> scores) {
    }

    private int nextStartNodeIndex;
    /** One shared "not examined" row per node name, so sampled-out nodes cost a decision no memory. */
    private final Map<String, NodeDecision> notExamined = new java.util.HashMap<>();

    /** How many feasible nodes are enough: all below 100 nodes, else a share falling from 50% to 5% as clusters grow. */
    // tag::num-feasible-nodes-to-find[]
    static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
        if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
            return numAllNodes;
        }
        int percentage = percentageOfNodesToScore;
        if (percentage == 0) {
            percentage = Math.max(50 - numAllNodes / 125, MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
        }
        int numNodes = numAllNodes * percentage / 100;
        return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
    }
    // end::num-feasible-nodes-to-find[]

    Result schedule(Framework fwk, CycleState state, Pod pod, List<NodeInfo> all, int percentage, Random random) {
        int n = all.size();
        if (n == 0) {
            return new Result(null, 0, 0, null,
                    Status.of(Status.Code.UnschedulableAndUnresolvable, ERR_NO_NODES_AVAILABLE), List.of(), List.of());
        }
        // 1. PreFilter.
        Status pre = fwk.runPreFilterPlugins(state, pod, all);
        if (!pre.isSuccess()) {
            if (!pre.isRejected()) {
                return new Result(null, 0, 0, null, pre, List.of(), List.of());
            }
            Map<String, Status> statuses = new LinkedHashMap<>();
            List<NodeDecision> decisions = new ArrayList<>();
            for (NodeInfo ni : all) {
                statuses.put(ni.nodeName(), pre);
                decisions.add(NodeDecision.rejected(ni.nodeName(), pre.plugin(), pre.reasons()));
            }
            FitError fe = new FitError(pod, n, statuses, pre.message(), "");
            return new Result(null, n, 0, fe, null, decisions, List.of());
        }
        // 2. Filter: the nominated node alone first, then the sampled walk.
        NodeDecision[] decisions = new NodeDecision[n];
        List<NodeInfo> feasible = new ArrayList<>();
        Map<String, Status> statuses = new LinkedHashMap<>();
        String nominated = pod.status() == null ? null : pod.status().nominatedNodeName();
        if (nominated != null && !nominated.isEmpty()) {
            for (int i = 0; i < n; i++) {
                if (all.get(i).nodeName().equals(nominated) && fwk.runFilterPlugins(state, pod, all.get(i)).isSuccess()) {
                    feasible.add(all.get(i));
                    decisions[i] = NodeDecision.feasible(nominated);
                }
            }
        }
        // tag::find-nodes-that-fit[]
        int processed = 0;
        if (feasible.isEmpty()) {
            int numToFind = numFeasibleNodesToFind(percentage, n);
            int start = nextStartNodeIndex % n;
            for (int i = 0; i < n && feasible.size() < numToFind; i++) {
                int idx = (start + i) % n;
                NodeInfo ni = all.get(idx);
                processed++;
                Status s = fwk.runFilterPlugins(state, pod, ni);
                if (s.isSuccess()) {
                    feasible.add(ni);
                    decisions[idx] = NodeDecision.feasible(ni.nodeName());
                } else if (s.isRejected()) {
                    statuses.put(ni.nodeName(), s);
                    decisions[idx] = NodeDecision.rejected(ni.nodeName(), s.plugin(), s.reasons());
                } else {
                    return new Result(null, processed, 0, null, s, List.of(), List.of());
                }
            }
            nextStartNodeIndex = (start + processed) % n;
        }
        // end::find-nodes-that-fit[]
        for (int i = 0; i < n; i++) {
            if (decisions[i] == null) {
                decisions[i] = notExamined.computeIfAbsent(all.get(i).nodeName(), NodeDecision::notExamined);
            }
        }
        int evaluated = feasible.size() + statuses.size();
        if (feasible.isEmpty()) {
            return new Result(null, evaluated, 0, FitError.of(pod, n, statuses), null, Arrays.asList(decisions), List.of());
        }
        if (feasible.size() == 1) {
            return new Result(feasible.get(0).nodeName(), evaluated, 1, null, null, Arrays.asList(decisions), List.of());
        }
        // 3. Score.
        Status preScore = fwk.runPreScorePlugins(state, pod, feasible);
        if (!preScore.isSuccess()) {
            return new Result(null, evaluated, feasible.size(), null, preScore, List.of(), List.of());
        }
        List<NodePluginScores> scores = fwk.runScorePlugins(state, pod, feasible);
        Map<String, NodePluginScores> byNode = new LinkedHashMap<>();
        scores.forEach(s -> byNode.put(s.name(), s));
        for (int i = 0; i < n; i++) {
            NodePluginScores s = byNode.get(decisions[i].node());
            if (s != null && decisions[i].verdict() == NodeDecision.Verdict.FEASIBLE) {
                decisions[i] = decisions[i].withScores(s.scores(), s.totalScore());
            }
        }
        // 4. Select.
        String host = selectHost(scores, random);
        return new Result(host, evaluated, feasible.size(), null, null, Arrays.asList(decisions), scores);
    }

    /** The node with the highest total; among equals, each has the same chance (reservoir sampling). */
    static String selectHost(List<NodePluginScores> scores, Random random) {
        String selected = null;
        long max = Long.MIN_VALUE;
        int tied = 0;
        for (NodePluginScores s : scores) {
            if (s.totalScore() > max) {
                max = s.totalScore();
                selected = s.name();
                tied = 1;
            } else if (s.totalScore() == max) {
                tied++;
                if (random.nextInt(tied) == 0) {
                    selected = s.name();
                }
            }
        }
        return selected;
    }
}
