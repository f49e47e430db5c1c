package kubelab.scheduler.framework;

import java.util.List;
import kubelab.api.core.Pod;

/**
 * A plugin that looks at the pod once per cycle, before any node is filtered, and stores what the
 * filter will need in the {@link CycleState}.
 *
 * <p>Returning {@link Status.Code#Skip} says the plugin's Filter has nothing to check for this pod;
 * returning a rejection makes the pod unschedulable on every node at once. {@code nodes} is every
 * node of the snapshot, for plugins that count across the cluster (PodTopologySpread). Kubernetes'
 * version also returns a {@code PreFilterResult} that can narrow the node list; that is left out here.
 *
 * <p>Real Kubernetes: {@code PreFilterPlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface PreFilterPlugin extends Plugin {
    Status preFilter(CycleState state, Pod pod, List<NodeInfo> nodes);
}
