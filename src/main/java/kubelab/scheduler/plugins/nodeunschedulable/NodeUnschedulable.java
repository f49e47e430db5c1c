package kubelab.scheduler.plugins.nodeunschedulable;

import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.core.Taint;
import kubelab.api.core.TaintEffect;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.Names;
import kubelab.scheduler.plugins.helper.Tolerations;

/**
 * The filter that rejects cordoned nodes: {@code spec.unschedulable: true} keeps new pods away,
 * except pods that tolerate {@code node.kubernetes.io/unschedulable:NoSchedule} (DaemonSet pods
 * get that toleration, which is how they still land on cordoned nodes).
 *
 * <p>Unresolvable: preempting pods cannot uncordon a node.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/nodeunschedulable}.
 */
public final class NodeUnschedulable implements FilterPlugin {
    public static final String NAME = Names.NODE_UNSCHEDULABLE;
    /** The reason for a node that is cordoned. */
    public static final String ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
    /** The taint key that stands for {@code spec.unschedulable}. */
    public static final String TAINT_NODE_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
        return fits(pod, nodeInfo.node())
                ? Status.success()
                : Status.of(Status.Code.UnschedulableAndUnresolvable, ERR_REASON_UNSCHEDULABLE).withPlugin(NAME);
    }

    /** True unless the node is cordoned and the pod does not tolerate that. */
    public static boolean fits(Pod pod, Node node) {
        if (node.spec() == null || !Boolean.TRUE.equals(node.spec().unschedulable())) {
            return true;
        }
        Taint unschedulable = Taint.of(TAINT_NODE_UNSCHEDULABLE, null, TaintEffect.NO_SCHEDULE);
        return pod.spec() != null && Tolerations.tolerationsTolerateTaint(pod.spec().tolerations(), unschedulable);
    }
}
