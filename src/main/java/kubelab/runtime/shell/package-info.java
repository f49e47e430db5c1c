/**
 * The small POSIX-like shell that the simulated {@code busybox}, {@code alpine}, {@code debian} and
 * {@code ubuntu} images run, over an in-memory container filesystem.
 *
 * <p>Why an interpreter: KubeLab has no real containers, yet the Kubernetes documentation's examples
 * ({@code sh -c 'echo Hello > /pod-data/index.html'}, a liveness probe's
 * {@code touch /tmp/healthy; sleep 30; rm -f /tmp/healthy}) must still do and print what the
 * documentation says. So {@link kubelab.runtime.shell.Shell} parses the command line into a small
 * syntax tree and interprets it against a {@link kubelab.runtime.shell.ShellContext}: the
 * container's environment, its {@link kubelab.runtime.shell.ContainerFs} (volumes mounted into it),
 * its log streams ({@link kubelab.runtime.shell.ShellOutput}), the cluster's clock and network
 * ({@link kubelab.runtime.shell.ShellNetwork}). It never touches the real filesystem, clock or
 * processes. Commands and messages follow busybox, the image most examples use.
 *
 * <p>Why resumable: time is virtual. {@code sleep 3600} cannot block a thread for an hour, nor for
 * a moment, since the whole cluster runs on one simulated clock. A
 * {@link kubelab.runtime.shell.ShellProcess} keeps its continuation as an explicit stack of frames;
 * {@code step()} runs until the script sleeps and returns
 * {@link kubelab.runtime.shell.Step.Sleeping}, and the simulated runtime steps it again when
 * virtual time has moved on. A loop that never sleeps returns {@link kubelab.runtime.shell.Step.Busy}
 * after a fixed amount of work, so it cannot freeze the simulation.
 *
 * <p>Who uses it: the simulated container runtime (its image catalogue), for containers' commands,
 * {@code exec} probes and {@code kubectl exec}.
 */
package kubelab.runtime.shell;
