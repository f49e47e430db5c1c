package kubelab.scheduler.framework;

import kubelab.api.core.Pod;

/**
 * Work that must be done before the pod is bound (for instance provisioning a volume); a failure
 * unreserves the pod and sends it back to the queue.
 *
 * <p>Real Kubernetes: {@code PreBindPlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface PreBindPlugin extends Plugin {
    Status preBind(CycleState state, Pod pod, String nodeName);
}
