package kubelab.scheduler.plugins.podtopologyspread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.core.TopologySpreadConstraint;
import kubelab.api.meta.OwnerReference;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.NodeScore;
import kubelab.scheduler.framework.ScorePlugin;
import kubelab.scheduler.plugins.nodeaffinity.NodeAffinity;
import kubelab.scheduler.plugins.tainttoleration.TaintToleration;

/**
 * PodTopologySpread's score half: prefer nodes whose topology domains hold fewer matching pods.
 *
 * <p>Soft constraints ({@code whenUnsatisfiable: ScheduleAnyway}) are used; a pod without any
 * constraint gets the cluster defaults: hostname with maxSkew 3 and zone with maxSkew 5, both soft,
 * matching the pods of the same controller. Per node and constraint the raw score adds
 * {@code count × log(domains + 2) + maxSkew - 1}, where {@code count} is the matching pods in the
 * node's domain (counted over all nodes, or on the node itself for the hostname key). NormalizeScore
 * reverses it: the least crowded node gets 100. With the pod's own constraints, nodes missing a
 * topology key score 0; with the defaults they are simply not counted.
 *
 * <p>Simplified: Kubernetes builds the default selector from the Services, ReplicationControllers,
 * ReplicaSets and StatefulSets that select the pod; here it is "the pods of the same controller"
 * (same controller ownerReference uid), which is what a ReplicaSet's selector matches in practice.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/podtopologyspread/scoring.go}.
 */
final class Scoring {
    static final String LABEL_HOSTNAME = "kubernetes.io/hostname";
    static final String LABEL_ZONE = "topology.kubernetes.io/zone";
    static final String SCHEDULE_ANYWAY = "ScheduleAnyway";

    /** One soft constraint, its selector made a predicate. */
    record ScoreConstraint(String topologyKey, int maxSkew, Predicate<Pod> selects, boolean honorAffinity,
                           boolean honorTaints) {
    }

    record TopologyPair(String key, String value) {
    }

    record PreScoreState(List<ScoreConstraint> constraints, Set<String> ignoredNodes,
                         Map<TopologyPair, Long> pairCounts, double[] weights) {
    }

    private Scoring() {
    }

    /** The pod's soft constraints, or the cluster defaults when it has none at all; empty: nothing to score. */
    static List<ScoreConstraint> constraints(Pod pod) {
        List<ScoreConstraint> out = new ArrayList<>();
        List<TopologySpreadConstraint> own = pod.spec() == null ? List.of() : pod.spec().topologySpreadConstraints();
        if (!own.isEmpty()) {
            for (TopologySpreadConstraint c : own) {
                if (SCHEDULE_ANYWAY.equals(c.whenUnsatisfiable())) {
                    var selector = kubelab.api.labels.Selector.from(c.labelSelector());
                    out.add(new ScoreConstraint(c.topologyKey(), c.maxSkew() == null ? 1 : c.maxSkew(),
                            p -> selector.matches(p.metadata().labels()),
                            c.nodeAffinityPolicy() == null || PodTopologySpread.HONOR.equals(c.nodeAffinityPolicy()),
                            PodTopologySpread.HONOR.equals(c.nodeTaintsPolicy())));
                }
            }
            return out;
        }
        OwnerReference owner = pod.metadata().controllerRef();
        if (owner == null || owner.uid() == null) {
            return out;
        }
        Predicate<Pod> sameController = p -> p.metadata().controllerRef() != null
                && owner.uid().equals(p.metadata().controllerRef().uid());
        out.add(new ScoreConstraint(LABEL_HOSTNAME, 3, sameController, true, false));
        out.add(new ScoreConstraint(LABEL_ZONE, 5, sameController, true, false));
        return out;
    }

    static PreScoreState preScore(Pod pod, List<ScoreConstraint> constraints, List<NodeInfo> filtered,
                                  List<NodeInfo> allNodes) {
        boolean requireAllTopologies = pod.spec() != null && !pod.spec().topologySpreadConstraints().isEmpty();
        Set<String> ignored = new HashSet<>();
        Map<TopologyPair, Long> pairCounts = new HashMap<>();
        int[] topoSize = new int[constraints.size()];
        for (NodeInfo n : filtered) {
            Map<String, String> labels = n.node().metadata().labels();
            if (requireAllTopologies && !hasAllKeys(labels, constraints)) {
                ignored.add(n.nodeName());
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                String key = constraints.get(i).topologyKey();
                if (!LABEL_HOSTNAME.equals(key)
                        && pairCounts.putIfAbsent(new TopologyPair(key, labels.getOrDefault(key, "")), 0L) == null) {
                    topoSize[i]++;
                }
            }
        }
        double[] weights = new double[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            int size = LABEL_HOSTNAME.equals(constraints.get(i).topologyKey())
                    ? filtered.size() - ignored.size() : topoSize[i];
            weights[i] = Math.log(size + 2);
        }
        for (NodeInfo n : allNodes) {
            Node node = n.node();
            Map<String, String> labels = node.metadata().labels();
            if (!hasAllKeys(labels, constraints)) {
                continue;
            }
            for (ScoreConstraint c : constraints) {
                if (LABEL_HOSTNAME.equals(c.topologyKey())
                        || (c.honorAffinity() && !NodeAffinity.matchesRequired(pod, node))
                        || (c.honorTaints() && TaintToleration.untoleratedTaint(pod, node).isPresent())) {
                    continue;
                }
                TopologyPair pair = new TopologyPair(c.topologyKey(), labels.get(c.topologyKey()));
                if (pairCounts.containsKey(pair)) {
                    pairCounts.merge(pair, countPodsMatchSelector(n, c, pod), Long::sum);
                }
            }
        }
        return new PreScoreState(constraints, ignored, pairCounts, weights);
    }

    static long score(PreScoreState s, Pod pod, NodeInfo nodeInfo) {
        if (s.ignoredNodes().contains(nodeInfo.nodeName())) {
            return 0;
        }
        Map<String, String> labels = nodeInfo.node().metadata().labels();
        double score = 0;
        for (int i = 0; i < s.constraints().size(); i++) {
            ScoreConstraint c = s.constraints().get(i);
            String value = labels.get(c.topologyKey());
            if (value == null) {
                continue;
            }
            long cnt = LABEL_HOSTNAME.equals(c.topologyKey()) ? countPodsMatchSelector(nodeInfo, c, pod)
                    : s.pairCounts().getOrDefault(new TopologyPair(c.topologyKey(), value), 0L);
            score += cnt * s.weights()[i] + (c.maxSkew() - 1);
        }
        return Math.round(score);
    }

    static List<NodeScore> normalize(PreScoreState s, List<NodeScore> scores) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (NodeScore n : scores) {
            if (!s.ignoredNodes().contains(n.name())) {
                min = Math.min(min, n.score());
                max = Math.max(max, n.score());
            }
        }
        List<NodeScore> out = new ArrayList<>(scores.size());
        for (NodeScore n : scores) {
            long v;
            if (s.ignoredNodes().contains(n.name())) {
                v = 0;
            } else if (max == 0) {
                v = ScorePlugin.MAX_NODE_SCORE;
            } else {
                v = ScorePlugin.MAX_NODE_SCORE * (max + min - n.score()) / max;
            }
            out.add(n.withScore(v));
        }
        return out;
    }

    private static boolean hasAllKeys(Map<String, String> labels, List<ScoreConstraint> constraints) {
        return constraints.stream().allMatch(c -> labels.containsKey(c.topologyKey()));
    }

    private static long countPodsMatchSelector(NodeInfo n, ScoreConstraint c, Pod pod) {
        String ns = pod.metadata().namespace();
        return n.pods().stream()
                .filter(p -> Objects.equals(p.metadata().namespace(), ns) && p.metadata().deletionTimestamp() == null)
                .filter(c.selects())
                .count();
    }
}
