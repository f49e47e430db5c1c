package kubelab.scheduler.framework;

import kubelab.api.core.Pod;

/**
 * A plugin that says whether a pod may run on one node: Success, or a rejection with reasons.
 *
 * <p>It must not change the NodeInfo it is given: the same NodeInfo is shown to every plugin.
 *
 * <p>Real Kubernetes: {@code FilterPlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface FilterPlugin extends Plugin {
    Status filter(CycleState state, Pod pod, NodeInfo nodeInfo);
}
