package kubelab.time;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * The executor every event-driven component runs on: informer callbacks, work-queue workers and
 * timers. Tasks run one at a time, in the order they became due (FIFO among tasks due at the same
 * instant), so a component never needs locks against itself.
 *
 * <p>Two implementations: {@link SimulatedLoop} (one thread, virtual time, seeded randomness: the
 * same seed gives the same run, event for event) and {@link RealTimeLoop} (a thread against the
 * wall clock, for {@code kubelab serve}).
 *
 * <p>Timers come in two sorts. Ordinary ones ({@link #schedule}) are work the cluster still owes:
 * an image pull finishing, a back-off expiring. Background ones ({@link #scheduleBackground}) are
 * the heartbeat of a healthy cluster: lease renewals, periodic resyncs. {@link SimulatedLoop#settle()}
 * runs until no ordinary work is left, and does not wait for background timers.
 *
 * <p>Real Kubernetes: each component's goroutines plus {@code wait.Until} and
 * {@code workqueue.DelayingInterface}; here one loop serves the whole cluster.
 */
public interface EventLoop extends Executor {

    /** The loop's clock: virtual in a simulation, the wall clock otherwise. */
    Clock clock();

    /** Runs {@code task} as soon as the loop is free, after tasks already queued. */
    @Override
    void execute(Runnable task);

    /** Runs {@code task} after {@code delay}; ordinary work that {@code settle()} waits for. */
    Timer schedule(Duration delay, Runnable task);

    /** Runs {@code task} after {@code delay}; background work that {@code settle()} does not wait for. */
    Timer scheduleBackground(Duration delay, Runnable task);

    /**
     * Runs {@code task} every {@code period}, first after one period, as background work. Cancel
     * the returned timer to stop it.
     */
    Timer schedulePeriodic(Duration period, Runnable task);

    /** The loop's random source: seeded in a simulation, so runs repeat exactly. */
    Random random();

    /** True if the calling thread is the loop's own thread. */
    boolean inLoop();

    // Named variants: the name shows up in diagnostics (a simulation that does not settle lists
    // the tasks still pending; a real-time loop logs the name of a task that failed). Loops that
    // keep no names may rely on these defaults.

    /** {@link #execute(Runnable)}, with a name for diagnostics. */
    default void execute(String name, Runnable task) {
        execute(task);
    }

    /** {@link #schedule(Duration, Runnable)}, with a name for diagnostics. */
    default Timer schedule(String name, Duration delay, Runnable task) {
        return schedule(delay, task);
    }

    /** {@link #scheduleBackground(Duration, Runnable)}, with a name for diagnostics. */
    default Timer scheduleBackground(String name, Duration delay, Runnable task) {
        return scheduleBackground(delay, task);
    }

    /** {@link #schedulePeriodic(Duration, Runnable)}, with a name for diagnostics. */
    default Timer schedulePeriodic(String name, Duration period, Runnable task) {
        return schedulePeriodic(period, task);
    }

    /** A scheduled task; cancelling a task that has run or was cancelled does nothing. */
    interface Timer {
        void cancel();
    }
}
