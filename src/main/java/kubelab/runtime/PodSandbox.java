package kubelab.runtime;

import java.time.Instant;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.runtime.cri.PodSandboxStatus;

/**
 * A pod's sandbox on one node: its config, its IP, and whether its pause container still runs.
 *
 * <p>Real Kubernetes: a sandbox in containerd's CRI plugin ({@code internal/cri/store/sandbox}):
 * the pause container holding the pod's network, IPC and UTS namespaces.
 */
final class PodSandbox {

    final String id;
    final PodSandboxConfig config;
    final String ip;
    final String gateway;
    final Instant createdAt;
    PodSandboxStatus.State state = PodSandboxStatus.State.SANDBOX_READY;
    boolean networkReleased;

    PodSandbox(String id, PodSandboxConfig config, String ip, String gateway, Instant createdAt) {
        this.id = id;
        this.config = config;
        this.ip = ip;
        this.gateway = gateway;
        this.createdAt = createdAt;
    }

    /** The pod's hostname: the sandbox config's, else the pod's name. */
    String hostname() {
        return config.hostname() == null || config.hostname().isEmpty() ? config.metadata().name() : config.hostname();
    }

    PodSandboxStatus status() {
        return new PodSandboxStatus(id, config.metadata(), state, createdAt, ip, config.labels());
    }
}
