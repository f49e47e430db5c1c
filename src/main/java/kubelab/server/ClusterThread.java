package kubelab.server;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import kubelab.apiserver.ApiException;
import kubelab.cluster.Cluster;
import kubelab.time.SimulatedLoop;
import kubelab.time.TaskFailedException;

/**
 * One thread that owns a {@link Cluster} and drives its loop against the wall clock: the same
 * single-threaded loop the tests settle by hand, pumped in real time (optionally {@code speed}
 * times faster), so the cluster {@code kubelab serve} runs is the cluster the course runs.
 *
 * <p>HTTP threads never touch the cluster; they hand it work with {@link #call}, which runs on
 * this thread between loop tasks and waits for the answer. Each turn of the pump:
 * <ol>
 *   <li>runs the requests that arrived, in order;</li>
 *   <li>moves the loop's clock to "now" (start + elapsed wall time × speed), running every timer
 *       due on the way;</li>
 *   <li>sleeps until the next timer falls due or a request arrives, whichever is first.</li>
 * </ol>
 * A component that throws is logged and the loop carries on, as a server must.
 *
 * <p>Real Kubernetes: there each component runs its own goroutines; one loop here keeps every
 * hand-off an ordered object change, in serve mode as in the notebooks.
 */
public final class ClusterThread implements Executor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ClusterThread.class.getName());
    /** The longest sleep: bounds how stale the clock can be when nothing is due. */
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The most wall time one step of catching up may cover. */
    private static final Duration MAX_STEP_WALL = Duration.ofMillis(20);

    /** The longest sleep when the caller pumps: its stop condition is checked at least this often. */
    private static final long CALLER_MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Cluster cluster;
    private final SimulatedLoop loop;
    private final double speed;
    /** Where cluster time and wall time were tied together; moved when a caller starts to pump. */
    private volatile Anchor anchor;
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Duration maxStep;
    private final long maxSleepNanos;
    /** The thread of its own, or null when callers pump ({@link #pumpedByCaller}). */
    private final Thread thread;
    /** The thread pumping now: the own thread, or the caller inside {@link #pumpUntil}. */
    private volatile Thread pumping;
    private volatile boolean running = true;

    private record Anchor(Instant virtual, long nanos) {
    }

    /**
     * Starts pumping {@code cluster}'s loop on a new thread.
     *
     * @param speed how many seconds of cluster time pass per wall-clock second (1: real time)
     */
    public ClusterThread(Cluster cluster, double speed) {
        this(cluster, speed, true);
    }

    private ClusterThread(Cluster cluster, double speed, boolean ownThread) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.cluster = cluster;
        this.loop = cluster.loop();
        this.speed = speed;
        this.anchor = new Anchor(loop.now(), System.nanoTime());
        this.maxStep = Duration.ofNanos((long) (MAX_STEP_WALL.toNanos() * speed));
        this.maxSleepNanos = ownThread ? MAX_SLEEP_NANOS : CALLER_MAX_SLEEP_NANOS;
        if (ownThread) {
            this.thread = new Thread(this::pump, "kubelab-cluster");
            thread.setDaemon(true);
            this.pumping = thread;
            thread.start();
        } else {
            this.thread = null;
        }
    }

    /**
     * A cluster thread without a thread of its own, for a cluster that another thread already
     * drives (a notebook's, settled and advanced by its cells): requests wait until that thread
     * lends itself with {@link #pumpUntil}, and run there, in real time. Between pumps the cluster
     * is the caller's alone, so nothing races with it.
     */
    public static ClusterThread pumpedByCaller(Cluster cluster) {
        return new ClusterThread(cluster, 1.0, false);
    }

    /**
     * Pumps the loop on the calling thread, exactly as the own thread would, until {@code done}
     * holds: requests run, timers fall due in real time from the cluster's time now. Only for a
     * {@link #pumpedByCaller} cluster thread, and only from the thread that drives the cluster.
     *
     * @throws InterruptedException if the caller is interrupted while waiting
     */
    public void pumpUntil(BooleanSupplier done) throws InterruptedException {
        if (thread != null) {
            throw new IllegalStateException("this cluster thread pumps on a thread of its own");
        }
        // Wall time that passed while nobody pumped is not cluster time: start from the loop's now.
        anchor = new Anchor(loop.now(), System.nanoTime());
        pumping = Thread.currentThread();
        try {
            while (running && !done.getAsBoolean()) {
                try {
                    turn();
                } catch (TaskFailedException e) {
                    LOG.log(System.Logger.Level.ERROR, e.getMessage(), e.getCause());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "cluster thread: " + e, e);
                }
            }
            for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) {
                r.run();   // what arrived as the condition came true gets its answer now
            }
        } finally {
            pumping = null;
        }
    }

    public Cluster cluster() {
        return cluster;
    }

    public double speed() {
        return speed;
    }

    /** True on the cluster thread itself (for {@link #pumpedByCaller}: on the caller, while it pumps). */
    public boolean inThread() {
        return Thread.currentThread() == pumping;
    }

    /** Runs {@code task} on the cluster thread, soon, without waiting. */
    @Override
    public void execute(Runnable task) {
        if (!running) {
            return;
        }
        inbox.add(task);
    }

    /**
     * Runs {@code work} on the cluster thread and returns its result. An {@link ApiException} is
     * rethrown as it was thrown, so the caller can answer with its Status.
     */
    public <T> T call(Function<Cluster, T> work) {
        if (inThread()) {
            return work.apply(cluster);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(work.apply(cluster));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        if (!running) {
            throw ApiException.serviceUnavailable("the server is shutting down");
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.serviceUnavailable("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * The cluster's time now, safe to read from any thread: the start plus elapsed wall time ×
     * speed (the loop's own clock catches up with it on every turn of the pump).
     */
    public Instant now() {
        return target();
    }

    private Instant target() {
        Anchor a = anchor;
        long elapsed = System.nanoTime() - a.nanos();
        return a.virtual().plusNanos((long) (elapsed * speed));
    }

    private void pump() {
        while (running) {
            try {
                turn();
            } catch (TaskFailedException e) {
                LOG.log(System.Logger.Level.ERROR, e.getMessage(), e.getCause());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "cluster thread: " + e, e);
            }
        }
        // Requests that arrived while stopping still get an answer (their callers are waiting).
        drain();
    }

    /** One turn of the pump. */
    private void turn() throws InterruptedException {
        // tag::cluster-thread-turn[]
        // 1. the requests that arrived, in order
        for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) {
            r.run();
        }
        // 2. the clock moves to now; timers due on the way run, and what requests queued
        // (in steps of at most MAX_STEP of wall time, so requests never wait behind a
        // long catch-up)
        Duration behind = Duration.between(loop.now(), target());
        if (behind.isNegative() || behind.isZero()) {
            loop.runReady();
        } else {
            loop.advance(behind.compareTo(maxStep) > 0 ? maxStep : behind);
        }
        // 3. sleep until the next timer or the next request (not at all while behind)
        long lagNanos = (long) (Duration.between(loop.now(), target()).toNanos() / speed);
        long sleep = lagNanos > TimeUnit.MILLISECONDS.toNanos(1) ? 0 : sleepNanos();
        Runnable next = sleep == 0 ? inbox.poll() : inbox.poll(sleep, TimeUnit.NANOSECONDS);
        if (next != null) {
            next.run();
        }
        // end::cluster-thread-turn[]
    }

    private void drain() {
        for (Runnable r = inbox.poll(); r != null; r = inbox.poll()) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "after stop: " + e);
            }
        }
    }

    private long sleepNanos() {
        Instant due = loop.nextDue();
        if (due == null) {
            return maxSleepNanos;
        }
        long virtual = Duration.between(loop.now(), due).toNanos();
        return Math.max(0, Math.min(maxSleepNanos, (long) (virtual / speed)));
    }

    /** Stops the pump; requests still queued are dropped. */
    @Override
    public void close() {
        running = false;
        if (thread == null) {
            drain();   // the closing thread drives the cluster: callers still waiting get their answers
            return;
        }
        thread.interrupt();
        if (!inThread()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
