package kubelab.runtime.sim;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import kubelab.runtime.shell.FsException;
import kubelab.runtime.shell.Shell;
import kubelab.runtime.shell.ShellProcess;
import kubelab.runtime.shell.Step;

/**
 * The programs of a shell image (busybox, alpine, debian, ubuntu, and the shell every image with
 * {@code /bin/sh} has): {@code sh -c SCRIPT}, {@code sh FILE}, or one command such as
 * {@code sleep 3600}, run by KubeLab's resumable shell.
 *
 * <p>Two real behaviours matter here. {@code sh} alone reads its script from stdin, and a container
 * has none, so it exits 0 at once (why {@code kubectl run --image=busybox} completes). And a shell
 * is PID 1 without a SIGTERM handler, so the signal is ignored and the container dies by SIGKILL
 * when the grace period ends, unless the script {@code trap}s TERM.
 *
 * <p>Real Kubernetes: none; busybox {@code ash} as the container's PID 1.
 */
public final class ShellBehaviour implements Behaviour {

    private static final Set<String> SHELLS = Set.of("sh", "ash", "bash", "dash");

    @Override
    public ContainerProcess start(ProcessContext ctx) {
        List<String> argv = ctx.argv();
        if (argv.isEmpty()) {
            return null;
        }
        if (SHELLS.contains(ctx.program()) && (argv.size() < 3 || !argv.get(1).equals("-c"))) {
            if (argv.size() >= 2 && !argv.get(1).startsWith("-")) {
                return scriptFile(ctx, argv);
            }
            return Processes.exited(0); // no stdin: end of input at once
        }
        if (!Shell.hasProgram(argv.get(0))) {
            return null;
        }
        return new ShellContainerProcess(Shell.start(argv, ctx.shellContext(ctx.out())), ctx);
    }

    private static ContainerProcess scriptFile(ProcessContext ctx, List<String> argv) {
        String path = argv.get(1).startsWith("/") ? argv.get(1) : ctx.workingDir() + "/" + argv.get(1);
        String script;
        try {
            script = ctx.fs().read(path);
        } catch (FsException e) {
            ctx.out().stderr(ctx.program() + ": can't open '" + argv.get(1) + "': No such file or directory\n");
            return Processes.exited(2);
        }
        List<String> withScript = new java.util.ArrayList<>(List.of("sh", "-c", script));
        withScript.addAll(argv.subList(1, argv.size()));
        return new ShellContainerProcess(Shell.start(withScript, ctx.shellContext(ctx.out())), ctx);
    }

    /** A shell as a container's PID 1. */
    static final class ShellContainerProcess implements ContainerProcess {
        private final ShellProcess shell;
        private final ProcessContext ctx;
        private boolean busy;

        ShellContainerProcess(ShellProcess shell, ProcessContext ctx) {
            this.shell = shell;
            this.ctx = ctx;
        }

        @Override
        public Step step() {
            Step step = shell.step();
            busy = step instanceof Step.Busy;
            return step;
        }

        /**
         * PID 1 ignores SIGTERM unless the script trapped it. A trap's action runs at once and the
         * shell then ends with its status (simplified: ash would first let a running {@code sleep}
         * finish, then run the trap and carry on with the script).
         */
        @Override
        public OptionalInt terminate() {
            String action = shell.traps().get("TERM");
            if (action == null || action.isBlank()) {
                return OptionalInt.empty();
            }
            ShellProcess handler = Shell.start(action, ctx.shellContext(ctx.out()));
            Step step = handler.step();
            return OptionalInt.of(step instanceof Step.Exited exited ? exited.code() : 143);
        }

        @Override
        public long cpuNanoCores() {
            return busy ? 1_000_000_000L : 0;
        }

        @Override
        public long memoryBytes() {
            return 1L << 20;
        }
    }
}
