package kubelab.kubelet.kuberuntime;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.RestartPolicy;
import kubelab.kubelet.container.ContainerRestarts;
import kubelab.kubelet.container.RuntimePodStatus;
import kubelab.kubelet.prober.ProbeManager;
import kubelab.kubelet.prober.ProbeResult;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.PodSandboxStatus;

/**
 * What one sync must do to a pod, computed from its spec and what the runtime holds: kill the pod
 * (its sandbox changed, or everything in it is done), create a sandbox, which containers to kill
 * and why, the next init container to start, and the app containers to start.
 *
 * <p>Real Kubernetes: {@code podActions} and {@code computePodActions} in
 * {@code pkg/kubelet/kuberuntime/kuberuntime_manager.go}.
 */
public record PodActions(boolean killPod, boolean createSandbox, String sandboxId, int attempt,
                         Container nextInitContainerToStart, boolean initFailed, List<Container> containersToStart,
                         List<ContainerToKill> containersToKill) {

    /** A running container to stop, with the message of its Killing event (null: the usual one). */
    public record ContainerToKill(Container container, ContainerStatus status, String message) {
    }

    /** Computes the actions for {@code pod}; liveness verdicts come from {@code probes}. */
    public static PodActions compute(Pod pod, RuntimePodStatus status, ProbeManager probes) {
        String uid = pod.metadata().uid();
        String policy = ContainerRestarts.restartPolicy(pod);
        PodSandboxStatus sandbox = status.latestSandbox().orElse(null);
        boolean sandboxChanged = sandbox == null || sandbox.state() != PodSandboxStatus.State.SANDBOX_READY
                || status.sandboxes().stream().filter(s -> s.state() == PodSandboxStatus.State.SANDBOX_READY).count() > 1;
        int attempt = sandbox == null ? 0 : sandbox.metadata().attempt() + 1;
        String sandboxId = sandbox == null ? null : sandbox.id();

        if (sandboxChanged) {
            // A pod that must not restart, whose containers already ran, gets no new sandbox.
            if (RestartPolicy.NEVER.equals(policy) && attempt != 0 && !status.containers().isEmpty()) {
                return new PodActions(true, false, sandboxId, attempt, null, false, List.of(), List.of());
            }
            List<Container> toStart = new ArrayList<>();
            Container firstInit = null;
            if (!pod.spec().initContainers().isEmpty()) {
                firstInit = pod.spec().initContainers().get(0);
            } else {
                for (Container c : pod.spec().containers()) {
                    ContainerStatus last = status.latest(c.name());
                    boolean succeeded = RuntimePodStatus.isExited(last) && last.exitCode() == 0;
                    if (succeeded && !RestartPolicy.ALWAYS.equals(policy)) {
                        continue;
                    }
                    toStart.add(c);
                }
                if (toStart.isEmpty()) {
                    return new PodActions(true, false, sandboxId, attempt, null, false, List.of(), List.of());
                }
            }
            return new PodActions(true, true, sandboxId, attempt, firstInit, false, toStart, List.of());
        }

        List<ContainerToKill> toKill = new ArrayList<>();
        // Init containers: one at a time, in order; a sidecar keeps running beside the others.
        for (Container c : pod.spec().initContainers()) {
            ContainerStatus s = status.latest(c.name());
            if (c.isSidecar()) {
                if (!RuntimePodStatus.isRunning(s)) {
                    return new PodActions(false, false, sandboxId, attempt, c, false, List.of(), toKill);
                }
                continue;
            }
            if (RuntimePodStatus.isExited(s) && s.exitCode() == 0) {
                continue;
            }
            if (RuntimePodStatus.isRunning(s)) {
                return new PodActions(false, false, sandboxId, attempt, null, false, List.of(), toKill);
            }
            if (RuntimePodStatus.isExited(s) && RestartPolicy.NEVER.equals(policy)) {
                // The init container failed and may not be retried: the pod has failed.
                return new PodActions(true, false, sandboxId, attempt, null, true, List.of(), toKill);
            }
            return new PodActions(false, false, sandboxId, attempt, c, false, List.of(), toKill);
        }

        List<Container> toStart = new ArrayList<>();
        int keep = 0;
        for (Container c : pod.spec().containers()) {
            ContainerStatus s = status.latest(c.name());
            if (!RuntimePodStatus.isRunning(s)) {
                if (ContainerRestarts.shouldContainerBeRestarted(c, pod, status)) {
                    toStart.add(c);
                }
                continue;
            }
            String failed = null;
            if (probes.liveness(uid, c.name()) == ProbeResult.FAILURE) {
                failed = "liveness";
            } else if (probes.startup(uid, c.name()) == ProbeResult.FAILURE) {
                failed = "startup";
            }
            if (failed == null) {
                keep++;
                continue;
            }
            boolean restart = !RestartPolicy.NEVER.equals(policy);
            String message = "Container " + c.name() + " failed " + failed + " probe" + (restart ? ", will be restarted" : "");
            toKill.add(new ContainerToKill(c, s, message));
            if (restart) {
                toStart.add(c);
            }
        }
        // Everything has finished and nothing restarts: stop the sandbox too (sidecars with it).
        boolean killPod = keep == 0 && toStart.isEmpty();
        return new PodActions(killPod, false, sandboxId, attempt, null, false, toStart, toKill);
    }
}
