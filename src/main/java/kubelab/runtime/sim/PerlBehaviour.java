package kubelab.runtime.sim;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kubelab.runtime.shell.Step;

/**
 * The {@code perl} interpreter, for the one-liners the documentation runs: {@code print bpi(N)}
 * under {@code -Mbignum=bpi} (the Job example's π) and {@code print "text"}. {@code -l} adds the
 * newline. Computing π keeps one core busy for a while (about N²/2 µs), as bignum does, before
 * the digits appear. Other programs end with exit code 255 and a message saying they are not
 * simulated.
 *
 * <p>Real Kubernetes: none; the {@code perl} image's interpreter.
 */
final class PerlBehaviour implements Behaviour {

    private static final Pattern BPI = Pattern.compile("^\\s*print\\s+bpi\\(\\s*(\\d+)\\s*\\)\\s*;?\\s*$");
    private static final Pattern STRING = Pattern.compile("^\\s*print\\s+[\"'](.*)[\"']\\s*;?\\s*$");

    @Override
    public ContainerProcess start(ProcessContext ctx) {
        if (!ctx.program().startsWith("perl")) {
            return null;
        }
        List<String> argv = ctx.argv();
        boolean newline = false;
        boolean bignum = false;
        String code = null;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-M")) {
                bignum |= a.startsWith("-Mbignum");
            } else if (a.startsWith("-") && a.endsWith("e") && i + 1 < argv.size()) {
                newline |= a.contains("l");
                code = argv.get(++i);
            } else if (a.equals("-v")) {
                ctx.out().stdout("\nThis is perl 5, version " + ctx.param("version", "5") + "\n");
                return Processes.exited(0);
            }
        }
        String eol = newline ? "\n" : "";
        if (code == null) {
            return Processes.exited(0); // reads the program from stdin, and a container has none
        }
        Matcher pi = BPI.matcher(code);
        Matcher text = STRING.matcher(code);
        if (pi.matches() && bignum) {
            int digits = Integer.parseInt(pi.group(1));
            return compute(PiDigits.pi(digits) + eol, Duration.ofNanos(Math.max(100_000_000L, digits * (long) digits * 500L)), ctx);
        }
        if (text.matches()) {
            return compute(text.group(1).replace("\\n", "\n") + eol, Duration.ZERO, ctx);
        }
        ctx.out().stderr("kubelab: this perl simulates only `print bpi(N)` (with -Mbignum=bpi) and `print \"text\"`\n");
        return Processes.exited(255);
    }

    /** Busy on one core for {@code time}, then prints {@code output} and exits 0. */
    private static ContainerProcess compute(String output, Duration time, ProcessContext ctx) {
        return new Processes.Simple(java.util.OptionalInt.empty()) {
            private boolean working;

            @Override
            public Step step() {
                if (!working && !time.isZero()) {
                    working = true;
                    return new Step.Sleeping(time);
                }
                working = false;
                ctx.out().stdout(output);
                return new Step.Exited(0);
            }

            @Override
            public long cpuNanoCores() {
                return working ? 1_000_000_000L : 0;
            }

            @Override
            public long memoryBytes() {
                return 12L << 20;
            }
        };
    }
}
