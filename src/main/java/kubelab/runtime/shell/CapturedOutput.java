package kubelab.runtime.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ShellOutput} that keeps everything written: each stream as text, and both interleaved
 * as log lines tagged with their stream, as a container runtime's log file keeps them.
 *
 * <p>Real Kubernetes: the CRI log format ({@code <time> stdout F <line>}) kept by the runtime.
 */
public final class CapturedOutput implements ShellOutput {

    /** One complete line of output and the stream it was written to. */
    public record Line(String stream, String text) {}

    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder pendingOut = new StringBuilder();
    private final StringBuilder pendingErr = new StringBuilder();

    @Override
    public void stdout(String text) {
        stdout.append(text);
        collect("stdout", pendingOut, text);
    }

    @Override
    public void stderr(String text) {
        stderr.append(text);
        collect("stderr", pendingErr, text);
    }

    private void collect(String stream, StringBuilder pending, String text) {
        pending.append(text);
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            lines.add(new Line(stream, pending.substring(0, newline)));
            pending.delete(0, newline + 1);
        }
    }

    /** Everything written to standard output. */
    public String stdoutText() {
        return stdout.toString();
    }

    /** Everything written to standard error. */
    public String stderrText() {
        return stderr.toString();
    }

    /** The complete lines of both streams, in the order they were finished. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }
}
