package kubelab.store;

import java.util.function.Consumer;

/**
 * One running watch of a {@link MemoryStore}: the prefix it watches, the revision it starts at, and
 * the listener it feeds.
 *
 * <p>The store calls it only under its write lock, which guards {@link #closed}. A listener that
 * fails ends its own watch: the failure is logged and {@link WatchListener#onClose} is told,
 * because the watcher has now missed an event and must list again to catch up.
 *
 * <p>Real Kubernetes: etcd's {@code watcher} in {@code server/storage/mvcc/watchable_store.go}.
 */
final class Watcher implements StoreWatch {

    private static final System.Logger LOG = System.getLogger(Watcher.class.getName());

    final String prefix;
    final long fromRevision;
    private final WatchListener listener;
    private final Consumer<Watcher> cancel;
    boolean closed;

    /** {@code cancel} takes the watch out of its store; {@link #close()} calls it. */
    Watcher(String prefix, long fromRevision, WatchListener listener, Consumer<Watcher> cancel) {
        this.prefix = prefix;
        this.fromRevision = fromRevision;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** Hands one event to the listener, unless the watch is closed or starts after the event. */
    void deliver(WatchEvent event) {
        if (closed || event.revision() < fromRevision) {
            return;
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException | AssertionError e) {
            LOG.log(System.Logger.Level.WARNING, "watch on " + prefix + " closed: its listener failed at revision "
                    + event.revision(), e);
            cancel.accept(this);
            end(new StoreException.Unavailable("watch closed: its listener failed at revision "
                    + event.revision() + ": " + e));
        }
    }

    /** Ends the watch from the store's side and tells the listener why. */
    void end(StoreException cause) {
        closed = true;
        try {
            listener.onClose(cause);
        } catch (RuntimeException | AssertionError e) {
            LOG.log(System.Logger.Level.WARNING, "watch on " + prefix + ": onClose failed", e);
        }
    }

    @Override
    public void close() {
        cancel.accept(this);
    }
}
