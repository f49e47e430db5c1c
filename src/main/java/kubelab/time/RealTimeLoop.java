package kubelab.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventLoop} on one daemon thread against the wall clock, optionally sped up: with
 * {@code speed} 60 a minute of cluster time passes every wall-clock second, and every delay is
 * divided by 60. This is the loop of {@code kubelab serve}, where real clients talk to the cluster.
 *
 * <p>The clock starts at the wall-clock time of construction and then runs {@code speed} times
 * faster, measured with the monotonic {@link System#nanoTime()}, so it never jumps backwards.
 *
 * <p>A task that throws is logged (through {@link System.Logger}) and the loop carries on, as a
 * server must; in tests use {@link SimulatedLoop}, which rethrows. Ordinary and background timers
 * behave alike here: the distinction only matters to {@link SimulatedLoop#settle()}. After
 * {@link #close()} the loop stops and silently drops new tasks, so components shutting down in any
 * order do not fail.
 *
 * <p>Real Kubernetes: the Go runtime's scheduler and timers, under {@code wait.Until} and
 * {@code time.AfterFunc}.
 */
public final class RealTimeLoop implements EventLoop, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RealTimeLoop.class.getName());

    private final double speed;
    private final Random random;
    private final Instant startWall;
    private final long startNanos;
    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock = this::now;
    private volatile Thread loopThread;

    /**
     * @param seed  seeds {@link #random()}; a real-time run does not repeat exactly anyway, but a
     *              seed keeps the choices reproducible in isolation
     * @param speed how much faster than the wall clock the loop's clock runs; 1 for real time
     */
    public RealTimeLoop(long seed, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive finite number, got " + speed);
        }
        this.speed = speed;
        this.random = new Random(seed);
        this.startWall = Instant.now();
        this.startNanos = System.nanoTime();
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "kubelab-loop");
            t.setDaemon(true);
            loopThread = t;
            return t;
        }, new ScheduledThreadPoolExecutor.DiscardPolicy());
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** A loop at wall-clock speed. */
    public RealTimeLoop(long seed) {
        this(seed, 1.0);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** The loop's time: the start instant plus the elapsed wall time times {@code speed}. */
    public Instant now() {
        long elapsed = System.nanoTime() - startNanos;
        return startWall.plusNanos((long) (elapsed * speed));
    }

    public double speed() {
        return speed;
    }

    @Override
    public Random random() {
        return random;
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == loopThread;
    }

    @Override
    public void execute(Runnable task) {
        execute(null, task);
    }

    @Override
    public void execute(String name, Runnable task) {
        executor.execute(guarded(name, task));
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return schedule(null, delay, task);
    }

    @Override
    public Timer schedule(String name, Duration delay, Runnable task) {
        return timer(executor.schedule(guarded(name, task), wallNanos(delay), TimeUnit.NANOSECONDS));
    }

    @Override
    public Timer scheduleBackground(Duration delay, Runnable task) {
        return schedule(null, delay, task);
    }

    @Override
    public Timer scheduleBackground(String name, Duration delay, Runnable task) {
        return schedule(name, delay, task);
    }

    @Override
    public Timer schedulePeriodic(Duration period, Runnable task) {
        return schedulePeriodic(null, period, task);
    }

    @Override
    public Timer schedulePeriodic(String name, Duration period, Runnable task) {
        long nanos = wallNanos(period);
        if (nanos <= 0) {
            throw new IllegalArgumentException("a periodic task needs a positive period, got " + period);
        }
        // A guarded task never throws, so the executor keeps repeating it.
        return timer(executor.scheduleAtFixedRate(guarded(name, task), nanos, nanos, TimeUnit.NANOSECONDS));
    }

    /** Stops the loop: pending tasks are dropped and a running one is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
        if (!inLoop()) {
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True once {@link #close()} has been called. */
    public boolean isClosed() {
        return executor.isShutdown();
    }

    private long wallNanos(Duration delay) {
        long nanos = delay.isNegative() ? 0 : delay.toNanos();
        return (long) (nanos / speed);
    }

    private static Runnable guarded(String name, Runnable task) {
        java.util.Objects.requireNonNull(task, "task");
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "task '" + (name == null ? "unnamed task" : name) + "' failed", e);
            }
        };
    }

    private static Timer timer(ScheduledFuture<?> future) {
        return () -> future.cancel(false);
    }
}
