package kubelab.apiserver.cacher;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.WatchEvent;
import kubelab.apiserver.WatchHandler;

/**
 * One client's watch inside the cacher: its filter, and where its events go. It turns each cache
 * event into what this client should see: an object entering its selection is ADDED, one leaving
 * it is DELETED, one staying is MODIFIED, one outside it before and after is nothing.
 *
 * <p>Real Kubernetes: {@code cacheWatcher} in {@code k8s.io/apiserver/pkg/storage/cacher}.
 */
final class CacheWatcher<T> implements ApiWatch {
    private final Filter filter;
    private final boolean bookmarks;
    private final Executor deliverOn;
    private final WatchHandler<T> handler;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    CacheWatcher(Filter filter, boolean bookmarks, Executor deliverOn, WatchHandler<T> handler, Runnable onClose) {
        this.filter = filter;
        this.bookmarks = bookmarks;
        this.deliverOn = deliverOn;
        this.handler = handler;
        this.onClose = onClose;
    }

    Filter filter() {
        return filter;
    }

    boolean wantsBookmarks() {
        return bookmarks;
    }

    // tag::cache-watcher-offer[]
    /** Offers one change; delivers the event this watcher should see, if any. */
    void offer(Cached<T> before, Cached<T> after, long revision) {
        boolean was = filter.matches(before);
        boolean is = filter.matches(after);
        String rv = Long.toString(revision);
        if (is) {
            send(WatchEvent.of(was ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED, after.object(), rv));
        } else if (was) {
            // Left the selection or was deleted: the client sees the last state it would recognise.
            T last = after != null ? after.object() : before.object();
            send(WatchEvent.of(WatchEvent.Type.DELETED, last, rv));
        }
    }
    // end::cache-watcher-offer[]

    void send(WatchEvent<T> event) {
        if (closed.get()) {
            return;
        }
        deliverOn.execute(() -> {
            if (!closed.get()) {
                handler.onEvent(event);
            }
        });
    }

    /** Ends the watch from the server's side: the client is told, then nothing more arrives. */
    void terminate(WatchEvent<T> last) {
        if (closed.get()) {
            return;
        }
        if (last != null) {
            send(last);
        }
        deliverOn.execute(() -> {
            if (closed.compareAndSet(false, true)) {
                if (last == null) {
                    handler.onClose();
                }
                onClose.run();
            }
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    boolean isClosed() {
        return closed.get();
    }
}
