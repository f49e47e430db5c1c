package kubelab.scheduler.plugins.nodename;

import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.Names;

/**
 * The filter that honours {@code spec.nodeName}: when set, every other node is rejected.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/nodename}.
 */
public final class NodeName implements FilterPlugin {
    public static final String NAME = Names.NODE_NAME;
    public static final String ERR_REASON = "node(s) didn't match the requested node name";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
        return fits(pod, nodeInfo)
                ? Status.success()
                : Status.of(Status.Code.UnschedulableAndUnresolvable, ERR_REASON).withPlugin(NAME);
    }

    /** True when the pod names no node or names this one. */
    public static boolean fits(Pod pod, NodeInfo nodeInfo) {
        String wanted = pod.spec() == null ? null : pod.spec().nodeName();
        return wanted == null || wanted.isEmpty() || wanted.equals(nodeInfo.nodeName());
    }
}
