package kubelab.scheduler.framework;

import kubelab.api.core.Pod;

/**
 * Binds the pod to the node. Bind plugins are tried in order; one returning Skip passes the pod
 * to the next. The default, DefaultBinder, creates a {@code pods/binding}.
 *
 * <p>Real Kubernetes: {@code BindPlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface BindPlugin extends Plugin {
    Status bind(CycleState state, Pod pod, String nodeName);
}
