package kubelab.scheduler.framework;

import java.util.Set;
import kubelab.api.core.Pod;

/**
 * A pod held at Permit: reserved on a node, not yet bound. Every Permit plugin that said Wait must
 * {@link #allow} it before binding goes on; one {@link #reject} ends the wait.
 *
 * <p>Real Kubernetes: {@code WaitingPod} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface WaitingPod {
    Pod pod();

    String nodeName();

    /** The plugins still to allow the pod. */
    Set<String> pendingPlugins();

    void allow(String pluginName);

    void reject(String pluginName, String message);
}
