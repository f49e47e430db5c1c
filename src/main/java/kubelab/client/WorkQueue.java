package kubelab.client;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The queue between a controller's event handlers and its worker, with the three promises of
 * Kubernetes' work queue:
 * <ul>
 *   <li><b>Fair</b>: items are processed in the order they were added.</li>
 *   <li><b>Stingy</b>: an item added several times before it is processed is processed once
 *       (items are keys, so ten changes to one pod cost one reconcile).</li>
 *   <li><b>Never concurrent on one item</b>: an item added while it is being processed is not
 *       handed out again until {@link #done} is called for it; then it is re-queued, so the
 *       change that arrived during processing is not lost.</li>
 * </ul>
 * A {@code dirty} set holds items that need processing, a {@code processing} set those handed out
 * and not yet done; the queue itself holds each dirty, unprocessed item once.
 *
 * <p>{@link #get()} never blocks (workers run as loop tasks and must not wait): it returns empty
 * when there is nothing to do. Instead of polling, a worker registers a
 * {@linkplain #addReadyListener ready listener}, called each time an item becomes available.
 *
 * <p>Thread-safe. Items must have proper {@code equals} and {@code hashCode} (strings do).
 *
 * <p>Real Kubernetes: {@code workqueue.Type} in {@code client-go/util/workqueue/queue.go}.
 */
public class WorkQueue<T> {
    private final String name;
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final Set<T> dirty = new HashSet<>();
    private final Set<T> processing = new HashSet<>();
    private final List<Runnable> readyListeners = new CopyOnWriteArrayList<>();
    private boolean shuttingDown;

    public WorkQueue(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Marks {@code item} as needing processing. Ignored after {@link #shutDown()}. */
    public void add(T item) {
        synchronized (this) {
            if (shuttingDown || !dirty.add(item) || processing.contains(item)) {
                // Already waiting, or being processed: done() will re-queue it.
                return;
            }
            queue.add(item);
        }
        fireReady();
    }

    /**
     * The next item to process, now marked as processing; empty if none is queued. Items still
     * queued after {@link #shutDown()} are handed out until the queue is empty.
     */
    public synchronized Optional<T> get() {
        T item = queue.poll();
        if (item == null) {
            return Optional.empty();
        }
        processing.add(item);
        dirty.remove(item);
        return Optional.of(item);
    }

    /** Ends the processing of {@code item}; re-queues it if it was added meanwhile. */
    public void done(T item) {
        synchronized (this) {
            processing.remove(item);
            if (!dirty.contains(item)) {
                return;
            }
            queue.add(item);
        }
        fireReady();
    }

    /** How many items wait to be handed out (not counting those being processed). */
    public synchronized int len() {
        return queue.size();
    }

    /** Stops accepting new items. */
    public void shutDown() {
        synchronized (this) {
            shuttingDown = true;
        }
    }

    public synchronized boolean shuttingDown() {
        return shuttingDown;
    }

    /**
     * Calls {@code listener} each time an item enters the queue and can be handed out by
     * {@link #get()}: once per item, outside the queue's lock.
     */
    public void addReadyListener(Runnable listener) {
        readyListeners.add(listener);
    }

    @Override
    public synchronized String toString() {
        return "WorkQueue[" + name + ": queued=" + queue + ", processing=" + processing + "]";
    }

    private void fireReady() {
        for (Runnable r : readyListeners) {
            r.run();
        }
    }
}
