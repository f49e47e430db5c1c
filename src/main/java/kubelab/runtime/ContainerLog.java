package kubelab.runtime;

import java.util.ArrayList;
import java.util.List;
import kubelab.runtime.cri.LogLine;
import kubelab.runtime.shell.ShellOutput;
import kubelab.time.Clock;

/**
 * One container's log: every line it wrote to stdout or stderr, stamped with the virtual time the
 * line was finished. Partial lines are held until their newline, or until the container ends.
 *
 * <p>Real Kubernetes: the file at the container's {@code log_path} that containerd's shim writes in
 * the CRI log format, and {@code kubectl logs} reads.
 */
final class ContainerLog implements ShellOutput {

    private final Clock clock;
    private final List<LogLine> lines = new ArrayList<>();
    private final StringBuilder pendingOut = new StringBuilder();
    private final StringBuilder pendingErr = new StringBuilder();

    ContainerLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void stdout(String text) {
        collect("stdout", pendingOut, text);
    }

    @Override
    public void stderr(String text) {
        collect("stderr", pendingErr, text);
    }

    private void collect(String stream, StringBuilder pending, String text) {
        pending.append(text);
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            lines.add(new LogLine(clock.now(), stream, pending.substring(0, newline)));
            pending.delete(0, newline + 1);
        }
    }

    /** Writes out what is left of unfinished lines: the process has ended. */
    void flush() {
        if (pendingOut.length() > 0) {
            lines.add(new LogLine(clock.now(), "stdout", pendingOut.toString()));
            pendingOut.setLength(0);
        }
        if (pendingErr.length() > 0) {
            lines.add(new LogLine(clock.now(), "stderr", pendingErr.toString()));
            pendingErr.setLength(0);
        }
    }

    List<LogLine> lines() {
        return List.copyOf(lines);
    }
}
