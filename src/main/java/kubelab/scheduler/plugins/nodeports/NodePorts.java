package kubelab.scheduler.plugins.nodeports;

import java.util.List;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.FilterPlugin;
import kubelab.scheduler.framework.HostPortInfo;
import kubelab.scheduler.framework.HostPortInfo.HostPort;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.PreFilterPlugin;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.plugins.Names;

/**
 * The filter for host ports: PreFilter lists the pod's host ports once (or skips the plugin when
 * there are none, the common case); Filter rejects a node where any of them is already taken.
 *
 * <p>Unschedulable, not unresolvable: evicting the pod that holds the port would free it.
 *
 * <p>Real Kubernetes: {@code pkg/scheduler/framework/plugins/nodeports}.
 */
public final class NodePorts implements PreFilterPlugin, FilterPlugin {
    public static final String NAME = Names.NODE_PORTS;
    public static final String ERR_REASON = "node(s) didn't have free ports for the requested pod ports";
    static final String PRE_FILTER_STATE_KEY = "PreFilter" + NAME;

    /** The pod's host ports, computed once per cycle. */
    record PreFilterState(List<HostPort> ports) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Status preFilter(CycleState state, Pod pod, List<NodeInfo> nodes) {
        List<HostPort> ports = HostPortInfo.of(pod);
        if (ports.isEmpty()) {
            return Status.of(Status.Code.Skip).withPlugin(NAME);
        }
        state.write(PRE_FILTER_STATE_KEY, new PreFilterState(ports));
        return Status.success();
    }

    @Override
    public Status filter(CycleState state, Pod pod, NodeInfo nodeInfo) {
        // Without PreFilter (a test, a notebook) the ports are computed here; same answer.
        List<HostPort> ports = state.read(PRE_FILTER_STATE_KEY, PreFilterState.class)
                .map(PreFilterState::ports)
                .orElseGet(() -> HostPortInfo.of(pod));
        return fitsPorts(ports, nodeInfo)
                ? Status.success()
                : Status.of(Status.Code.Unschedulable, ERR_REASON).withPlugin(NAME);
    }

    /** True when none of the pod's host ports is taken on the node. */
    public static boolean fits(Pod pod, NodeInfo nodeInfo) {
        return fitsPorts(HostPortInfo.of(pod), nodeInfo);
    }

    static boolean fitsPorts(List<HostPort> wanted, NodeInfo nodeInfo) {
        return wanted.stream().noneMatch(p -> nodeInfo.usedPorts().checkConflict(p));
    }
}
