package kubelab.store;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * A store whose watch events are handed to an executor instead of being delivered on whatever
 * thread the inner store produced them. A real etcd's events arrive on the client library's own
 * threads, but the API server's watch caches feed the in-process informers, which live on the
 * cluster's single-threaded event loop: this hands each event over to that loop's thread, in the
 * order it came, one listener's events never reordered.
 *
 * <p>Until {@link #deliverOn} names the executor (the cluster thread is started after the cluster
 * is built), events are held, in order, and handed over then.
 *
 * <p>Real Kubernetes: nothing to hand over, since Go's watch cache runs its own goroutine and its
 * clients read from channels; this is the price of a single-threaded simulation.
 */
public final class HandOffStore extends ForwardingStore {
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> held = new ArrayDeque<>();
    private Executor target;

    public HandOffStore(Store inner) {
        super(inner);
    }

    /** From now on, watch events run on {@code executor}; those held so far go first. */
    public void deliverOn(Executor executor) {
        synchronized (lock) {
            target = executor;
            for (Runnable r = held.poll(); r != null; r = held.poll()) {
                executor.execute(r);
            }
        }
    }

    private void hand(Runnable delivery) {
        synchronized (lock) {
            if (target == null) {
                held.add(delivery);
            } else {
                target.execute(delivery);
            }
        }
    }

    @Override
    public StoreWatch watch(String prefix, long fromRevision, WatchListener listener) {
        return delegate().watch(prefix, fromRevision, new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                hand(() -> listener.onEvent(event));
            }

            @Override
            public void onClose(StoreException cause) {
                hand(() -> listener.onClose(cause));
            }
        });
    }

    /** Never: events come later, on the executor's thread. */
    @Override
    public boolean notifiesBeforeReturn() {
        return false;
    }
}
