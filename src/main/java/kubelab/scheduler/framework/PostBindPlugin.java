package kubelab.scheduler.framework;

import kubelab.api.core.Pod;

/**
 * Told after a pod was bound, to clean up; informational only.
 *
 * <p>Real Kubernetes: {@code PostBindPlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface PostBindPlugin extends Plugin {
    void postBind(CycleState state, Pod pod, String nodeName);
}
