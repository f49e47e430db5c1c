package kubelab.kubelet.container;

import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.RestartPolicy;
import kubelab.runtime.cri.ContainerStatus;

/**
 * Whether a container that is not running should be (re)started, by the pod's restartPolicy:
 * Always restarts every exit, OnFailure only a non-zero exit, Never none. A sidecar (an init
 * container with {@code restartPolicy: Always}) always restarts.
 *
 * <p>Real Kubernetes: {@code ShouldContainerBeRestarted} in {@code pkg/kubelet/container/helpers.go}.
 */
public final class ContainerRestarts {
    private ContainerRestarts() {
    }

    public static boolean shouldContainerBeRestarted(Container container, Pod pod, RuntimePodStatus status) {
        if (pod.metadata().isBeingDeleted()) {
            return false;
        }
        ContainerStatus latest = status.latest(container.name());
        if (latest == null) {
            return true;
        }
        if (RuntimePodStatus.isRunning(latest)) {
            return false;
        }
        if (container.isSidecar()) {
            return true;
        }
        String policy = restartPolicy(pod);
        if (RestartPolicy.NEVER.equals(policy)) {
            return false;
        }
        if (RestartPolicy.ON_FAILURE.equals(policy)) {
            return !RuntimePodStatus.isExited(latest) || latest.exitCode() != 0;
        }
        return true;
    }

    /** The pod's restartPolicy, Always if unset. */
    public static String restartPolicy(Pod pod) {
        String p = pod.spec().restartPolicy();
        return p == null || p.isEmpty() ? RestartPolicy.ALWAYS : p;
    }
}
