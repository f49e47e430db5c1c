package kubelab.scheduler.framework;

import java.util.Map;
import kubelab.api.core.Pod;

/**
 * Runs when no node passed the filters, to make the pod schedulable in a later cycle: the default
 * one, DefaultPreemption, evicts lower-priority pods. {@code nodeToStatus} says why each node failed.
 *
 * <p>Real Kubernetes: {@code PostFilterPlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface PostFilterPlugin extends Plugin {
    PostFilterResult postFilter(CycleState state, Pod pod, Map<String, Status> nodeToStatus);
}
