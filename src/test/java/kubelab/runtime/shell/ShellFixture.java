package kubelab.runtime.shell;

import java.time.Instant;
import java.util.Map;
import kubelab.time.Clock;

/** A container for shell tests: an empty filesystem with /tmp, captured output, a fixed clock. */
final class ShellFixture {

    static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

    final MemoryFs fs = new MemoryFs();
    final CapturedOutput output = new CapturedOutput();
    Instant now = NEW_YEAR;
    final Clock clock = () -> now;

    ShellFixture() {
        fs.mkdir("/tmp", false);
    }

    ShellContext context(Map<String, String> env) {
        return ShellContext.of(env, fs, output, "my-pod", clock);
    }

    ShellProcess start(String script) {
        return Shell.start(script, context(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")));
    }

    /** Starts the script and takes one step: enough for any script that never sleeps. */
    Step run(String script) {
        ShellProcess p = start(script);
        return p.step();
    }

    String out() {
        return output.stdoutText();
    }

    String err() {
        return output.stderrText();
    }
}
