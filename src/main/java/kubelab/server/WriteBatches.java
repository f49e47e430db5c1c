package kubelab.server;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where streams write from: one change can wake a thousand watch streams at once, and handing
 * each its own task on the HTTP thread pool costs a task and often a thread wake-up per watcher.
 * Here the writes queue, and a few of the pool's threads (one per core) drain the queue: a
 * thousand writes of one event go out as a thousand non-blocking socket writes in a row, on as
 * many threads as there are cores to run them. A write that cannot finish at once (a full socket
 * buffer) does not hold the others up: Jetty resumes that stream by itself when the socket drains.
 *
 * <p>Measured with {@code ./kubelab bench-http}'s fan-out to 1,000 WebSocket watchers on two
 * cores: one draining thread was slower than a task per watcher (the writes no longer ran in
 * parallel), two were faster than either.
 *
 * <p>Real Kubernetes: each watcher has its own goroutine ({@code cacheWatcher.processInterval}),
 * which Go's scheduler multiplexes onto a few threads; this is the same multiplexing by hand.
 */
final class WriteBatches implements Executor {
    private static final System.Logger LOG = System.getLogger(WriteBatches.class.getName());

    private final Executor pool;
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final int maxDrainers;
    private final AtomicInteger drainers = new AtomicInteger();

    /** Batches on {@code pool}, drained by at most {@code maxDrainers} of its threads at once. */
    WriteBatches(Executor pool, int maxDrainers) {
        this.pool = pool;
        this.maxDrainers = maxDrainers;
    }

    @Override
    public void execute(Runnable task) {
        pending.add(task);
        if (claimDrainer()) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            for (Runnable task = pending.poll(); task != null; task = pending.poll()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "stream write: " + e, e);
                }
            }
            drainers.decrementAndGet();
            // A task added after the last poll may have seen this drainer still counted and
            // started none: take it on, unless another drainer has started meanwhile.
            if (pending.isEmpty() || !claimDrainer()) {
                return;
            }
        }
    }

    /** Counts one more drainer, unless there are as many as allowed already. */
    private boolean claimDrainer() {
        for (int n = drainers.get(); n < maxDrainers; n = drainers.get()) {
            if (drainers.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }
}
