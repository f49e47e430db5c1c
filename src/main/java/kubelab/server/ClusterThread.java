package kubelab.server;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    private final Cluster cluster;
    private final SimulatedLoop loop;
    private final double speed;
    private final Instant startVirtual;
    private final long startNanos;
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Duration maxStep;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts pumping {@code cluster}'s loop on a new thread.
     *
     * @param speed how many seconds of cluster time pass per wall-clock second (1: real time)
     */
    public ClusterThread(Cluster cluster, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.cluster = cluster;
        this.loop = cluster.loop();
        this.speed = speed;
        this.startVirtual = loop.now();
        this.startNanos = System.nanoTime();
        this.maxStep = Duration.ofNanos((long) (MAX_STEP_WALL.toNanos() * speed));
        this.thread = new Thread(this::pump, "kubelab-cluster");
        thread.setDaemon(true);
        thread.start();
    }

    public Cluster cluster() {
        return cluster;
    }

    public double speed() {
        return speed;
    }

    /** True on the cluster thread itself. */
    public boolean inThread() {
        return Thread.currentThread() == thread;
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
        long elapsed = System.nanoTime() - startNanos;
        return startVirtual.plusNanos((long) (elapsed * speed));
    }

    private void pump() {
        while (running) {
            try {
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
            } catch (TaskFailedException e) {
                LOG.log(System.Logger.Level.ERROR, e.getMessage(), e.getCause());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "cluster thread: " + e, e);
            }
        }
        // Requests that arrived while stopping still get an answer (their callers are waiting).
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
            return MAX_SLEEP_NANOS;
        }
        long virtual = Duration.between(loop.now(), due).toNanos();
        return Math.max(0, Math.min(MAX_SLEEP_NANOS, (long) (virtual / speed)));
    }

    /** Stops the pump; requests still queued are dropped. */
    @Override
    public void close() {
        running = false;
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
