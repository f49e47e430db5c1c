package kubelab.runtime.cri;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Runs pod sandboxes and their containers.
 *
 * <p>A sandbox is the pod's shared environment (its network namespace and IP, held by the pause
 * container); containers are created in a sandbox and share it. A container goes
 * CREATED → RUNNING → EXITED, and is then removed. Errors are {@link CriException}s.
 *
 * <p>Real Kubernetes: {@code service RuntimeService} in the CRI's {@code api.proto}.
 */
public interface RuntimeService {
    /** The runtime's name and version, as {@code kubectl get nodes -o wide} shows them. */
    VersionResponse version();

    /** Gives the runtime the node's pod CIDR, from which sandboxes take their IPs. */
    void updateRuntimeConfig(String podCidr);

    /** Creates and starts a sandbox (pause container, namespaces, pod IP); returns its id. */
    String runPodSandbox(PodSandboxConfig config);

    /** Stops the sandbox and every container in it that still runs (killed at once). Idempotent. */
    void stopPodSandbox(String podSandboxId);

    /** Removes a stopped sandbox and its containers. Idempotent. */
    void removePodSandbox(String podSandboxId);

    PodSandboxStatus podSandboxStatus(String podSandboxId);

    /** Every sandbox the runtime knows, ready or not. */
    List<PodSandboxStatus> listPodSandbox();

    /** Creates a container in a sandbox (state CREATED); the image must have been pulled. Returns its id. */
    String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig);

    /** Starts a created container: its process begins now. */
    void startContainer(String containerId);

    /**
     * Stops a container: SIGTERM, then SIGKILL once {@code timeoutSeconds} have passed if it is still
     * running. Completes when the container has exited. Stopping an exited container completes at once.
     */
    CompletionStage<Void> stopContainer(String containerId, long timeoutSeconds);

    /** Removes a container that is not running; its logs go with it. */
    void removeContainer(String containerId);

    ContainerStatus containerStatus(String containerId);

    /** Containers, optionally only those of one sandbox ({@code null} for all). */
    List<ContainerStatus> listContainers(String podSandboxId);

    /**
     * Runs a command in a running container and collects its output: what exec probes and
     * {@code kubectl exec} use. A command still running after {@code timeout} is killed, and the
     * result says so ({@link ExecResult#timedOut()}).
     */
    CompletionStage<ExecResult> execSync(String containerId, List<String> cmd, Duration timeout);

    /** The container's log: what it wrote to stdout and stderr, one line per entry. */
    List<LogLine> containerLogs(String containerId);

    /** Resource usage now: CPU in nano-cores, memory working set in bytes. */
    ContainerStats containerStats(String containerId);

    /**
     * Tells {@code listener} of every container state change (created, started, stopped, deleted),
     * on the loop, as it happens: the kubelet's evented PLEG.
     */
    void addContainerEventListener(Consumer<ContainerEvent> listener);
}
