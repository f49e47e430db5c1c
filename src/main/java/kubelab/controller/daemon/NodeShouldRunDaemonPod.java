package kubelab.controller.daemon;

import java.util.List;
import java.util.Map;
import kubelab.api.apps.DaemonSet;
import kubelab.api.core.Affinity;
import kubelab.api.core.Node;
import kubelab.api.core.NodeSelector;
import kubelab.api.core.PodSpec;
import kubelab.api.core.Taint;
import kubelab.api.core.TaintEffect;
import kubelab.api.core.Toleration;
import kubelab.scheduler.plugins.helper.NodeSelectors;
import kubelab.scheduler.plugins.helper.Tolerations;

/**
 * Whether one DaemonSet's pod belongs on a node, as two answers: {@code shouldRun} (a pod should
 * be created there) and {@code shouldContinueRunning} (a pod already there may stay). A node
 * with a NoSchedule taint the pod does not tolerate gets no new pod, but a pod already running
 * there stays, unless a NoExecute taint is untolerated too.
 *
 * <p>The checks are the scheduler's own rules, applied to the pod the DaemonSet would make
 * (its template plus the daemon tolerations): {@code spec.nodeName}, {@code nodeSelector} and
 * required node affinity ({@link NodeSelectors}), and NoSchedule/NoExecute taints
 * ({@link Tolerations}). Built once per DaemonSet sync and asked once per node, so a sync costs
 * one pass over the nodes and nothing per pod.
 *
 * <p>Real Kubernetes: {@code NodeShouldRunDaemonPod} and {@code predicates} in
 * {@code pkg/controller/daemon/daemon_controller.go}.
 */
public final class NodeShouldRunDaemonPod {

    /** The two answers for one node. */
    public record Result(boolean shouldRun, boolean shouldContinueRunning) {
        static final Result NO = new Result(false, false);
    }

    private final String nodeName;
    private final Map<String, String> nodeSelector;
    private final NodeSelector requiredNodeAffinity;
    private final List<Toleration> tolerations;

    /** The predicates for {@code ds}'s pods. */
    public NodeShouldRunDaemonPod(DaemonSet ds) {
        PodSpec spec = ds.spec().template().spec();
        this.nodeName = spec.nodeName();
        this.nodeSelector = spec.nodeSelector();
        Affinity affinity = spec.affinity();
        this.requiredNodeAffinity = affinity == null || affinity.nodeAffinity() == null ? null
                : affinity.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution();
        this.tolerations = DaemonSetUtil.addOrUpdateDaemonPodTolerations(spec);
    }

    /** Shorthand for one question. */
    public static Result check(Node node, DaemonSet ds) {
        return new NodeShouldRunDaemonPod(ds).check(node);
    }

    // tag::node-should-run[]
    public Result check(Node node) {
        if (nodeName != null && !nodeName.isEmpty() && !nodeName.equals(node.name())) {
            return Result.NO;
        }
        if (!fitsNodeAffinity(node)) {
            return Result.NO;
        }
        List<Taint> taints = node.spec() == null ? List.of() : node.spec().taints();
        boolean fitsTaints = Tolerations.findMatchingUntoleratedTaint(taints, tolerations,
                t -> TaintEffect.NO_SCHEDULE.equals(t.effect()) || TaintEffect.NO_EXECUTE.equals(t.effect())).isEmpty();
        if (!fitsTaints) {
            // A pod already there may stay unless a NoExecute taint would evict it.
            boolean untoleratedNoExecute = Tolerations.findMatchingUntoleratedTaint(taints, tolerations,
                    t -> TaintEffect.NO_EXECUTE.equals(t.effect())).isPresent();
            return new Result(false, !untoleratedNoExecute);
        }
        return new Result(true, true);
    }
    // end::node-should-run[]

    /** nodeSelector and the required node affinity both match, as the scheduler's NodeAffinity filter asks. */
    private boolean fitsNodeAffinity(Node node) {
        Map<String, String> labels = node.metadata().labels();
        for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return requiredNodeAffinity == null || NodeSelectors.matches(requiredNodeAffinity, node);
    }
}
