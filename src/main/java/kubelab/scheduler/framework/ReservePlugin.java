package kubelab.scheduler.framework;

import kubelab.api.core.Pod;

/**
 * Told when a pod is reserved on a node, before binding, so that a plugin keeping its own state
 * (volumes, devices) can account for it; {@code unreserve} undoes it if a later step fails.
 * Unreserve must be idempotent and cannot fail.
 *
 * <p>Real Kubernetes: {@code ReservePlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface ReservePlugin extends Plugin {
    Status reserve(CycleState state, Pod pod, String nodeName);

    void unreserve(CycleState state, Pod pod, String nodeName);
}
