package kubelab.runtime.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kubelab.time.Clock;

/**
 * Everything a shell needs from its container: the environment, the filesystem, the log streams,
 * the hostname, the (virtual) clock and the network.
 *
 * <p>There is no sleep hook here: sleeping is the {@link Step.Sleeping} result of a step, so the
 * caller, which owns virtual time, decides when the shell wakes.
 *
 * <p>Real Kubernetes: what the kubelet hands the runtime in a {@code ContainerConfig} (envs,
 * mounts, hostname) plus the node's network, here made explicit.
 *
 * @param env        the container's environment, in the order the runtime set it
 * @param fs         the container's filesystem, volumes mounted
 * @param output     where stdout and stderr go
 * @param hostname   what {@code hostname} prints: the pod name
 * @param clock      what {@code date} reads
 * @param network    what {@code wget} and {@code nslookup} use
 * @param workingDir the initial working directory ({@code workingDir} of the container, or "/")
 */
public record ShellContext(Map<String, String> env, ContainerFs fs, ShellOutput output, String hostname,
        Clock clock, ShellNetwork network, String workingDir) {

    public ShellContext {
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /** A context with no network and "/" as working directory. */
    public static ShellContext of(Map<String, String> env, ContainerFs fs, ShellOutput output, String hostname,
            Clock clock) {
        return new ShellContext(env, fs, output, hostname, clock, ShellNetwork.NONE, "/");
    }

    public ShellContext withNetwork(ShellNetwork network) {
        return new ShellContext(env, fs, output, hostname, clock, network, workingDir);
    }

    public ShellContext withWorkingDir(String workingDir) {
        return new ShellContext(env, fs, output, hostname, clock, network, workingDir);
    }
}
