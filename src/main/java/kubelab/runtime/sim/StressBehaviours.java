package kubelab.runtime.sim;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import kubelab.runtime.shell.Step;

/**
 * The two load generators of the documentation's resource pages.
 * <ul>
 *   <li>{@code vish/stress} ({@code -cpus N -mem-total Q -mem-alloc-size Q -mem-alloc-sleep D}):
 *       N busy threads, and memory grown chunk by chunk up to the total;</li>
 *   <li>{@code polinux/stress} ({@code stress --cpu N --vm N --vm-bytes B --vm-hang S --timeout S}):
 *       N CPU workers, and {@code vm} workers that each hold {@code vm-bytes} at once.</li>
 * </ul>
 * CPU use above the container's limit is throttled by the runtime, and memory above its limit gets
 * the container OOM-killed: what the assign-cpu and assign-memory pages demonstrate.
 *
 * <p>Real Kubernetes: none; {@code github.com/vishh/stress} and Amos Waterland's {@code stress}.
 */
final class StressBehaviours {

    private StressBehaviours() {}

    /** vish/stress: a Go program, so SIGTERM as PID 1 ends it with exit code 2. */
    static final Behaviour VISH = ctx -> {
        if (!ctx.program().equals("stress")) {
            return null;
        }
        List<String> args = ctx.argv();
        int cpus = Integer.parseInt(Processes.flag(args, "cpus", "0"));
        long total = quantity(Processes.flag(args, "mem-total", "0"));
        String stepText = Processes.flag(args, "mem-alloc-size", "4Ki");
        long chunk = Math.max(1, quantity(stepText));
        Duration pause = goDuration(Processes.flag(args, "mem-alloc-sleep", "1ms"));
        return new Processes.Simple(OptionalInt.of(Processes.GO_SIGTERM_AS_PID1)) {
            private long allocated;
            private boolean started;

            @Override
            public Step step() {
                String prefix = Processes.glog(ctx.clock().now(), "stress.go:");
                if (!started) {
                    started = true;
                    ctx.out().stderr(prefix.replace("stress.go:", "stress.go:26") + "Allocating \""
                            + Processes.flag(args, "mem-total", "0") + "\" memory, in \"" + stepText
                            + "\" chunks, with a " + Processes.flag(args, "mem-alloc-sleep", "1ms")
                            + " sleep between allocations\n");
                    for (int i = 0; i < cpus; i++) {
                        ctx.out().stderr(prefix.replace("stress.go:", "stress.go:39") + "Spawning a thread to consume CPU\n");
                    }
                } else {
                    // One wake-up stands for many allocations: at least 100 ms of them, to keep timers few.
                    Duration tick = pause.compareTo(Duration.ofMillis(100)) > 0 ? pause : Duration.ofMillis(100);
                    long chunks = Math.max(1, tick.toNanos() / Math.max(1, pause.toNanos()));
                    allocated = Math.min(total, allocated + chunks * chunk);
                }
                if (allocated < total) {
                    return new Step.Sleeping(pause.compareTo(Duration.ofMillis(100)) > 0 ? pause : Duration.ofMillis(100));
                }
                ctx.out().stderr(prefix.replace("stress.go:", "stress.go:29") + "Allocated \""
                        + Processes.flag(args, "mem-total", "0") + "\" memory\n");
                return Processes.serve();
            }

            @Override
            public long cpuNanoCores() {
                return cpus * 1_000_000_000L;
            }

            @Override
            public long memoryBytes() {
                return (2L << 20) + allocated;
            }
        };
    };

    /** polinux/stress: a C program with no SIGTERM handler, so as PID 1 it ignores SIGTERM. */
    static final Behaviour POLINUX = ctx -> {
        if (!ctx.program().equals("stress")) {
            return null;
        }
        List<String> args = ctx.argv();
        if (args.size() == 1 || args.contains("--help")) {
            ctx.out().stdout("`stress' imposes certain types of compute stress on your system\n\n"
                    + "Usage: stress [OPTION [ARG]] ...\n");
            return Processes.exited(args.size() == 1 ? 1 : 0);
        }
        int cpu = Integer.parseInt(Processes.flag(args, "cpu", "0"));
        int io = Integer.parseInt(Processes.flag(args, "io", "0"));
        int vm = Integer.parseInt(Processes.flag(args, "vm", "0"));
        int hdd = Integer.parseInt(Processes.flag(args, "hdd", "0"));
        long vmBytes = stressBytes(Processes.flag(args, "vm-bytes", "256M"));
        String timeout = Processes.flag(args, "timeout", null);
        return new Processes.Simple(OptionalInt.empty()) {
            private boolean started;

            @Override
            public Step step() {
                if (!started) {
                    started = true;
                    ctx.out().stdout("stress: info: [1] dispatching hogs: " + cpu + " cpu, " + io + " io, " + vm
                            + " vm, " + hdd + " hdd\n");
                    return timeout == null ? Processes.serve() : new Step.Sleeping(goDuration(timeout));
                }
                ctx.out().stdout("stress: info: [1] successful run completed in " + goDuration(timeout).toSeconds()
                        + "s\n");
                return new Step.Exited(0);
            }

            @Override
            public long cpuNanoCores() {
                return cpu * 1_000_000_000L;
            }

            @Override
            public long memoryBytes() {
                return (1L << 20) + (started ? vm * vmBytes : 0);
            }
        };
    };

    /** A Kubernetes quantity as vish/stress parses it: {@code 150Mi}, {@code 4Ki}, {@code 100M}, {@code 1G}. */
    static long quantity(String text) {
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] u : units) {
            if (text.endsWith(u[0])) {
                return (long) (Double.parseDouble(text.substring(0, text.length() - u[0].length())) * Long.parseLong(u[1]));
            }
        }
        return (long) Double.parseDouble(text);
    }

    /** A size as stress parses it: B, K, M, G suffixes, powers of 1024. */
    static long stressBytes(String text) {
        char last = Character.toUpperCase(text.charAt(text.length() - 1));
        long factor = switch (last) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        String number = Character.isDigit(last) ? text : text.substring(0, text.length() - 1);
        return Long.parseLong(number) * factor;
    }

    /** A Go-style duration ({@code 1ms}, {@code 2s}, {@code 1m}), or plain seconds ({@code 10}). */
    static Duration goDuration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        char unit = text.charAt(text.length() - 1);
        String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        long n = Long.parseLong(number);
        return switch (unit) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
