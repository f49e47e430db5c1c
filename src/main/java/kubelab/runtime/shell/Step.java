package kubelab.runtime.shell;

import java.time.Duration;

/**
 * What a shell process reports after one {@link ShellProcess#step()}: it ended, it sleeps, or it
 * used up its work budget without sleeping.
 *
 * <p>Time is virtual, so a shell never blocks: {@code sleep 3600} returns
 * {@link Sleeping Sleeping(PT1H)} and the caller calls {@code step()} again once an hour of virtual
 * time has passed. A loop that never sleeps returns {@link Busy} after a fixed amount of work; the
 * caller should treat the container as busy on the CPU and step it again later (for instance at
 * the next tick of the simulation). Ending the process instead would turn a legitimate busy loop
 * into a crash, and never returning would freeze the whole simulated cluster.
 *
 * <p>Real Kubernetes: none; a real shell is a process the kernel schedules and wakes.
 */
public sealed interface Step permits Step.Exited, Step.Sleeping, Step.Busy {

    /** The process ended with this exit code (0 success; 127 command not found; ...). */
    record Exited(int code) implements Step {}

    /** The process waits for {@code duration} of virtual time; step again when it has passed. */
    record Sleeping(Duration duration) implements Step {
        /**
         * What {@code sleep infinity} waits: a century, far beyond any simulation, yet still safe
         * to add to an {@code Instant}.
         */
        public static final Duration FOREVER = Duration.ofDays(36_500);
    }

    /** The process did {@link ShellProcess#WORK_PER_STEP} units of work without sleeping; step again. */
    record Busy() implements Step {}
}
