package kubelab.scheduler.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import kubelab.scheduler.framework.Plugin;
import kubelab.scheduler.plugins.interpodaffinity.InterPodAffinity;
import kubelab.scheduler.plugins.nodeaffinity.NodeAffinity;
import kubelab.scheduler.plugins.nodename.NodeName;
import kubelab.scheduler.plugins.nodeports.NodePorts;
import kubelab.scheduler.plugins.noderesources.BalancedAllocation;
import kubelab.scheduler.plugins.noderesources.Fit;
import kubelab.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import kubelab.scheduler.plugins.podtopologyspread.PodTopologySpread;
import kubelab.scheduler.plugins.tainttoleration.TaintToleration;

/**
 * The plugins that come with the scheduler, by name, each with a factory that makes a fresh
 * instance with default arguments. A scheduler profile names plugins; the registry turns names into
 * objects, and a custom scheduler adds its own entries beside these.
 *
 * <p>Real Kubernetes: {@code NewInTreeRegistry} in
 * {@code pkg/scheduler/framework/plugins/registry.go}.
 */
public final class InTreeRegistry {
    private InTreeRegistry() {
    }

    /** Name to factory, in the order the default profile lists the filters. */
    public static Map<String, Supplier<Plugin>> create() {
        Map<String, Supplier<Plugin>> registry = new LinkedHashMap<>();
        registry.put(NodeUnschedulable.NAME, NodeUnschedulable::new);
        registry.put(NodeName.NAME, NodeName::new);
        registry.put(TaintToleration.NAME, TaintToleration::new);
        registry.put(NodeAffinity.NAME, NodeAffinity::new);
        registry.put(NodePorts.NAME, NodePorts::new);
        registry.put(Fit.NAME, Fit::new);
        registry.put(PodTopologySpread.NAME, PodTopologySpread::new);
        registry.put(InterPodAffinity.NAME, InterPodAffinity::new);
        registry.put(BalancedAllocation.NAME, BalancedAllocation::new);
        return registry;
    }
}
