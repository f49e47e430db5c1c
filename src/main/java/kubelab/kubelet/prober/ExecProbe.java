package kubelab.kubelet.prober;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import kubelab.api.core.EnvVar;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.ExecResult;
import kubelab.runtime.cri.RuntimeService;

/**
 * An exec probe: runs the command inside the container through the CRI's {@code ExecSync}. Exit
 * status 0 is success, any other is failure; either way the output (stdout, then stderr) is kept
 * for the event. A command still running after {@code timeoutSeconds} is a failure
 * ({@code command "sleep 10" timed out}).
 *
 * <p>The command runs directly, not through a shell, and sees none of the pod's downward API:
 * only {@code $(VAR)} references to the container's literal {@code env} values are expanded.
 *
 * <p>Real Kubernetes: {@code pkg/probe/exec/exec.go}, {@code exec_runner.go} in
 * {@code pkg/kubelet/prober}, and the timeout text of the CRI client's {@code ExecSync}.
 */
final class ExecProbe {
    /** How much output is kept: Kubernetes reads at most 10 KiB of it. */
    static final int MAX_READ_LENGTH = 10 * 1024;

    private ExecProbe() {
    }

    static CompletionStage<ProbeOutcome> run(RuntimeService runtime, String containerId, List<String> command,
                                             Duration timeout) {
        CompletionStage<ExecResult> exec;
        try {
            exec = runtime.execSync(containerId, command, timeout);
        } catch (CriException e) {
            return CompletableFuture.completedFuture(ProbeOutcome.error(e.getMessage()));
        }
        return exec.handle((result, thrown) -> {
            if (thrown != null) {
                Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null
                        ? thrown.getCause() : thrown;
                return ProbeOutcome.error(cause.getMessage());
            }
            if (result.timedOut()) {
                return ProbeOutcome.failure("command " + goQuote(String.join(" ", command)) + " timed out");
            }
            String output = limit(orEmpty(result.stdout()) + orEmpty(result.stderr()));
            return result.exitCode() == 0 ? ProbeOutcome.success(output) : ProbeOutcome.failure(output);
        });
    }

    /**
     * The command with each {@code $(NAME)} replaced by the value of the container's env var
     * {@code NAME} (its literal value; one set through {@code valueFrom} counts as empty). An
     * unknown name stays as written, and {@code $$} is a literal {@code $}.
     */
    static List<String> expand(List<String> command, List<EnvVar> env) {
        Map<String, String> values = new HashMap<>();
        for (EnvVar var : env) {
            values.put(var.name(), orEmpty(var.value()));
        }
        return command.stream().map(arg -> expand(arg, values)).toList();
    }

    private static String expand(String input, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c != '$' || i + 1 == input.length()) {
                out.append(c);
                i++;
            } else if (input.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (input.charAt(i + 1) == '(' && input.indexOf(')', i + 2) >= 0) {
                int close = input.indexOf(')', i + 2);
                String name = input.substring(i + 2, close);
                out.append(values.containsKey(name) ? values.get(name) : "$(" + name + ")");
                i = close + 1;
            } else {
                out.append(c).append(input.charAt(i + 1));
                i += 2;
            }
        }
        return out.toString();
    }

    private static String limit(String output) {
        return output.length() <= MAX_READ_LENGTH ? output : output.substring(0, MAX_READ_LENGTH);
    }

    /** The string as Go's {@code %q} prints it (for the texts that matter here). */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
