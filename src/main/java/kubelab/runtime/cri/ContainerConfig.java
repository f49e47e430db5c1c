package kubelab.runtime.cri;

import java.util.List;
import java.util.Map;

/**
 * What the kubelet asks of one container: image, command and args (already resolved against the
 * image's entrypoint by the runtime when empty), environment, working directory, mounts, log path,
 * and the resources for its cgroup.
 *
 * <p>{@code metadata.attempt} is the restart count: the kubelet makes a new container for each
 * restart, and the runtime keeps the previous one until it is removed, so logs of the previous
 * run stay readable.
 *
 * <p>Real Kubernetes: {@code ContainerConfig} in the CRI; built by kuberuntime's
 * {@code generateContainerConfig}.
 */
public record ContainerConfig(ContainerMetadata metadata, ImageSpec image, List<String> command,
                              List<String> args, String workingDir, Map<String, String> envs, List<Mount> mounts,
                              String logPath, boolean tty, boolean stdin, Map<String, String> labels,
                              Map<String, String> annotations, LinuxContainerResources resources) {
    public ContainerConfig {
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        envs = envs == null ? Map.of() : Map.copyOf(envs);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The container's name in its pod, and how many times it has been restarted. */
    public record ContainerMetadata(String name, int attempt) {
    }

    /**
     * A path of the node's filesystem ({@code hostPath}) seen in the container at
     * {@code containerPath}.
     */
    public record Mount(String containerPath, String hostPath, boolean readonly) {
    }

    /**
     * The container's cgroup settings: CPU as shares/quota/period in millicore terms and the
     * memory limit in bytes (0 means none).
     */
    public record LinuxContainerResources(long cpuPeriod, long cpuQuota, long cpuShares,
                                          long memoryLimitInBytes) {
        public static final LinuxContainerResources NONE = new LinuxContainerResources(100_000, 0, 2, 0);
    }
}
