package kubelab.apiserver.cacher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.WatchEvent;
import kubelab.apiserver.WatchHandler;
import kubelab.store.Store;
import kubelab.store.StoreException;
import kubelab.store.StoreWatch;
import kubelab.store.WatchListener;

/**
 * The API server's watch cache for one resource: a decoded copy of every object under one store
 * prefix, kept current by one store watch, plus a window of recent events. Lists are served from
 * it, and every client watch of that resource is fed from it, so a thousand informers cost one
 * store watch and one decode per change.
 *
 * <p>Events are routed, not broadcast: a watch whose field selector pins the indexed field (for
 * pods, a kubelet's {@code spec.nodeName=node-7}) is filed under that value, and a change reaches
 * only the watchers filed under its old and new values plus the unindexed ones. No event scans all
 * watchers or all objects.
 *
 * <p>A watch may start from any resourceVersion still inside the window; an older one fails with
 * 410 Expired, and the client must list again. The window is the last {@code capacity} events,
 * and never reaches below the store's compacted revision.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/storage/cacher} ({@code Cacher},
 * {@code watchCache}, and the {@code IndexerFuncs} trigger for {@code spec.nodeName}).
 */
public final class Cacher<T extends KubeObject> implements WatchListener, AutoCloseable {
    private final String prefix;
    private final BiFunction<byte[], Long, T> decoder;
    private final Function<T, Map<String, String>> fieldsOf;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Cached<T>> objects = new TreeMap<>();
    private final ChangeWindow<T> window;
    private final Watchers<T> watchers;
    /** The keys of the objects with each value of the indexed field: one node's pods, in key order. */
    private final KeysByField index;
    private long revision;
    private long offers;
    private StoreWatch storeWatch;
    private Store store;
    /** Called when the store watch ends, so that the owner can {@link #restart} it later. */
    private Runnable onLost = () -> { };

    /**
     * @param prefix       the store prefix of this resource
     * @param decoder      stored bytes and their modRevision to an object carrying that resourceVersion
     * @param fieldsOf     the selectable fields of an object
     * @param indexedField the field whose exact-match watches are indexed, or null
     * @param capacity     how many recent events the window keeps
     */
    public Cacher(String prefix, BiFunction<byte[], Long, T> decoder, Function<T, Map<String, String>> fieldsOf,
                  String indexedField, int capacity) {
        this.prefix = prefix;
        this.decoder = decoder;
        this.fieldsOf = fieldsOf;
        this.index = new KeysByField(indexedField);
        this.window = new ChangeWindow<>(capacity);
        this.watchers = new Watchers<>(indexedField);
    }

    /** Loads the current objects from the store and starts following its changes. */
    public void start(Store store) {
        lock.writeLock().lock();
        try {
            this.store = store;
            load();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Lists the store afresh (dropping what was cached) and watches from the list's revision. */
    private void load() {
        var range = store.range(prefix);
        objects.clear();
        index.clear();
        for (var kv : range.kvs()) {
            Cached<T> c = cached(decoder.apply(kv.value(), kv.modRevision()), kv.modRevision());
            objects.put(kv.key(), c);
            index.move(kv.key(), null, c);
        }
        revision = range.revision();
        window.reset(revision);
        storeWatch = store.watch(prefix, revision + 1, this);
    }

    /** What to call when the store watch ends (a remote store lost, or restarted). */
    public void onLost(Runnable onLost) {
        this.onLost = onLost;
    }

    /**
     * After the store watch was lost: lists the store again and watches from there, as the
     * cacher's own reflector does in Kubernetes. Watchers were already told to relist; they find
     * the reloaded cache.
     *
     * @return false if the store cannot be reached yet (try again later)
     * @throws IllegalStateException if the store was closed for good
     */
    public boolean restart() {
        lock.writeLock().lock();
        try {
            if (storeWatch != null) {
                return true;
            }
            load();
            // Whoever started watching while the cache was cut off watches from a revision the
            // reloaded cache cannot replay from: they too list again, from the fresh cache.
            for (CacheWatcher<T> w : watchers.all()) {
                w.terminate(WatchEvent.error(ApiException.expired("the watch cache was reloaded from the store").status()));
            }
            return true;
        } catch (StoreException e) {
            return false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Cached<T> cached(T object, long rev) {
        var meta = object.metadata();
        return new Cached<>(object, meta.namespace(), meta.labels(), fieldsOf.apply(object), rev);
    }

    /** Called by the store for each change under the prefix, in revision order. */
    @Override
    public void onEvent(kubelab.store.WatchEvent event) {
        lock.writeLock().lock();
        try {
            String key = event.kv().key();
            long rev = event.revision();
            Cached<T> before = objects.get(key);
            Cached<T> after = null;
            if (event.type() == kubelab.store.WatchEvent.Type.PUT) {
                after = cached(decoder.apply(event.kv().value(), rev), rev);
                objects.put(key, after);
            } else {
                objects.remove(key);
                if (before != null) {
                    // A deleted object is reported in its last state, at the revision of its deletion.
                    before = cached(resourceVersionAt(before.object(), rev), rev);
                }
            }
            index.move(key, before, after);
            revision = rev;
            window.add(new ChangeWindow.Change<>(before, after, rev));
            for (CacheWatcher<T> w : watchers.candidates(before, after)) {
                offers++;
                w.offer(before, after, rev);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private T resourceVersionAt(T object, long rev) {
        @SuppressWarnings("unchecked")
        T copy = (T) object.withMetadata(object.metadata().withResourceVersion(Long.toString(rev)));
        return copy;
    }

    /** The store watch ended (a remote store lost): watchers are told to relist. */
    @Override
    public void onClose(StoreException cause) {
        lock.writeLock().lock();
        try {
            for (CacheWatcher<T> w : watchers.all()) {
                w.terminate(WatchEvent.error(ApiException.expired("watch cache lost its store watch: " + cause.getMessage()).status()));
            }
            storeWatch = null;
        } finally {
            lock.writeLock().unlock();
        }
        onLost.run();
    }

    /** The objects that match, in key order, and the revision they were read at. */
    public Snapshot<T> list(Filter filter) {
        lock.readLock().lock();
        try {
            List<T> items = new ArrayList<>();
            for (Cached<T> c : candidates(filter)) {
                if (filter.matches(c)) {
                    items.add(c.object());
                }
            }
            return new Snapshot<>(items, revision);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The objects a filter can match: those filed under the indexed field's value when the filter
     * pins it (one node's pods out of 150,000), else one namespace's key range, or everything.
     */
    private Iterable<Cached<T>> candidates(Filter filter) {
        if (index.answers(filter)) {
            var keys = index.keysWith(filter.indexValue());
            List<Cached<T>> found = new ArrayList<>(keys.size());
            for (String key : keys) {
                found.add(objects.get(key));
            }
            return found;
        }
        return scope(filter).values();
    }

    /** The part of the cache a filter can match: one namespace's key range, or everything. */
    private NavigableMap<String, Cached<T>> scope(Filter filter) {
        if (filter.namespace() == null) {
            return objects;
        }
        String nsPrefix = prefix + filter.namespace() + "/";
        // '/' + 1 == '0': the range [ns/, ns0) holds exactly the keys under ns/.
        return objects.subMap(nsPrefix, true, prefix + filter.namespace() + "0", false);
    }

    /** A consistent list: the items and the revision of the cache when they were read. */
    public record Snapshot<T>(List<T> items, long revision) {
    }

    /** The current object at a key, or null. */
    public T get(String key) {
        lock.readLock().lock();
        try {
            Cached<T> c = objects.get(key);
            return c == null ? null : c.object();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The object at a key if the cache holds it at exactly {@code modRevision}, else null. Bytes
     * stored at one revision never change, so this is what decoding them would give, without the
     * decode: the API server reads the store for a consistent answer and takes the cache's copy
     * when it is that same write.
     */
    public T at(String key, long modRevision) {
        lock.readLock().lock();
        try {
            Cached<T> c = objects.get(key);
            return c != null && c.revision() == modRevision ? c.object() : null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The revision of the newest change the cache has seen. */
    public long revision() {
        lock.readLock().lock();
        try {
            return revision;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many objects are cached. */
    public int size() {
        lock.readLock().lock();
        try {
            return objects.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Starts a client watch.
     *
     * @param fromRevision deliver changes after this revision; null for the current objects as
     *                     ADDED events first, then changes
     * @throws ApiException Expired (410) if {@code fromRevision} is below the window
     */
    public ApiWatch watch(Filter filter, Long fromRevision, boolean bookmarks, Executor deliverOn,
                          WatchHandler<T> handler) {
        lock.writeLock().lock();
        try {
            Iterable<ChangeWindow.Change<T>> missed = fromRevision == null ? null : window.since(fromRevision);
            CacheWatcher<T>[] self = newArray();
            CacheWatcher<T> w = new CacheWatcher<>(filter, bookmarks, deliverOn, handler, () -> remove(self[0]));
            self[0] = w;
            if (fromRevision == null) {
                for (Cached<T> c : candidates(filter)) {
                    if (filter.matches(c)) {
                        w.send(WatchEvent.of(WatchEvent.Type.ADDED, c.object(), Long.toString(c.revision())));
                    }
                }
            } else {
                for (ChangeWindow.Change<T> ch : missed) {
                    w.offer(ch.before(), ch.after(), ch.revision());
                }
            }
            watchers.add(w);
            return w;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private CacheWatcher<T>[] newArray() {
        return (CacheWatcher<T>[]) new CacheWatcher[1];
    }

    private void remove(CacheWatcher<T> w) {
        lock.writeLock().lock();
        try {
            watchers.remove(w);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Ends a watch from the server's side, as its timeout does: the client gets onClose. */
    public void end(ApiWatch watch) {
        if (watch instanceof CacheWatcher<?> w) {
            w.terminate(null);
        }
    }

    /** Ends every watch from the server's side, as a restarting API server does. */
    public void endAll() {
        // The write lock, not the read lock: a watcher delivering on the calling thread removes
        // itself at once, and a read lock cannot be upgraded to the write lock that takes.
        lock.writeLock().lock();
        try {
            watchers.all().forEach(w -> w.terminate(null));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sends a BOOKMARK with the current revision to every watcher that asked for bookmarks. */
    public void sendBookmarks() {
        sendBookmarks(0);
    }

    /**
     * Sends a BOOKMARK to each watcher that asked for them, at the store's revision
     * {@code storeRevision} if that is newer than this type's last change: the cache has seen every
     * write up to it (the store tells it before a write returns), so no event of this type lies in
     * between, and a client resuming from the bookmark never goes back behind a list it made.
     */
    public void sendBookmarks(long storeRevision) {
        lock.readLock().lock();
        try {
            String rv = Long.toString(Math.max(revision, storeRevision));
            for (CacheWatcher<T> w : watchers.all()) {
                if (w.wantsBookmarks()) {
                    w.send(WatchEvent.bookmark(rv));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The store compacted up to {@code compacted}: the window no longer reaches below it. */
    public void onCompacted(long compacted) {
        lock.writeLock().lock();
        try {
            // the floor stays at or below this cache's own revision, even if the store's global
            // revision (other resources' writes) is far ahead
            window.compacted(compacted, revision);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * How many times a change has been offered to a watcher so far. With routing by index, one pod
     * change on one node costs one offer per interested watcher, however many kubelets watch.
     */
    public long offers() {
        lock.readLock().lock();
        try {
            return offers;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many client watches are open, indexed or not. */
    public int watcherCount() {
        lock.readLock().lock();
        try {
            return watchers.all().size();
        } finally {
            lock.readLock().unlock();
        }
    }


    @Override
    public void close() {
        if (storeWatch != null) {
            storeWatch.close();
        }
    }
}
