package kubelab.runtime;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import kubelab.runtime.cri.ContainerState;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.ExecResult;
import kubelab.runtime.shell.CapturedOutput;
import kubelab.runtime.shell.Shell;
import kubelab.runtime.shell.ShellContext;
import kubelab.runtime.shell.ShellProcess;
import kubelab.runtime.shell.Step;
import kubelab.runtime.sim.PodShellNetwork;
import kubelab.time.EventLoop;

/**
 * One command run inside a running container ({@code ExecSync}): first offered to the container's
 * own program ({@code nginx -s quit}, {@code redis-cli ...}), else run by the image's shell over the
 * container's filesystem and environment, stepped on the loop until it ends or its timeout passes.
 * An image without a shell has only its program: anything else is "executable file not found".
 *
 * <p>Real Kubernetes: containerd's {@code ExecSync} ({@code internal/cri/server/container_execsync.go}),
 * which the kubelet uses for exec probes and lifecycle hooks.
 */
final class ExecSession {

    private final Container container;
    private final EventLoop loop;
    private final CapturedOutput out = new CapturedOutput();
    private final CompletableFuture<ExecResult> result = new CompletableFuture<>();
    private ShellProcess shell;
    private EventLoop.Timer wake;
    private EventLoop.Timer deadline;

    private ExecSession(Container container, EventLoop loop) {
        this.container = container;
        this.loop = loop;
    }

    static CompletableFuture<ExecResult> run(Container container, EventLoop loop, List<String> cmd, Duration timeout) {
        if (container.state != ContainerState.CONTAINER_RUNNING) {
            return CompletableFuture.failedFuture(new CriException("failed to exec in container: container is in "
                    + container.state + " state"));
        }
        if (cmd.isEmpty()) {
            return CompletableFuture.failedFuture(new CriException("cmd must not be empty"));
        }
        return new ExecSession(container, loop).begin(cmd, timeout);
    }

    private CompletableFuture<ExecResult> begin(List<String> cmd, Duration timeout) {
        OptionalInt handled;
        try {
            handled = container.process.exec(cmd, out);
        } catch (RuntimeException e) {
            out.stderr(e.getMessage() + "\n");
            handled = OptionalInt.of(1);
        }
        if (handled.isPresent()) {
            return CompletableFuture.completedFuture(done(handled.getAsInt(), false));
        }
        if (!container.image.shell() || !Shell.hasProgram(cmd.get(0))) {
            return CompletableFuture.failedFuture(new CriException("OCI runtime exec failed: exec failed: unable to "
                    + "start container process: exec: \"" + cmd.get(0) + "\": executable file not found in $PATH: unknown"));
        }
        String workingDir = container.config.workingDir() == null || container.config.workingDir().isEmpty()
                ? container.image.config().workingDir() : container.config.workingDir();
        ShellContext ctx = new ShellContext(container.env, container.fs, out, container.sandbox.hostname(),
                loop.clock(), new PodShellNetwork(container.runtimeNetwork()), workingDir);
        shell = Shell.start(cmd, ctx);
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            deadline = loop.schedule("exec timeout in " + container.config.metadata().name(), timeout, () -> {
                if (wake != null) {
                    wake.cancel();
                }
                result.complete(done(-1, true));
            });
        }
        step();
        return result;
    }

    private void step() {
        wake = null;
        if (result.isDone()) {
            return;
        }
        if (container.state != ContainerState.CONTAINER_RUNNING) {
            finish(Container.SIGKILL_EXIT); // the container's PID 1 ended: every process in it dies
            return;
        }
        Step step = shell.step();
        if (step instanceof Step.Exited exited) {
            finish(exited.code());
        } else if (step instanceof Step.Sleeping sleeping) {
            if (sleeping.duration().compareTo(Step.Sleeping.FOREVER) < 0) {
                wake = loop.schedule("exec in " + container.config.metadata().name(), sleeping.duration(), this::step);
            }
        } else {
            wake = loop.schedule("exec in " + container.config.metadata().name(), Container.BUSY_RESCHEDULE, this::step);
        }
    }

    private void finish(int code) {
        if (deadline != null) {
            deadline.cancel();
        }
        result.complete(done(code, false));
    }

    private ExecResult done(int code, boolean timedOut) {
        return new ExecResult(out.stdoutText(), out.stderrText(), code, timedOut);
    }
}
