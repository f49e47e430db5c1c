package kubelab.runtime.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import kubelab.runtime.shell.Step;

/**
 * Small pieces the behaviours share: a process that has already ended, a server that waits for
 * requests, and the timestamp formats of the programs they imitate.
 *
 * <p>Real Kubernetes: none; these imitate the programs inside images.
 */
public final class Processes {

    /**
     * Exit code of a Go program killed by SIGTERM while PID 1: the Go runtime catches the signal,
     * re-raises it with the default action, which the kernel ignores for a namespace's init, and
     * then exits with 2.
     */
    public static final int GO_SIGTERM_AS_PID1 = 2;

    private static final DateTimeFormatter GO_LOG =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GLOG =
            DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Processes() {}

    /** A process that ends with {@code code} at its first step (for instance {@code sh} with no stdin). */
    public static ContainerProcess exited(int code) {
        return () -> new Step.Exited(code);
    }

    /** A server: after its start-up, it waits for requests and never wakes on its own. */
    public static Step serve() {
        return new Step.Sleeping(Step.Sleeping.FOREVER);
    }

    /** {@code 2026/01/01 00:00:05}: Go's {@code log} package and nginx's error log. */
    public static String goLogTime(Instant t) {
        return GO_LOG.format(t);
    }

    /** {@code I0101 00:00:05.000000       1 main.go:26] }: a glog info prefix. */
    public static String glog(Instant t, String fileLine) {
        return "I" + GLOG.format(t) + "       1 " + fileLine + "] ";
    }

    /** The value after {@code -name} / {@code --name} or in {@code --name=value}, else {@code fallback}. */
    public static String flag(List<String> args, String name, String fallback) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).replaceFirst("^--?", "");
            if (!args.get(i).startsWith("-")) {
                continue;
            }
            if (a.equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /** A process that ignores SIGTERM unless told otherwise: the base of the simple behaviours. */
    abstract static class Simple implements ContainerProcess {
        private final OptionalInt onSigterm;

        Simple(OptionalInt onSigterm) {
            this.onSigterm = onSigterm;
        }

        @Override
        public OptionalInt terminate() {
            return onSigterm;
        }
    }
}
