package kubelab.runtime.sim;

import java.util.List;
import java.util.OptionalInt;
import kubelab.runtime.shell.ShellOutput;
import kubelab.runtime.shell.Step;

/**
 * A container's main process (its PID 1), stepped by the runtime on the cluster's loop. A step runs
 * until the process sleeps, ends or has worked enough; the runtime turns a sleep into an ordinary
 * timer and steps again when it fires. A sleep of {@link Step.Sleeping#FOREVER} (a server waiting
 * for requests) sets no timer at all, so a cluster of idle servers can settle.
 *
 * <p>Real Kubernetes: the process runc starts in the container's namespaces and cgroup.
 */
public interface ContainerProcess {

    /** Runs until the process sleeps, exits, or uses up its slice of work. */
    Step step();

    /**
     * What SIGTERM does: the exit code if the process ends on it, empty if the signal is ignored.
     * The default is Linux's rule for PID 1 without a handler: the kernel drops the signal, so the
     * process only dies at SIGKILL when the grace period ends.
     */
    default OptionalInt terminate() {
        return OptionalInt.empty();
    }

    /** CPU the process uses now, in nano-cores, before the cgroup's quota throttles it. */
    default long cpuNanoCores() {
        return 1_000_000L; // an idle server: about 1m
    }

    /** Memory the process holds now, in bytes: its working set. */
    default long memoryBytes() {
        return 4L << 20;
    }

    /**
     * Runs an exec'd command that the image's own program answers ({@code nginx -s quit},
     * {@code redis-cli CONFIG GET maxmemory}); empty when it is not one, and the image's shell
     * (if it has one) runs it instead.
     */
    default OptionalInt exec(List<String> argv, ShellOutput out) {
        return OptionalInt.empty();
    }
}
