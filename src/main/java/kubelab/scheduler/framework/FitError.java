package kubelab.scheduler.framework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.api.core.Pod;

/**
 * Why a pod fits nowhere: the number of nodes looked at and each node's rejecting Status, with the
 * message Kubernetes shows in the {@code FailedScheduling} event and the {@code PodScheduled}
 * condition.
 *
 * <p>The message counts each distinct reason over all nodes, then sorts the
 * {@code "<count> <reason>"} strings as plain text, so
 * {@code 0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: batch}, 2 Insufficient cpu.}
 * lists the taint first because "1" sorts before "2", not because of any ranking. A node rejected
 * for two reasons counts under both. If PreFilter rejected the pod, its message replaces the
 * per-node counts; a PostFilter (preemption) message is appended last.
 *
 * <p>Real Kubernetes: {@code FitError} and its {@code Error()} in {@code pkg/scheduler/framework/types.go}.
 */
public record FitError(Pod pod, int numAllNodes, Map<String, Status> nodeToStatus, String preFilterMsg,
                       String postFilterMsg) {

    /** Kubernetes' opening words, with the number of nodes. */
    public static final String NO_NODE_AVAILABLE_MSG = "0/%d nodes are available";

    public FitError {
        nodeToStatus = Collections.unmodifiableMap(new LinkedHashMap<>(nodeToStatus));
        preFilterMsg = preFilterMsg == null ? "" : preFilterMsg;
        postFilterMsg = postFilterMsg == null ? "" : postFilterMsg;
    }

    /** A FitError from filtering alone: no PreFilter or PostFilter message. */
    public static FitError of(Pod pod, int numAllNodes, Map<String, Status> nodeToStatus) {
        return new FitError(pod, numAllNodes, nodeToStatus, "", "");
    }

    /** The unschedulable message, exactly as Kubernetes formats it. */
    public String message() {
        StringBuilder msg = new StringBuilder(String.format(NO_NODE_AVAILABLE_MSG, numAllNodes)).append(':');
        if (!preFilterMsg.isEmpty()) {
            // The framework copies a PreFilter rejection to every node; counting them would repeat it.
            msg.append(' ').append(preFilterMsg).append('.');
        } else {
            List<String> histogram = reasonHistogram();
            if (!histogram.isEmpty()) {
                msg.append(' ').append(String.join(", ", histogram)).append('.');
            }
        }
        if (!postFilterMsg.isEmpty()) {
            msg.append(' ').append(postFilterMsg);
        }
        return msg.toString();
    }

    /** {@code "<count> <reason>"} for each distinct reason, sorted as text. */
    public List<String> reasonHistogram() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Status status : nodeToStatus.values()) {
            for (String reason : status.reasons()) {
                counts.merge(reason, 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((reason, n) -> lines.add(n + " " + reason));
        Collections.sort(lines);
        return lines;
    }

    @Override
    public String toString() {
        return message();
    }
}
