package kubelab.kubelet.container;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kubelab.runtime.cri.ContainerState;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.PodSandboxStatus;
import kubelab.runtime.cri.RuntimeService;

/**
 * What the runtime holds for one pod, read through the CRI: its sandboxes and every container
 * instance in them (the current and earlier attempts), newest first.
 *
 * <p>Real Kubernetes: {@code kubecontainer.PodStatus} in {@code pkg/kubelet/container/runtime.go},
 * filled by kuberuntime's {@code GetPodStatus}.
 */
public record RuntimePodStatus(String uid, List<PodSandboxStatus> sandboxes, List<ContainerStatus> containers) {
    public RuntimePodStatus {
        sandboxes = List.copyOf(sandboxes);
        containers = List.copyOf(containers);
    }

    /** Reads the pod's sandboxes and containers from the runtime. */
    public static RuntimePodStatus read(RuntimeService runtime, String uid) {
        List<PodSandboxStatus> sandboxes = new ArrayList<>();
        for (PodSandboxStatus s : runtime.listPodSandbox()) {
            if (s.metadata() != null && uid.equals(s.metadata().uid())) {
                sandboxes.add(s);
            }
        }
        sandboxes.sort(Comparator.comparing((PodSandboxStatus s) -> s.metadata().attempt())
                .thenComparing(PodSandboxStatus::createdAt).reversed());
        List<ContainerStatus> containers = new ArrayList<>();
        for (PodSandboxStatus s : sandboxes) {
            containers.addAll(runtime.listContainers(s.id()));
        }
        // Newest first: by attempt (the restart count), then by creation, as several may share an instant.
        containers.sort(Comparator.comparing((ContainerStatus c) -> c.metadata().attempt())
                .thenComparing(ContainerStatus::createdAt).reversed());
        return new RuntimePodStatus(uid, sandboxes, containers);
    }

    /** The newest sandbox, if any. */
    public Optional<PodSandboxStatus> latestSandbox() {
        return sandboxes.stream().findFirst();
    }

    /** The pod's IP: that of its newest ready sandbox, or null. */
    public String ip() {
        return latestSandbox().filter(s -> s.state() == PodSandboxStatus.State.SANDBOX_READY)
                .map(PodSandboxStatus::ip).orElse(null);
    }

    /** The newest instance of the named container, or null. */
    public ContainerStatus latest(String name) {
        return containers.stream().filter(c -> name.equals(c.metadata().name())).findFirst().orElse(null);
    }

    /** The instance before the newest one (the "previous" of {@code kubectl logs -p}), or null. */
    public ContainerStatus previous(String name) {
        return containers.stream().filter(c -> name.equals(c.metadata().name())).skip(1).findFirst().orElse(null);
    }

    /** Every instance of the pod that runs now. */
    public List<ContainerStatus> running() {
        return containers.stream().filter(c -> c.state() == ContainerState.CONTAINER_RUNNING).toList();
    }

    public static boolean isRunning(ContainerStatus c) {
        return c != null && c.state() == ContainerState.CONTAINER_RUNNING;
    }

    public static boolean isExited(ContainerStatus c) {
        return c != null && c.state() == ContainerState.CONTAINER_EXITED;
    }
}
