package kubelab.client;

import java.util.Optional;
import kubelab.apiserver.ApiException;
import kubelab.time.EventLoop;

/**
 * Drains a {@link RateLimitingQueue} on the event loop: each item that becomes available
 * schedules one loop task, which takes one item and reconciles it. No thread waits and nothing
 * polls.
 *
 * <h2>One work item</h2>
 * <ol>
 *   <li>Take the next item from the queue (now marked as processing).</li>
 *   <li>Call {@link Reconciler#reconcile}.</li>
 *   <li>On success, {@link RateLimitingQueue#forget forget} its failures. On an exception, log it
 *       and {@link RateLimitingQueue#addRateLimited re-queue it with back-off}.</li>
 *   <li>Mark it {@link WorkQueue#done done}, which re-queues it at once if it was added again
 *       while being processed.</li>
 * </ol>
 * An {@link Error} (such as a failed assertion in a test) is not caught: it reaches the loop, and
 * a simulation rethrows it.
 *
 * <p>{@link #processNextWorkItem()} is public so that a test can step a controller by hand.
 *
 * <p>Real Kubernetes: {@code runWorker} and {@code processNextWorkItem} of every controller in
 * {@code pkg/controller} (and of sample-controller).
 */
public final class Worker<T> {
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());

    private final RateLimitingQueue<T> queue;
    private final Reconciler<T> reconciler;

    /** Starts draining {@code queue} on {@code loop}, including the items already in it. */
    public Worker(RateLimitingQueue<T> queue, EventLoop loop, Reconciler<T> reconciler) {
        this.queue = queue;
        this.reconciler = reconciler;
        String task = queue.name() + ": process next work item";
        queue.addReadyListener(() -> loop.execute(task, this::processNextWorkItem));
        for (int i = queue.len(); i > 0; i--) {
            loop.execute(task, this::processNextWorkItem);
        }
    }

    /**
     * Processes one item, if one is queued.
     *
     * @return whether an item was processed
     */
    // tag::process-next-work-item[]
    public boolean processNextWorkItem() {
        Optional<T> next = queue.get();
        if (next.isEmpty()) {
            return false;
        }
        T item = next.get();
        try {
            reconciler.reconcile(item);
            queue.forget(item);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "error syncing " + queue.name() + " \"" + item + "\" (will retry): "
                    + (e instanceof ApiException ? e.getMessage() : e.toString()));
            queue.addRateLimited(item);
        } finally {
            queue.done(item);
        }
        return true;
    }
    // end::process-next-work-item[]

    public RateLimitingQueue<T> queue() {
        return queue;
    }
}
