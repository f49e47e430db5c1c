package kubelab.store.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import kubelab.store.KeyValue;
import kubelab.store.StoreException;
import kubelab.store.StoreWatch;
import kubelab.store.WatchEvent;
import kubelab.store.WatchListener;

/**
 * One watch on etcd: the events of a key range from a revision, with previous values, handed to
 * the listener one at a time, in revision order, on jetcd's threads. jetcd itself resumes a
 * stream that broke for a moment from the last revision it delivered; when etcd ends the watch
 * for good (the start was compacted, or etcd is gone), the listener's {@code onClose} says why.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/storage/etcd3/watcher.go}.
 */
final class EtcdWatch implements StoreWatch {
    private static final System.Logger LOG = System.getLogger(EtcdWatch.class.getName());

    private final EtcdStore store;
    private final String prefix;
    private final long from;
    private final WatchListener listener;
    private volatile Watch.Watcher watcher;
    private boolean ended; // guarded by this

    EtcdWatch(EtcdStore store, String prefix, long from, WatchListener listener) {
        this.store = store;
        this.prefix = prefix;
        this.from = from;
        this.listener = listener;
    }

    void start(Watch client, ByteSequence key, ByteSequence rangeEnd) {
        WatchOption option = WatchOption.builder().withRange(rangeEnd).withRevision(from).withPrevKV(true).build();
        watcher = client.watch(key, option, Watch.listener(this::onNext, this::onError, this::onCompleted));
    }

    private synchronized void onNext(WatchResponse response) {
        for (io.etcd.jetcd.watch.WatchEvent e : response.getEvents()) {
            if (ended) {
                return;
            }
            KeyValue kv = store.convert(e.getKeyValue());
            io.etcd.jetcd.KeyValue prev = e.getPrevKV();
            KeyValue prevKv = prev == null || prev.getKey().isEmpty() ? null : store.convert(prev);
            WatchEvent.Type type = e.getEventType() == io.etcd.jetcd.watch.WatchEvent.EventType.DELETE
                    ? WatchEvent.Type.DELETE : WatchEvent.Type.PUT;
            try {
                listener.onEvent(new WatchEvent(type, kv, prevKv));
            } catch (RuntimeException | AssertionError failure) {
                LOG.log(System.Logger.Level.WARNING, "watch listener on " + prefix + " failed; its watch is closed", failure);
                end(new StoreException.Unavailable("the watch listener failed: " + failure));
                return;
            }
        }
    }

    private void onError(Throwable t) {
        if (t instanceof CompactedException c) {
            store.learnCompacted(c.getCompactedRevision());
            end(new StoreException.Compacted(from, c.getCompactedRevision()));
        } else {
            end(new StoreException.Unavailable("etcd at " + store.endpoints() + " ended the watch on " + prefix + ": " + t.getMessage()));
        }
    }

    private void onCompleted() {
        end(new StoreException.Unavailable("etcd at " + store.endpoints() + " closed the watch on " + prefix));
    }

    /** Ends the watch from the store's side: no more events, and the listener hears why. */
    synchronized void end(StoreException cause) {
        if (ended) {
            return;
        }
        ended = true;
        store.ended(this);
        closeWatcher();
        try {
            listener.onClose(cause);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "watch listener's onClose on " + prefix + " failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (ended) {
            return;
        }
        ended = true;
        store.ended(this);
        closeWatcher();
    }

    private void closeWatcher() {
        Watch.Watcher w = watcher;
        if (w != null) {
            try {
                w.close();
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
    }
}
